package poolcheck.rules.azure_monitor_agent_without_identity_test

import data.poolcheck.rules.azure_monitor_agent_without_identity.deny

pool_with(ext) := {"scope": "pool", "virtualMachineConfiguration": {"extensions": [ext]}}

ama := {
	"name": "ama",
	"publisher": "Microsoft.Azure.Monitor",
	"type": "AzureMonitorLinuxAgent",
	"typeHandlerVersion": "1.33",
}

identity := {"managedIdentity": {
	"identifier-name": "mi_res_id",
	"identifier-value": "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/mon",
}}

test_agent_without_settings_is_reported_at_the_extension if {
	some finding in deny with input as pool_with(ama)
	finding.pointer == "/virtualMachineConfiguration/extensions/0"
	contains(finding.msg, "'ama'")
	contains(finding.msg, "mi_res_id")
}

test_agent_with_other_settings_is_reported_at_the_settings if {
	ext := object.union(ama, {"settings": {"GCS_AUTO_CONFIG": true}})
	some finding in deny with input as pool_with(ext)
	finding.pointer == "/virtualMachineConfiguration/extensions/0/settings"
}

test_agent_with_authentication_but_no_identity_is_reported_there if {
	ext := object.union(ama, {"settings": {"authentication": {}}})
	some finding in deny with input as pool_with(ext)
	finding.pointer == "/virtualMachineConfiguration/extensions/0/settings/authentication"
}

test_windows_agent_is_reported_too if {
	ext := object.union(ama, {"type": "azuremonitorwindowsagent"})
	count(deny) == 1 with input as pool_with(ext)
}

test_agent_with_a_managed_identity_is_fine if {
	ext := object.union(ama, {"settings": {"authentication": identity}})
	count(deny) == 0 with input as pool_with(ext)
}

test_expression_settings_are_not_judged if {
	count(deny) == 0 with input as pool_with(object.union(ama, {"settings": "[variables('amaSettings')]"}))
	count(deny) == 0 with input as pool_with(object.union(ama, {"settings": {"authentication": "[variables('auth')]"}}))
}

test_node_extension_scope_is_not_judged if {
	count(deny) == 0 with input as {"scope": "extension", "virtualMachineConfiguration": {"extensions": [ama]}}
}

test_other_extensions_are_not_judged if {
	ext := {"name": "kv", "publisher": "Microsoft.Azure.KeyVault", "type": "KeyVaultForLinux"}
	count(deny) == 0 with input as pool_with(ext)
}
