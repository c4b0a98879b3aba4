package poolcheck.rules.arm_api_version_outdated_test

import data.poolcheck.rules.arm_api_version_outdated.deny

arm(version) := {"kind": "arm", "scope": "pool", "apiVersion": version}

test_old_version_is_reported_at_the_api_version if {
	some finding in deny with input as arm("2024-07-01")
	finding.pointer == "/apiVersion"
	contains(finding.msg, "2024-07-01")
	contains(finding.msg, "Azure/Batch#140")
}

test_old_preview_version_is_reported if {
	count(deny) == 1 with input as arm("2023-11-01-preview")
}

test_current_versions_are_fine if {
	count(deny) == 0 with input as arm("2025-06-01")
	count(deny) == 0 with input as arm("2026-08-01")
}

test_unknown_versions_are_not_judged if {
	count(deny) == 0 with input as arm("[variables('batchApiVersion')]")
	count(deny) == 0 with input as arm("latest")
}

test_other_kinds_are_not_judged if {
	count(deny) == 0 with input as {"kind": "management", "scope": "pool", "apiVersion": "2021-01-01"}
}

test_reads_the_resolved_api_version if {
	# 2022-10-01 is not shipped: the engine checks the pool against 2023-05-01.
	some finding in deny with input as object.union(arm("2022-10-01"), {"resolvedApiVersion": "2023-05-01"})
	contains(finding.msg, "2022-10-01")
	count(deny) == 0 with input as object.union(arm("2025-09-01"), {"resolvedApiVersion": "2025-06-01"})
}
