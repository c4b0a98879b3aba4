package poolcheck.rules.keyvault_certificate_duplicate_test

import data.poolcheck.rules.keyvault_certificate_duplicate.deny

kv(certificates) := {"scope": "pool", "virtualMachineConfiguration": {"extensions": [{
	"name": "kv", "publisher": "Microsoft.Azure.KeyVault", "type": "KeyVaultForLinux", "typeHandlerVersion": "3.0",
	"settings": {"secretsManagementSettings": {"observedCertificates": certificates}},
}]}}

at(i) := sprintf("/virtualMachineConfiguration/extensions/0/settings/secretsManagementSettings/observedCertificates/%d/url", [i])

test_repeats_are_reported_at_each_repeat if {
	found := deny with input as kv([
		{"url": "https://a.vault.azure.net/secrets/web"},
		{"url": "https://a.vault.azure.net/secrets/api"},
		{"url": "https://A.vault.azure.net/secrets/web/"},
		{"url": "https://a.vault.azure.net/secrets/web"},
	])
	{f.pointer | some f in found} == {at(2), at(3)}
	every f in found {
		contains(f.msg, "repeats certificate 0")
	}
}

test_distinct_certificates_are_fine if {
	count(deny) == 0 with input as kv([
		{"url": "https://a.vault.azure.net/secrets/web"},
		{"url": "https://a.vault.azure.net/secrets/web/0123456789abcdef0123456789abcdef"},
		{"url": "https://b.vault.azure.net/secrets/web"},
	])
}

test_the_same_url_in_two_extensions_is_fine if {
	ext := {
		"publisher": "Microsoft.Azure.KeyVault", "type": "KeyVaultForLinux",
		"settings": {"secretsManagementSettings": {"observedCertificates": ["https://a.vault.azure.net/secrets/web"]}},
	}
	count(deny) == 0 with input as {"virtualMachineConfiguration": {"extensions": [ext, ext]}}
}

test_repeats_in_one_extension_are_found_beside_another_extension if {
	first := {
		"publisher": "Microsoft.Azure.KeyVault", "type": "KeyVaultForLinux",
		"settings": {"secretsManagementSettings": {"observedCertificates": ["https://a.vault.azure.net/secrets/web", "https://a.vault.azure.net/secrets/api"]}},
	}
	second := {
		"publisher": "Microsoft.Azure.KeyVault", "type": "KeyVaultForLinux",
		"settings": {"secretsManagementSettings": {"observedCertificates": ["https://a.vault.azure.net/secrets/web", "https://a.vault.azure.net/secrets/WEB/"]}},
	}
	found := deny with input as {"virtualMachineConfiguration": {"extensions": [first, second]}}
	{f.pointer | some f in found} == {"/virtualMachineConfiguration/extensions/1/settings/secretsManagementSettings/observedCertificates/1"}
}
