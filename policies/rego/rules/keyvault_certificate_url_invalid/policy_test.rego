package poolcheck.rules.keyvault_certificate_url_invalid_test

import data.poolcheck.rules.keyvault_certificate_url_invalid.deny

kv(type, version, certificates) := {"scope": "pool", "virtualMachineConfiguration": {"extensions": [{
	"name": "kv", "publisher": "Microsoft.Azure.KeyVault", "type": type, "typeHandlerVersion": version,
	"settings": {"secretsManagementSettings": {"observedCertificates": certificates}},
}]}}

at(i) := sprintf("/virtualMachineConfiguration/extensions/0/settings/secretsManagementSettings/observedCertificates/%d", [i])

test_secret_identifiers_of_every_cloud_are_fine if {
	count(deny) == 0 with input as kv("KeyVaultForLinux", "1.0", [
		"https://contoso-kv.vault.azure.net/secrets/web-tls",
		"https://contoso-kv.vault.azure.cn/secrets/web-tls/0123456789abcdef0123456789abcdef",
		"https://Contoso-KV.Vault.UsGovCloudApi.net/secrets/web-tls/",
		"https://contoso-kv.vault.azure.net:443/secrets/web-tls",
	])
}

test_certificate_identifier_loses_the_private_key if {
	some f in deny with input as kv("KeyVaultForLinux", "3.0", [{"url": "https://contoso-kv.vault.azure.net/certificates/web-tls/abc"}])
	f.pointer == concat("", [at(0), "/url"])
	contains(f.msg, "without its private key")
	contains(f.msg, "https://contoso-kv.vault.azure.net/secrets/web-tls")
	startswith(f.msg, "extension 'kv': observed certificate 'https://contoso-kv.vault.azure.net/certificates/web-tls/abc'")
}

test_http_is_refused if {
	some f in deny with input as kv("KeyVaultForLinux", "1.0", ["http://contoso-kv.vault.azure.net/secrets/web-tls"])
	f.pointer == at(0)
	contains(f.msg, "uses http://")
}

test_other_schemes_and_non_urls_are_refused if {
	count(deny) == 2 with input as kv("KeyVaultForLinux", "1.0", ["ftp://contoso-kv.vault.azure.net/secrets/a", "contoso-kv/web-tls"])
}

test_other_hosts_are_refused if {
	some f in deny with input as kv("KeyVaultForWindows", "3.0", [{"url": "https://contoso.blob.core.windows.net/secrets/web-tls"}])
	contains(f.msg, "not on a Key Vault host")
}

test_other_paths_and_queries_are_refused if {
	count(deny) == 3 with input as kv("KeyVaultForLinux", "1.0", [
		"https://contoso-kv.vault.azure.net/keys/web-tls",
		"https://contoso-kv.vault.azure.net/secrets/",
		"https://contoso-kv.vault.azure.net/secrets/web-tls?api-version=7.4",
	])
}

test_windows_4_cannot_pin_a_version if {
	certificates := [{"url": "https://contoso-kv.vault.azure.net/secrets/web-tls/0123456789abcdef0123456789abcdef"}]
	some f in deny with input as kv("KeyVaultForWindows", "4.0", certificates)
	contains(f.msg, "cannot pin")
	count(deny) == 0 with input as kv("KeyVaultForWindows", "3.0", certificates)
}

test_queries_and_long_strings_are_not_shown if {
	sas := "https://contoso.blob.core.windows.net/certs/web.pfx?sv=2022-11-02&sr=b&sp=r&sig=c2VjcmV0c2lnbmF0dXJl"
	long := concat("", ["contoso-", concat("", [x | some _ in numbers.range(1, 30); x := "abcdefgh"])])
	found := deny with input as kv("KeyVaultForLinux", "1.0", [sas, long])
	count(found) == 2
	every f in found {
		not contains(f.msg, "c2VjcmV0")
		not contains(f.msg, "abcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefgh")
	}
	some f in found
	contains(f.msg, "'https://contoso.blob.core.windows.net/certs/web.pfx?...'")
}

test_expressions_are_not_judged if {
	count(deny) == 0 with input as kv("KeyVaultForLinux", "3.0", [{"url": "[parameters('certificateUrl')]"}, "[variables('u')]"])
}

test_unnamed_extension if {
	pool := {"virtualMachineConfiguration": {"extensions": [{
		"publisher": "Microsoft.Azure.KeyVault", "type": "KeyVaultForLinux",
		"settings": {"secretsManagementSettings": {"observedCertificates": ["http://a.vault.azure.net/secrets/b"]}},
	}]}}
	some f in deny with input as pool
	startswith(f.msg, "extension '(unnamed)'")
}
