package poolcheck.rules.cloud_service_configuration_retired_test

import data.poolcheck.rules.cloud_service_configuration_retired.deny

test_cloud_service_configuration_is_reported_once_at_itself if {
	pool := {"scope": "pool", "cloudServiceConfiguration": {"osFamily": "6", "extensions": [{"name": "a"}, {"name": "b"}]}}
	findings := deny with input as pool
	count(findings) == 1
	some finding in findings
	finding.pointer == "/cloudServiceConfiguration"
	contains(finding.msg, "29 February 2024")
	contains(finding.msg, "virtualMachineConfiguration")
}

test_expression_is_still_the_retired_configuration if {
	count(deny) == 1 with input as {"scope": "pool", "cloudServiceConfiguration": "[variables('cloudService')]"}
}

test_virtual_machine_configuration_is_fine if {
	count(deny) == 0 with input as {"scope": "pool", "virtualMachineConfiguration": {"nodeAgentSkuId": "batch.node.windows amd64"}}
	count(deny) == 0 with input as {"scope": "pool", "cloudServiceConfiguration": null}
}

test_node_extension_scope_is_not_judged if {
	count(deny) == 0 with input as {"scope": "extension", "cloudServiceConfiguration": {"osFamily": "6"}}
}
