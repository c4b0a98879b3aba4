package poolcheck.lib.pool_test

import data.poolcheck.lib.pool

test_year_before_keeps_the_day if {
	pool.year_before("2027-06-30") == "2026-06-30"
}

test_year_before_a_leap_day_is_the_28th if {
	pool.year_before("2028-02-29") == "2027-02-28"
}

test_retirement_severity_follows_the_run_date if {
	not pool.retirement_severity("2027-01-12") with data.poolcheck.asOf as "2026-01-11"
	pool.retirement_severity("2027-01-12") == "warning" with data.poolcheck.asOf as "2026-01-12"
	pool.retirement_severity("2027-01-12") == "error" with data.poolcheck.asOf as "2027-01-12"
}

test_a_body_is_a_create_request_by_default if {
	pool.is_create_request with input as {"scope": "pool"}
}

test_an_update_is_not_a_create_request if {
	not pool.is_create_request with input as {"scope": "pool", "operation": "update"}
}

test_a_response_is_not_a_create_request if {
	not pool.is_create_request with input as {"scope": "pool", "documentRole": "response"}
	pool.is_response with input as {"scope": "pool", "documentRole": "response"}
}

test_node_extension_responses_are_known_by_kind_or_scope if {
	pool.is_node_extension with input as {"kind": "node-extension"}
	pool.is_node_extension with input as {"scope": "extension"}
	not pool.is_node_extension with input as {"kind": "management", "scope": "pool"}
}
