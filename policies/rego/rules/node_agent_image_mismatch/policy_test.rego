package poolcheck.rules.node_agent_image_mismatch_test

import data.poolcheck.rules.node_agent_image_mismatch.deny

pool_with(publisher, agent) := {"scope": "pool", "virtualMachineConfiguration": {
	"imageReference": {"publisher": publisher, "offer": "o", "sku": "s"},
	"nodeAgentSkuId": agent,
}}

test_windows_image_with_a_linux_agent_is_reported if {
	some finding in deny with input as pool_with("MicrosoftWindowsServer", "batch.node.ubuntu 24.04")
	finding.pointer == "/virtualMachineConfiguration/nodeAgentSkuId"
	contains(finding.msg, "'batch.node.ubuntu 24.04' is for linux, but the image (publisher MicrosoftWindowsServer) is windows")
	contains(finding.msg, "use batch.node.windows amd64")
}

test_linux_image_with_the_windows_agent_is_reported if {
	some finding in deny with input as pool_with("canonical", "batch.node.windows amd64")
	contains(finding.msg, "batch.node.el 9")
}

test_matching_pairs_are_fine if {
	count(deny) == 0 with input as pool_with("microsoftwindowsserver", "batch.node.windows amd64")
	count(deny) == 0 with input as pool_with("Canonical", "batch.node.ubuntu 24.04")
	count(deny) == 0 with input as pool_with("almalinux", "batch.node.el 9")
}

test_unknown_sides_are_not_judged if {
	count(deny) == 0 with input as pool_with("microsoft-dsvm", "batch.node.windows amd64")
	count(deny) == 0 with input as pool_with("[parameters('publisher')]", "batch.node.windows amd64")
	count(deny) == 0 with input as pool_with("canonical", "[parameters('agent')]")
	count(deny) == 0 with input as pool_with("canonical", "custom-agent")
	gallery := {"scope": "pool", "virtualMachineConfiguration": {
		"imageReference": {"id": "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/i"},
		"nodeAgentSkuId": "batch.node.windows amd64",
	}}
	count(deny) == 0 with input as gallery
}

test_node_extension_scope_is_not_judged if {
	pool := object.union(pool_with("canonical", "batch.node.windows amd64"), {"scope": "extension"})
	count(deny) == 0 with input as pool
}
