package poolcheck.entry_test

import data.poolcheck.entry

test_every_rule_package_is_there_with_only_its_deny_set if {
	result := entry.rules with input as {"kind": "data-plane", "scope": "pool"}
	names := {name | some name, pkg in data.poolcheck.rules; _ := pkg.deny}
	names == {name | some name, _ in result}
	every value in result {
		{key | some key, _ in value} == {"deny"}
	}
}

test_findings_are_the_rules_deny_sets if {
	pool := {"kind": "data-plane", "scope": "pool", "virtualMachineConfiguration": {"extensions": [{"name": "s", "publisher": "Microsoft.Compute", "type": "CustomScriptExtension"}]}}
	result := entry.rules with input as pool
	result.extension_customscript_reserved.deny == data.poolcheck.rules.extension_customscript_reserved.deny with input as pool
	count(result.extension_customscript_reserved.deny) == 1
}
