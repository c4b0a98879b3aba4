# METADATA
# title: What the engine evaluates
# description: >-
#   The deny set of every rule package, and nothing else: evaluating data.poolcheck.rules would
#   also compute and return every helper rule (allow-lists, tables), which cost about a third of
#   each evaluation. The engine's one wasm entrypoint (policies/build.sh).
package poolcheck.entry

rules[name] := {"deny": deny} if {
	some name
	deny := data.poolcheck.rules[name].deny
}
