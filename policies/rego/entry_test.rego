package poolcheck.entry_test

import data.poolcheck.entry

customscript_pool := {"kind": "data-plane", "scope": "pool", "virtualMachineConfiguration": {"extensions": [{"name": "s", "publisher": "Microsoft.Compute", "type": "CustomScriptExtension"}]}}

test_every_rule_package_with_findings_is_there_with_only_its_deny_set if {
	result := entry.rules with input as customscript_pool
	names := {name | some name, pkg in data.poolcheck.rules with input as customscript_pool; count(pkg.deny) > 0}
	"extension_customscript_reserved" in names
	names == {name | some name, _ in result}
	every value in result {
		{key | some key, _ in value} == {"deny"}
	}
}

test_rules_without_findings_are_left_out if {
	result := entry.rules with input as {"kind": "data-plane", "scope": "pool"}
	some pkg in data.poolcheck.rules
	_ := pkg.deny
	result == {}
}

test_findings_are_the_rules_deny_sets if {
	result := entry.rules with input as customscript_pool
	result.extension_customscript_reserved.deny == data.poolcheck.rules.extension_customscript_reserved.deny with input as customscript_pool
	count(result.extension_customscript_reserved.deny) == 1
}
