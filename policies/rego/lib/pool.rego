# METADATA
# title: Pool helpers shared by the built-in rules
# description: Whether a document is a whole pool, the run date, and comparisons of ISO dates.
package poolcheck.lib.pool

# A whole pool. Node-extension responses (scope "extension") show one extension and nothing of the
# pool around it, so pool-level rules must stay silent on them.
is_pool if input.scope == "pool"

# The date the run is judged against ("YYYY-MM-DD", from --as-of). ISO dates compare correctly as
# strings. Undefined when the engine gave none: date rules then stay silent.
as_of := data.poolcheck.asOf

# The same day one year earlier ("2027-06-30" -> "2026-06-30"); 29 February becomes 28 February
# so the result is always a real date.
year_before(date) := sprintf("%d-%s", [to_number(substring(date, 0, 4)) - 1, day]) if {
	substring(date, 5, 5) != "02-29"
	day := substring(date, 5, 5)
} else := sprintf("%d-02-28", [to_number(substring(date, 0, 4)) - 1])

# "error" once the retirement date has come, "warning" within the twelve months before it, and
# undefined before that.
retirement_severity(retired_on) := "error" if {
	as_of >= retired_on
} else := "warning" if {
	as_of >= year_before(retired_on)
}

# A body that creates a pool: a request (not a GET response) whose operation is create. Both
# default when the document does not say: a body is a create request (docs/canonical-model.md).
is_create_request if {
	object.get(input, "documentRole", "request") == "request"
	object.get(input, "operation", "create") == "create"
}

# A GET response: what a service returned, not what a user sends.
is_response if input.documentRole == "response"

# A node-extension GET response: one extension as a node reports it, which may be one Batch
# installed itself. Rules about what a pool asks for when it is created stay silent on it.
is_node_extension if input.kind == "node-extension"

is_node_extension if input.scope == "extension"
