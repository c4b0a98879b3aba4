package poolcheck.rules.extensions_require_vm_configuration_test

import data.poolcheck.rules.extensions_require_vm_configuration.deny

kv := {"name": "kv", "publisher": "Microsoft.Azure.KeyVault", "type": "KeyVaultForLinux"}

test_extension_under_cloud_service_configuration_is_denied if {
	pool := {"scope": "pool", "cloudServiceConfiguration": {"osFamily": "6", "extensions": [kv]}}
	some finding in deny with input as pool
	finding.pointer == "/cloudServiceConfiguration/extensions/0"
	contains(finding.msg, "'kv'")
}

test_pool_with_both_configurations_and_extensions_is_denied if {
	pool := {
		"scope": "pool",
		"cloudServiceConfiguration": {"osFamily": "6"},
		"virtualMachineConfiguration": {"extensions": [kv]},
	}
	deny == {{
		"msg": "the pool has extensions and sets both virtualMachineConfiguration and cloudServiceConfiguration; pools with extensions must use Virtual Machine Configuration only: remove cloudServiceConfiguration",
		"pointer": "/cloudServiceConfiguration",
	}} with input as pool
}

test_extensions_under_virtual_machine_configuration_are_fine if {
	count(deny) == 0 with input as {"scope": "pool", "virtualMachineConfiguration": {"extensions": [kv]}}
}

test_cloud_service_pool_without_extensions_is_fine if {
	count(deny) == 0 with input as {"scope": "pool", "cloudServiceConfiguration": {"osFamily": "6"}}
}

test_both_configurations_without_extensions_is_left_to_other_checks if {
	pool := {
		"scope": "pool",
		"cloudServiceConfiguration": {"osFamily": "6"},
		"virtualMachineConfiguration": {"extensions": []},
	}
	count(deny) == 0 with input as pool
}

test_node_extension_scope_is_not_judged if {
	count(deny) == 0 with input as {"scope": "extension", "cloudServiceConfiguration": {"extensions": [kv]}}
}

test_extensions_given_as_an_arm_expression_are_unknown if {
	pool := {
		"scope": "pool",
		"cloudServiceConfiguration": {"osFamily": "6"},
		"virtualMachineConfiguration": {"extensions": "[variables('extensions')]"},
	}
	count(deny) == 0 with input as pool
}
