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

list := input.virtualMachineConfiguration.extensions

# All names are known only when every extension has a literal name.
names := {lower(ext.name) | some ext in list; extensions.known(ext.name)}

all_names_known if {
	is_array(list)
	every ext in list {
		extensions.known(ext.name)
	}
}

# Extension (lower case) -> the extensions it waits for directly.
waits_for[name] := {lower(after) |
	some other in list
	extensions.known(other.name)
	lower(other.name) == name
	some after in other.provisionAfterExtensions
	extensions.known(after)
	lower(after) in names
} if {
	count(list) <= 64
	some name in names
}

# Reachable in up to 2^k steps, by squaring: Rego has no recursion, and 64 steps cover every cycle
# of a pool of up to 64 extensions (larger lists are not judged for cycles).
step(reach) := {name: targets |
	some name, direct in reach
	targets := direct | union({reach[next] | some next in direct})
}

reachable := step(step(step(step(step(step(waits_for))))))

on_cycle(name) if name in reachable[name]

# The other members of a name's cycle, and itself.
cycle_members(name) := sort({other | some other in reachable[name]; name in reachable[other]})

deny contains finding if {
	pool.is_pool
	all_names_known
	some i, ext in list
	some j, after in ext.provisionAfterExtensions
	extensions.known(after)
	not lower(after) in names
	finding := {
		"msg": sprintf(
			"extension '%s' waits for '%s' in provisionAfterExtensions, but the pool has no extension of that name (it has %s); it would never be provisioned",
			[ext.name, after, concat(", ", sort([sprintf("'%s'", [e.name]) | some e in list]))],
		),
		"pointer": sprintf("/virtualMachineConfiguration/extensions/%d/provisionAfterExtensions/%d", [i, j]),
	}
}

deny contains finding if {
	pool.is_pool
	some i, ext in list
	extensions.known(ext.name)
	on_cycle(lower(ext.name))
	finding := {
		"msg": sprintf(
			"extension '%s' is on a provisionAfterExtensions cycle among %s: each waits for another, so none of them is ever provisioned; remove one of the dependencies",
			[ext.name, concat(", ", cycle_members(lower(ext.name)))],
		),
		"pointer": sprintf("/virtualMachineConfiguration/extensions/%d/provisionAfterExtensions", [i]),
	}
}
