package main_test

import data.main

custom_script := {"name": "setup", "publisher": "Microsoft.Azure.Extensions", "type": "CustomScript", "typeHandlerVersion": "2.1"}

test_management_body_becomes_one_pool_with_its_extensions if {
	body := {
		"name": "render",
		"identity": {"type": "UserAssigned", "userAssignedIdentities": {"/subscriptions/s/x/render-identity": {}}},
		"properties": {"vmSize": "STANDARD_D4S_V5", "deploymentConfiguration": {"virtualMachineConfiguration": {"nodeAgentSkuId": "batch.node.ubuntu 24.04", "extensions": [custom_script]}}},
	}
	pools := main.pools with input as body
	count(pools) == 1
	some pool in pools
	pool.kind == "management"
	pool.scope == "pool"
	pool.vmSize == "STANDARD_D4S_V5"
	pool.identity.userAssignedIdentities == [{"resourceId": "/subscriptions/s/x/render-identity"}]
	pool.virtualMachineConfiguration.extensions == [custom_script]
}

test_custom_script_in_management_body_is_denied_by_the_built_in_rule if {
	body := {"properties": {"deploymentConfiguration": {"virtualMachineConfiguration": {"extensions": [custom_script]}}}}
	some msg in main.deny with input as body
	startswith(msg, "extension_customscript_reserved: ")
}

test_data_plane_spelling_is_normalised if {
	body := {
		"id": "etl",
		"vmSize": "standard_d2s_v5",
		"virtualMachineConfiguration": {"nodeAgentSKUId": "batch.node.el 9", "imageReference": {"virtualMachineImageId": "/subscriptions/s/images/i"}},
	}
	some pool in main.pools with input as body
	pool.kind == "data-plane"
	pool.virtualMachineConfiguration.nodeAgentSkuId == "batch.node.el 9"
	pool.virtualMachineConfiguration.imageReference == {"id": "/subscriptions/s/images/i"}
}

pool_resource(type, name) := {"type": type, "name": name, "apiVersion": "2025-06-01", "properties": {"vmSize": "x"}}

test_arm_template_yields_nested_and_top_level_pools if {
	template := {"resources": [
		{"type": "Microsoft.Batch/batchAccounts", "properties": {}, "resources": [pool_resource("pools", "nested")]},
		pool_resource("Microsoft.Batch/batchAccounts/pools", "top-level"),
		{"type": "Microsoft.Storage/storageAccounts", "properties": {}},
	]}
	pools := main.pools with input as template
	{p.id | some p in pools; p.kind == "arm"} == {"nested", "top-level"}
	some pool in pools
	pool.apiVersion == "2025-06-01"
}

test_node_extension_settings_string_is_parsed_and_scoped_to_the_extension if {
	response := {"vmExtension": {"name": "kv", "publisher": "Microsoft.Azure.KeyVault", "type": "KeyVaultForLinux", "settings": "{\"secretsManagementSettings\": {\"pollingIntervalInS\": \"3600\"}}"}}
	some pool in main.pools with input as response
	pool.scope == "extension"
	pool.virtualMachineConfiguration.extensions[0].settings.secretsManagementSettings.pollingIntervalInS == "3600"
}

test_other_files_yield_no_pool if {
	count(main.pools) == 0 with input as {"apiVersion": "apps/v1", "kind": "Deployment"}
}
