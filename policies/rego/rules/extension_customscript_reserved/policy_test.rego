package poolcheck.rules.extension_customscript_reserved_test

import data.poolcheck.rules.extension_customscript_reserved.deny

pool_with(ext) := {"scope": "pool", "virtualMachineConfiguration": {"extensions": [ext]}}

test_customscript_type_is_denied_whatever_the_publisher if {
	ext := {"name": "setup", "publisher": "Contoso.Anything", "type": "CustomScript"}
	some finding in deny with input as pool_with(ext)
	finding.pointer == "/virtualMachineConfiguration/extensions/0/type"
	contains(finding.msg, "The CustomScript extension type is reserved for the Azure Batch service and can't be overridden.")
	contains(finding.msg, "startTask")
}

test_type_matches_case_insensitively if {
	ext := {"name": "setup", "publisher": "Microsoft.Azure.Extensions", "type": "customscript"}
	count(deny) == 1 with input as pool_with(ext)
}

test_windows_custom_script_extension_is_denied if {
	ext := {"name": "win", "publisher": "Microsoft.Compute", "type": "CustomScriptExtension"}
	count(deny) == 1 with input as pool_with(ext)
}

test_legacy_linux_custom_script_is_denied if {
	ext := {"name": "old", "publisher": "microsoft.ostcextensions", "type": "CustomScriptForLinux"}
	count(deny) == 1 with input as pool_with(ext)
}

test_custom_script_under_cloud_service_configuration_is_denied if {
	pool := {"scope": "pool", "cloudServiceConfiguration": {"extensions": [{"type": "CustomScript"}]}}
	some finding in deny with input as pool
	finding.pointer == "/cloudServiceConfiguration/extensions/0/type"
	contains(finding.msg, "'(unnamed)'")
}

test_node_extension_response_is_not_judged if {
	# Azure's ComputeNodeExtensionGet example: the CustomScript extension Batch put on the node.
	ext := {"name": "batchNodeExtension", "publisher": "Microsoft.Azure.Extensions", "type": "CustomScript"}
	count(deny) == 0 with input as {"kind": "node-extension", "scope": "extension", "documentRole": "response", "virtualMachineConfiguration": {"extensions": [ext]}}
}

test_pool_response_is_judged if {
	ext := {"name": "setup", "publisher": "Microsoft.Azure.Extensions", "type": "CustomScript"}
	count(deny) == 1 with input as {"kind": "management", "scope": "pool", "documentRole": "response", "virtualMachineConfiguration": {"extensions": [ext]}}
}

test_other_extensions_are_fine if {
	ext := {"name": "kv", "publisher": "Microsoft.Azure.KeyVault", "type": "KeyVaultForLinux"}
	count(deny) == 0 with input as pool_with(ext)
}

test_customscript_extension_type_from_another_publisher_is_fine if {
	ext := {"name": "x", "publisher": "Contoso.Tools", "type": "CustomScriptExtension"}
	count(deny) == 0 with input as pool_with(ext)
}

test_arm_expression_type_is_unknown if {
	ext := {"name": "x", "publisher": "Microsoft.Compute", "type": "[parameters('extensionType')]"}
	count(deny) == 0 with input as pool_with(ext)
}
