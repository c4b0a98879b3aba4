package poolcheck.rules.keyvault_authentication_missing_test

import data.poolcheck.rules.keyvault_authentication_missing.deny

identity := {"type": "UserAssigned", "userAssignedIdentities": [{"resourceId": "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/pool"}]}

pool(ext, id) := {"kind": "management", "scope": "pool", "identity": id, "virtualMachineConfiguration": {"extensions": [ext]}}

kv(settings) := {"name": "kv", "publisher": "Microsoft.Azure.KeyVault", "type": "KeyVaultForWindows", "typeHandlerVersion": "3.0", "settings": settings}

management := {"secretsManagementSettings": {"observedCertificates": []}}

test_identities_without_authentication_settings_are_an_error if {
	some f in deny with input as pool(kv(management), identity)
	f.pointer == "/virtualMachineConfiguration/extensions/0/settings"
	contains(f.msg, "no settings.authenticationSettings")
}

test_missing_settings_are_reported_at_the_extension if {
	ext := {"name": "kv", "publisher": "Microsoft.Azure.KeyVault", "type": "KeyVaultForLinux"}
	some f in deny with input as pool(ext, identity)
	f.pointer == "/virtualMachineConfiguration/extensions/0"
}

test_authentication_settings_present_is_fine if {
	settings := object.union(management, {"authenticationSettings": {"msiEndpoint": "http://169.254.169.254/metadata/identity", "msiClientId": "[parameters('clientId')]"}})
	count(deny) == 0 with input as pool(kv(settings), identity)
}

test_no_identity_or_unknown_identity_is_not_judged if {
	count(deny) == 0 with input as pool(kv(management), {"type": "None"})
	count(deny) == 0 with input as pool(kv(management), "[variables('identity')]")
}

test_settings_as_expression_are_not_judged if {
	count(deny) == 0 with input as pool(kv("[parameters('settings')]"), identity)
}

test_node_extension_responses_are_not_judged if {
	count(deny) == 0 with input as {"scope": "extension", "virtualMachineConfiguration": {"extensions": [kv(management)]}}
}
