package poolcheck.rules.extension_provision_order_invalid_test

import data.poolcheck.lib.provision_order as order
import data.poolcheck.rules.extension_provision_order_invalid.deny

ext(name, after) := {"name": name, "provisionAfterExtensions": after}

pool_with(list) := {"scope": "pool", "virtualMachineConfiguration": {"extensions": list}}

test_missing_extension_is_reported_at_the_reference if {
	findings := deny with input as pool_with([ext("kv", []), ext("ama", ["keyvault"])])
	count(findings) == 1
	some finding in findings
	finding.pointer == "/virtualMachineConfiguration/extensions/1/provisionAfterExtensions/0"
	contains(finding.msg, "'ama' waits for 'keyvault'")
	contains(finding.msg, "'ama', 'kv'")
}

test_cycle_is_reported_on_each_member_naming_them_all if {
	list := [ext("a", ["c"]), ext("b", ["a"]), ext("c", ["b"]), ext("d", ["a"])]
	findings := deny with input as pool_with(list)
	{f.pointer | some f in findings} == {
		"/virtualMachineConfiguration/extensions/0/provisionAfterExtensions",
		"/virtualMachineConfiguration/extensions/1/provisionAfterExtensions",
		"/virtualMachineConfiguration/extensions/2/provisionAfterExtensions",
	}
	every f in findings {
		contains(f.msg, "cycle among a, b, c:")
	}
}

test_extension_waiting_for_itself_is_a_cycle if {
	some finding in deny with input as pool_with([ext("kv", ["KV"])])
	contains(finding.msg, "'kv' is on a provisionAfterExtensions cycle among kv:")
}

test_long_chain_without_cycle_is_fine if {
	list := [ext(sprintf("e%d", [i]), [sprintf("e%d", [i + 1])]) | some i in numbers.range(0, 39)]
	last := ext("e40", [])
	count(deny) == 0 with input as pool_with(array.concat(list, [last]))
}

test_long_cycle_is_found if {
	list := [ext(sprintf("e%d", [i]), [sprintf("e%d", [(i + 1) % 40])]) | some i in numbers.range(0, 39)]
	count(deny) == 40 with input as pool_with(list)
}

test_valid_order_is_fine if {
	list := [ext("kv", []), ext("ama", ["KV"]), ext("dsc", ["kv", "ama"])]
	count(deny) == 0 with input as pool_with(list)
}

test_unknown_names_are_not_judged if {
	count(deny) == 0 with input as pool_with([ext("[parameters('n')]", []), ext("ama", ["kv"])])
	count(deny) == 0 with input as pool_with([ext("ama", ["[parameters('after')]"])])
}

test_node_extension_scope_is_not_judged if {
	pool := object.union(pool_with([ext("kv", ["ama"])]), {"scope": "extension"})
	count(deny) == 0 with input as pool
}

test_pools_that_order_no_extension_build_no_graph if {
	p := pool_with([{"name": "a"}, {"name": "b", "provisionAfterExtensions": []}])
	not order.ordered with input as p
	order.reachable == {} with input as p
	count(deny) == 0 with input as p
	order.ordered with input as pool_with([ext("a", ["b"]), {"name": "b"}])
}
