# METADATA
# title: ARM template uses a Batch API version being retired
# description: >-
#   Azure Batch is retiring the API versions before 2025-06-01 (Azure/Batch#140). Templates that
#   deploy pools with an older apiVersion will stop deploying; older versions also still accept
#   retired properties such as cloudServiceConfiguration and certificates. Use 2025-06-01 or later
#   (the newest stable management API is 2026-08-01) and check the template against it.
# custom:
#   id: arm-api-version-outdated
#   severity: warning
#   since: 0.1.0
package poolcheck.rules.arm_api_version_outdated

import data.poolcheck.lib.extensions
import data.poolcheck.lib.pool

oldest_supported := "2025-06-01"

# The api-version the engine checks the pool against (canonical resolvedApiVersion, the same value
# the schema checks use); a declared version poolcheck does not ship resolves to the newest shipped
# one not newer than it, so the comparison with oldest_supported gives the same answer.
checked_version := input.resolvedApiVersion if {
	is_string(input.resolvedApiVersion)
} else := substring(input.apiVersion, 0, 10)

deny contains finding if {
	pool.is_pool
	input.kind == "arm"
	extensions.known(input.apiVersion)
	substring(checked_version, 0, 10) < oldest_supported

	# After the comparison: in wasm a regular expression is compiled on every call.
	regex.match(`^[0-9]{4}-[0-9]{2}-[0-9]{2}`, input.apiVersion)
	finding := {
		"msg": sprintf(
			"the pool resource uses Batch API version %s; versions before %s are being retired (Azure/Batch#140): use %s or later (newest stable: 2026-08-01)",
			[input.apiVersion, oldest_supported, oldest_supported],
		),
		"pointer": "/apiVersion",
	}
}
