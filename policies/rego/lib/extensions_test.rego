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
