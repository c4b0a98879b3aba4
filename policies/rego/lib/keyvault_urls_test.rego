package poolcheck.lib.keyvault_urls_test

import data.poolcheck.lib.keyvault
import data.poolcheck.lib.keyvault_urls

pool(type, version, urls) := {"scope": "pool", "virtualMachineConfiguration": {"extensions": [{
	"name": "kv", "publisher": "Microsoft.Azure.KeyVault", "type": type, "typeHandlerVersion": version,
	"settings": {"secretsManagementSettings": {"observedCertificates": urls}},
}]}}

# What problem() says without the quick check: the URL split into parts and judged in full.
full_problem(o) := sprintf("is not a URL; use the certificate's secret identifier, %s", [keyvault_urls.example]) if {
	not keyvault_urls.parts(o.url)
} else := keyvault_urls.url_problem(o, keyvault_urls.parts(o.url))

urls := [
	"https://contoso-kv.vault.azure.net/secrets/web-tls",
	"https://contoso-kv.vault.azure.net/secrets/web-tls/",
	"https://contoso-kv.vault.azure.net/secrets/web-tls/0123456789abcdef0123456789abcdef",
	"https://contoso-kv.vault.azure.net/secrets/Web-TLS-2/ABCdef",
	"https://contoso-kv.vault.azure.cn/secrets/a",
	"https://contoso-kv.vault.usgovcloudapi.net/secrets/a",
	"https://contoso-kv.vault.azure.net:443/secrets/a",
	"https://contoso-kv.vault.azure.net/secrets/web-tls/0123456789abcdef/",
	"https://Contoso-KV.vault.azure.net/secrets/a",
	"https://contoso-kv.Vault.Azure.net/secrets/a",
	"HTTPS://contoso-kv.vault.azure.net/secrets/a",
	"http://contoso-kv.vault.azure.net/secrets/a",
	"ftp://contoso-kv.vault.azure.net/secrets/a",
	"https://contoso-kv.vault.azure.net:8443/secrets/a",
	"https://contoso_kv.vault.azure.net/secrets/a",
	"https://.vault.azure.net/secrets/a",
	"https://vault.azure.net/secrets/a",
	"https://contoso-kv.vault.azure.net.evil.com/secrets/a",
	"https://contoso.blob.core.windows.net/secrets/a",
	"https://contoso-kv.vault.azure.net/certificates/a",
	"https://contoso-kv.vault.azure.net/Secrets/a",
	"https://contoso-kv.vault.azure.net/secrets/",
	"https://contoso-kv.vault.azure.net/secrets//v",
	"https://contoso-kv.vault.azure.net/secrets/a_b",
	"https://contoso-kv.vault.azure.net/secrets/a.b",
	"https://contoso-kv.vault.azure.net/secrets/a/v-1",
	"https://contoso-kv.vault.azure.net/secrets/a/v/",
	"https://contoso-kv.vault.azure.net/secrets/a/v/x",
	"https://contoso-kv.vault.azure.net/secrets/a?api-version=7.4",
	"https://contoso-kv.vault.azure.net/secrets/a#x",
	"https://contoso-kv.vault.azure.net?x/secrets/a",
	"https://contoso-kv.vault.azure.net/secrets/a/v?sig=x",
	"https://contoso-kv.vault.azure.net/secrets/ä",
	"https://contoso-kv.vault.azure.net//secrets/a",
	"https:/contoso-kv.vault.azure.net/secrets/a",
	"https:///secrets/a",
	"contoso-kv/web-tls",
	"",
]

extensions := [
	["KeyVaultForLinux", "1.0"],
	["KeyVaultForLinux", "3.0"],
	["KeyVaultForWindows", "3.0"],
	["KeyVaultForWindows", "4.0"],
]

# The quick check accepts only URLs problem() finds nothing wrong with, whatever the extension, and
# problem() says of every other URL what it says in full.
test_quick_check_agrees_with_problem if {
	every extension in extensions {
		every url in urls {
			p := pool(extension[0], extension[1], [url])
			observed := keyvault.observed with input as p
			count(observed) == 1
			valid := {keyvault.pointer_of(o) | some o in observed; keyvault_urls.quick_valid(o) with input as p}
			every o in observed {
				not_quick_or_fine(valid, o)
			}
			every o in observed {
				agrees(valid, o, p)
			}
		}
	}
}

not_quick_or_fine(valid, o) if not valid[keyvault.pointer_of(o)]

not_quick_or_fine(_, o) if not full_problem(o)

agrees(valid, o, _) if valid[keyvault.pointer_of(o)]

agrees(valid, o, p) if {
	not valid[keyvault.pointer_of(o)]
	keyvault_urls.problem(o) == full_problem(o) with input as p
}

agrees(valid, o, p) if {
	not valid[keyvault.pointer_of(o)]
	not full_problem(o)
	not keyvault_urls.problem(o) with input as p
}

# The shapes nearly every pool uses take the quick path.
test_secret_identifiers_take_the_quick_path if {
	every url in array.slice(urls, 0, 7) {
		p := pool("KeyVaultForLinux", "3.0", [url])
		count(quick(p)) == 1
	}
	every url in array.slice(urls, 7, 100) {
		p := pool("KeyVaultForLinux", "3.0", [url])
		count(quick(p)) == 0
	}
}

# A Windows 4.x extension cannot pin a version: a versioned URL takes the full path there.
test_versions_under_windows_4_take_the_full_path if {
	p := pool("KeyVaultForWindows", "4.0", [urls[2], urls[1]])
	quick(p) == {"/virtualMachineConfiguration/extensions/0/settings/secretsManagementSettings/observedCertificates/1"}
}

quick(p) := {keyvault.pointer_of(o) | some o in keyvault.observed with input as p; keyvault_urls.quick_valid(o) with input as p}
