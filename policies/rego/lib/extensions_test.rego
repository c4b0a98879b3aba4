package poolcheck.lib.extensions_test

import data.poolcheck.lib.extensions

test_arm_expressions_are_unknown if {
	extensions.is_expression("[parameters('v')]")
	not extensions.is_expression("[[literal")
}

test_terraform_references_are_unknown if {
	extensions.is_expression("${azurerm_user_assigned_identity.kv.client_id}") with input as {"kind": "terraform"}
	extensions.is_expression("pool-${var.env}") with input as {"kind": "terraform"}
	not extensions.is_expression("plain") with input as {"kind": "terraform"}
}

test_placeholders_of_templated_json_are_unknown_too if {
	extensions.is_expression("${CLIENT_ID}") with input as {"kind": "data-plane"}
}

test_extensions_carry_their_literal_publisher_and_type_in_lower_case if {
	pool := {"virtualMachineConfiguration": {"extensions": [
		{"publisher": "Microsoft.Azure.KeyVault", "type": "KeyVaultForLinux"},
		{"publisher": "[parameters('p')]", "type": "${var.type}"},
		{"name": "bare"},
		{"publisher": 7, "type": ["x"]},
		"not an object",
	]}}
	found := {pointer: [item.publisher, item.type] | some pointer, item in extensions.all_extensions} with input as pool
	found == {
		"/virtualMachineConfiguration/extensions/0": ["microsoft.azure.keyvault", "keyvaultforlinux"],
		"/virtualMachineConfiguration/extensions/1": [null, null],
		"/virtualMachineConfiguration/extensions/2": [null, null],
		"/virtualMachineConfiguration/extensions/3": [null, null],
	}
}

test_custom_script_family if {
	extensions.custom_script_of(null, "customscript")
	extensions.custom_script_of("contoso", "customscript")
	extensions.custom_script_of("microsoft.compute", "customscriptextension")
	extensions.custom_script_of("microsoft.ostcextensions", "customscriptforlinux")
	not extensions.custom_script_of("microsoft.compute", "customscriptforlinux")
	not extensions.custom_script_of(null, "customscriptextension")
	not extensions.custom_script_of("microsoft.compute", null)
	not extensions.custom_script_of(null, null)
}

test_custom_script_is_read_from_cloud_service_configuration_too if {
	pool := {"cloudServiceConfiguration": {"extensions": [{"publisher": "Microsoft.Compute", "type": "CustomScriptExtension"}]}}
	extensions.all_extensions["/cloudServiceConfiguration/extensions/0"].custom_script with input as pool
}
