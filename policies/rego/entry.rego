# METADATA
# title: What the engine evaluates
# description: >-
#   The deny set of every rule package that has findings, and nothing else: evaluating
#   data.poolcheck.rules would also compute and return every helper rule (allow-lists, tables),
#   which cost about a third of each evaluation. The engine's one wasm entrypoint
#   (policies/build.sh).
package poolcheck.entry

# Only the rules with findings: the engine reads a missing rule as an empty deny set
# (RegoFindings.toViolations), and in wasm writing the result as JSON (and hashing it into the
# result set) cost about 8% of an evaluation when all 24 empty sets were returned.
rules[name] := {"deny": deny} if {
	some name
	deny := data.poolcheck.rules[name].deny
	count(deny) > 0
}
