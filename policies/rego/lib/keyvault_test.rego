package poolcheck.lib.keyvault_test

import data.poolcheck.lib.keyvault

test_major_version_is_the_digits_before_the_first_dot if {
	keyvault.major({"typeHandlerVersion": "3.2.1"}) == "3"
	keyvault.major({"typeHandlerVersion": "4"}) == "4"
	keyvault.major({"typeHandlerVersion": 3}) == "3"
	keyvault.major({"typeHandlerVersion": 1.5}) == "1"
	not keyvault.major({"typeHandlerVersion": "[parameters('v')]"})
	not keyvault.major({})
}

test_identities_present_absent_or_unknown if {
	keyvault.identities == "present" with input as {"identity": {"type": "UserAssigned", "userAssignedIdentities": [{"resourceId": "/x"}]}}
	keyvault.identities == "absent" with input as {}
	keyvault.identities == "absent" with input as {"identity": {"type": "None"}}
	keyvault.identities == "absent" with input as {"identity": {"type": "UserAssigned", "userAssignedIdentities": []}}
	keyvault.identities == "unknown" with input as {"identity": "[parameters('identity')]"}
	keyvault.identities == "unknown" with input as {"identity": {"type": "[parameters('t')]"}}
	keyvault.identities == "unknown" with input as {"identity": {"type": "UserAssigned", "userAssignedIdentities": "[variables('ids')]"}}
}

test_observed_urls_of_both_shapes if {
	pool := {"virtualMachineConfiguration": {"extensions": [{
		"publisher": "Microsoft.Azure.KeyVault", "type": "KeyVaultForLinux",
		"settings": {"secretsManagementSettings": {"observedCertificates": [
			"https://a.vault.azure.net/secrets/x",
			{"url": "https://a.vault.azure.net/secrets/y"},
			{"url": "[parameters('u')]"},
			7,
		]}},
	}]}}
	found := {[o.url, keyvault.pointer_of(o)] | some o in keyvault.observed} with input as pool
	found == {
		["https://a.vault.azure.net/secrets/x", "/virtualMachineConfiguration/extensions/0/settings/secretsManagementSettings/observedCertificates/0"],
		["https://a.vault.azure.net/secrets/y", "/virtualMachineConfiguration/extensions/0/settings/secretsManagementSettings/observedCertificates/1/url"],
	}
}

test_only_key_vault_extensions if {
	pool := {"virtualMachineConfiguration": {"extensions": [
		{"publisher": "Microsoft.Azure.KeyVault", "type": "KeyVaultForWindows"},
		{"publisher": "Microsoft.Azure.Monitor", "type": "AzureMonitorLinuxAgent"},
		{"publisher": "[parameters('p')]", "type": "KeyVaultForLinux"},
	]}}
	found := {[kv.os, kv.pointer] | some kv in keyvault.key_vaults} with input as pool
	found == {["windows", "/virtualMachineConfiguration/extensions/0"]}
}
