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
