package poolcheck.rules.pool_image_retired_test

import data.poolcheck.rules.pool_image_retired.deny

pool_with(agent, image) := {"scope": "pool", "virtualMachineConfiguration": {
	"imageReference": image,
	"nodeAgentSkuId": agent,
}}

ubuntu(sku) := {"publisher": "canonical", "offer": "ubuntu-24_04-lts", "sku": sku, "version": "latest"}

windows(sku) := {"publisher": "MicrosoftWindowsServer", "offer": "WindowsServer", "sku": sku, "version": "latest"}

test_removed_ubuntu_18_04_agent_is_an_error if {
	pool := pool_with("batch.node.ubuntu 18.04", {"publisher": "canonical", "offer": "ubuntuserver", "sku": "18.04-lts"})
	findings := deny with input as pool with data.poolcheck.asOf as "2026-11-27"
	count(findings) == 1
	some finding in findings
	finding.severity == "error"
	finding.pointer == "/virtualMachineConfiguration/nodeAgentSkuId"
	contains(finding.msg, "'batch.node.ubuntu 18.04' is retired")
	contains(finding.msg, "Azure/Batch#152")
	contains(finding.msg, "batch.node.ubuntu 24.04")
}

test_ubuntu_22_04_is_silent_then_a_warning_then_an_error if {
	pool := pool_with("batch.node.ubuntu 22.04", ubuntu("server"))
	count(deny) == 0 with input as pool with data.poolcheck.asOf as "2026-06-30"
	{f.severity | some f in deny} == {"warning"} with input as pool with data.poolcheck.asOf as "2026-07-01"
	{f.severity | some f in deny} == {"warning"} with input as pool with data.poolcheck.asOf as "2027-06-30"
	{f.severity | some f in deny} == {"error"} with input as pool with data.poolcheck.asOf as "2027-07-01"
}

test_warning_says_the_date_to_come if {
	pool := pool_with("batch.node.ubuntu 22.04", ubuntu("server"))
	some finding in deny with input as pool with data.poolcheck.asOf as "2026-11-27"
	contains(finding.msg, "is about to be retired (retiring after 2027-06-30")
}

test_agent_is_matched_without_case if {
	pool := pool_with("Batch.Node.CentOS 7", {"publisher": "openlogic", "offer": "centos", "sku": "7_9"})
	count(deny) == 1 with input as pool with data.poolcheck.asOf as "2026-11-27"
}

test_windows_2012_image_is_an_error_at_its_sku if {
	pool := pool_with("batch.node.windows amd64", windows("2012-r2-datacenter"))
	some finding in deny with input as pool with data.poolcheck.asOf as "2026-11-27"
	finding.pointer == "/virtualMachineConfiguration/imageReference/sku"
	finding.severity == "error"
	contains(finding.msg, "Azure/Batch#179")
}

test_windows_2016_image_is_a_warning_before_2027_01_12 if {
	pool := pool_with("batch.node.windows amd64", windows("2016-Datacenter"))
	{f.severity | some f in deny} == {"warning"} with input as pool with data.poolcheck.asOf as "2026-11-27"
	{f.severity | some f in deny} == {"error"} with input as pool with data.poolcheck.asOf as "2027-01-12"
}

test_current_agents_and_images_are_fine if {
	count(deny) == 0 with input as pool_with("batch.node.ubuntu 24.04", ubuntu("server")) with data.poolcheck.asOf as "2026-11-27"
	count(deny) == 0 with input as pool_with("batch.node.windows amd64", windows("2022-datacenter")) with data.poolcheck.asOf as "2026-11-27"
}

test_nothing_is_judged_without_a_run_date if {
	count(deny) == 0 with input as pool_with("batch.node.ubuntu 18.04", ubuntu("server"))
}

test_expressions_are_not_judged if {
	count(deny) == 0 with input as pool_with("[parameters('agent')]", windows("[parameters('sku')]")) with data.poolcheck.asOf as "2026-11-27"
}

test_node_extension_scope_is_not_judged if {
	pool := object.union(pool_with("batch.node.ubuntu 18.04", ubuntu("server")), {"scope": "extension"})
	count(deny) == 0 with input as pool with data.poolcheck.asOf as "2026-11-27"
}

test_every_entry_names_its_source_and_when_it_was_verified if {
	entries := array.concat(data.retirements.nodeAgents, data.retirements.imageSkus)
	every entry in entries {
		is_string(entry.source)
		regex.match(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`, entry.lastVerified)
		regex.match(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`, entry.retiredOn)
	}
}
