package poolcheck.rules.extension_version_format_test

import data.poolcheck.rules.extension_version_format.deny

pool_with(version) := {"scope": "pool", "virtualMachineConfiguration": {"extensions": [{
	"name": "kv",
	"typeHandlerVersion": version,
}]}}

test_patch_version_is_reported_with_the_major_minor_part if {
	some finding in deny with input as pool_with("2.1.3")
	finding.pointer == "/virtualMachineConfiguration/extensions/0/typeHandlerVersion"
	contains(finding.msg, "'2.1.3'")
	contains(finding.msg, "\"2.1\"")
}

test_major_only_is_reported_with_a_minor_added if {
	some finding in deny with input as pool_with("3")
	contains(finding.msg, "\"3.0\"")
}

test_words_are_reported if {
	some finding in deny with input as pool_with("latest")
	contains(finding.msg, "\"1.0\"")
}

test_major_minor_versions_are_fine if {
	every version in ["1.0", "3.0", "1.10", "2.14"] {
		count(deny) == 0 with input as pool_with(version)
	}
}

test_expressions_and_missing_versions_are_not_judged if {
	count(deny) == 0 with input as pool_with("[parameters('version')]")
	count(deny) == 0 with input as {"scope": "pool", "virtualMachineConfiguration": {"extensions": [{"name": "kv"}]}}
}

test_node_extension_is_judged if {
	pool := object.union(pool_with("3"), {"scope": "extension"})
	count(deny) == 1 with input as pool
}
