# METADATA
# title: Extension provisioning order
# description: The provisionAfterExtensions graph of a pool's extensions, and its cycles.
package poolcheck.lib.provision_order

import data.poolcheck.lib.extensions

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

reachable := step(step(step(step(step(step(waits_for)))))) if {
	ordered
} else := {}

# Some extension waits for another. Most pools order none: then nothing is reachable and no
# extension is on a cycle, and the graph and its six squarings (object and set building, costly in
# wasm) are skipped.
ordered if {
	is_array(list)
	some ext in list
	some _ in ext.provisionAfterExtensions
}

on_cycle(name) if name in reachable[name]

# The other members of a name's cycle, and itself.
cycle_members(name) := sort({other | some other in reachable[name]; name in reachable[other]})
