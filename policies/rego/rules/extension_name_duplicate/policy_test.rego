package poolcheck.rules.extension_name_duplicate_test

import data.poolcheck.rules.extension_name_duplicate.deny

pool_with(names) := {"scope": "pool", "virtualMachineConfiguration": {"extensions": [{"name": n} | some n in names]}}

test_second_use_of_a_name_is_reported_at_its_name if {
	deny == {{
		"msg": "extension name 'kv' is used again (first by extension 0); give each extension its own name",
		"pointer": "/virtualMachineConfiguration/extensions/2/name",
	}} with input as pool_with(["kv", "ama", "kv"])
}

test_names_are_compared_without_case if {
	count(deny) == 1 with input as pool_with(["KV", "kv"])
}

test_each_later_copy_is_reported_once if {
	pointers := {f.pointer | some f in deny} with input as pool_with(["kv", "kv", "kv"])
	pointers == {"/virtualMachineConfiguration/extensions/1/name", "/virtualMachineConfiguration/extensions/2/name"}
	count(deny) == 2 with input as pool_with(["kv", "kv", "kv"])
}

test_unique_names_are_fine if {
	count(deny) == 0 with input as pool_with(["kv", "ama"])
}

test_expression_names_are_not_compared if {
	count(deny) == 0 with input as pool_with(["[parameters('n')]", "[parameters('n')]"])
}

test_node_extension_scope_is_not_judged if {
	pool := object.union(pool_with(["kv", "kv"]), {"scope": "extension"})
	count(deny) == 0 with input as pool
}
