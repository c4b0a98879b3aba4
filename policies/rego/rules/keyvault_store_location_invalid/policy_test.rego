package poolcheck.rules.keyvault_store_location_invalid_test

import data.poolcheck.rules.keyvault_store_location_invalid.deny

kv(type, management) := {"scope": "pool", "virtualMachineConfiguration": {"extensions": [{
	"name": "kv", "publisher": "Microsoft.Azure.KeyVault", "type": type, "typeHandlerVersion": "3.0",
	"settings": {"secretsManagementSettings": management},
}]}}

test_linux_store_for_all_certificates_must_be_absolute if {
	some f in deny with input as kv("KeyVaultForLinux", {"certificateStoreLocation": "LocalMachine", "observedCertificates": []})
	f.pointer == "/virtualMachineConfiguration/extensions/0/settings/secretsManagementSettings/certificateStoreLocation"
	contains(f.msg, "'LocalMachine' is not an absolute path")
}

test_linux_store_per_certificate_must_be_absolute if {
	certificates := [
		{"url": "https://a.vault.azure.net/secrets/x", "certificateStoreLocation": "/var/lib/waagent/Microsoft.Azure.KeyVault/app"},
		{"url": "https://a.vault.azure.net/secrets/y", "certificateStoreLocation": "certs/app"},
	]
	found := deny with input as kv("KeyVaultForLinux", {"observedCertificates": certificates})
	{f.pointer | some f in found} == {"/virtualMachineConfiguration/extensions/0/settings/secretsManagementSettings/observedCertificates/1/certificateStoreLocation"}
}

test_absolute_paths_and_expressions_are_fine if {
	count(deny) == 0 with input as kv("KeyVaultForLinux", {"certificateStoreLocation": "/var/lib/waagent/Microsoft.Azure.KeyVault", "observedCertificates": [{"certificateStoreLocation": "[parameters('store')]"}]})
}

test_windows_is_left_to_the_settings_schema if {
	count(deny) == 0 with input as kv("KeyVaultForWindows", {"certificateStoreLocation": "localmachine", "observedCertificates": []})
}
