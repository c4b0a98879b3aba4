# METADATA
# title: provisionAfterExtensions names a missing extension or forms a cycle
# description: >-
#   provisionAfterExtensions lists the extensions that must be provisioned before this one, by name.
#   A name that is not an extension of the pool, or a chain that comes back to where it started, can
#   never be satisfied: the extension never provisions. Names are compared without regard to case.
# custom:
#   id: extension-provision-order-invalid
#   severity: error
#   since: 0.1.0
package poolcheck.rules.extension_provision_order_invalid

import data.poolcheck.lib.extensions
import data.poolcheck.lib.pool
import data.poolcheck.lib.provision_order as order

deny contains finding if {
	pool.is_pool
	order.ordered
	order.all_names_known
	some i, ext in order.list
	some j, after in ext.provisionAfterExtensions
	extensions.known(after)
	not lower(after) in order.names
	finding := {
		"msg": sprintf(
			"extension '%s' waits for '%s' in provisionAfterExtensions, but the pool has no extension of that name (it has %s); it would never be provisioned",
			[ext.name, after, concat(", ", sort([sprintf("'%s'", [e.name]) | some e in order.list]))],
		),
		"pointer": sprintf("/virtualMachineConfiguration/extensions/%d/provisionAfterExtensions/%d", [i, j]),
	}
}

deny contains finding if {
	pool.is_pool
	order.ordered
	some i, ext in order.list
	extensions.known(ext.name)
	order.on_cycle(lower(ext.name))
	finding := {
		"msg": sprintf(
			"extension '%s' is on a provisionAfterExtensions cycle among %s: each waits for another, so none of them is ever provisioned; remove one of the dependencies",
			[ext.name, concat(", ", order.cycle_members(lower(ext.name)))],
		),
		"pointer": sprintf("/virtualMachineConfiguration/extensions/%d/provisionAfterExtensions", [i]),
	}
}
