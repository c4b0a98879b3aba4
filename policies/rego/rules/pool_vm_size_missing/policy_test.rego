package poolcheck.rules.pool_vm_size_missing_test

import data.poolcheck.rules.pool_vm_size_missing.deny

test_management_create_without_size_and_configuration_is_denied if {
	some finding in deny with input as {"kind": "management", "scope": "pool", "startTask": {}}
	finding.pointer == "/vmSize"
	contains(finding.msg, "--operation update")
}

test_arm_pool_without_size_and_configuration_is_denied if {
	count(deny) == 1 with input as {"kind": "arm", "scope": "pool", "apiVersion": "2024-07-01"}
}

test_update_is_fine if {
	count(deny) == 0 with input as {"kind": "management", "scope": "pool", "operation": "update", "startTask": {}}
}

test_response_is_fine if {
	count(deny) == 0 with input as {"kind": "management", "scope": "pool", "documentRole": "response"}
}

test_size_alone_is_fine if {
	count(deny) == 0 with input as {"kind": "management", "scope": "pool", "vmSize": "STANDARD_D4"}
}

test_configuration_alone_is_fine if {
	count(deny) == 0 with input as {"kind": "management", "scope": "pool", "virtualMachineConfiguration": {}}
}

test_cloud_service_configuration_counts_as_configuration if {
	count(deny) == 0 with input as {"kind": "management", "scope": "pool", "cloudServiceConfiguration": {"osFamily": "5"}}
}

test_data_plane_is_left_to_the_schema if {
	count(deny) == 0 with input as {"kind": "data-plane", "scope": "pool"}
}

test_node_extension_is_not_judged if {
	count(deny) == 0 with input as {"kind": "node-extension", "scope": "extension"}
}
