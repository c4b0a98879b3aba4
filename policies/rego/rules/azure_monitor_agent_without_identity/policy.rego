# METADATA
# title: Azure Monitor Agent without a managed identity
# description: >-
#   The Azure Monitor Agent needs a managed identity ("Managed identity must be enabled"). Batch
#   pools have only user-assigned identities, so the agent must be told which one to use in
#   settings.authentication.managedIdentity ({"identifier-name": "mi_res_id", "identifier-value":
#   "<identity resource id>"}); without it the agent cannot authenticate and sends no data.
# custom:
#   id: azure-monitor-agent-without-identity
#   severity: warning
#   since: 0.1.0
package poolcheck.rules.azure_monitor_agent_without_identity

import data.poolcheck.lib.extensions
import data.poolcheck.lib.pool

agent_types := {"azuremonitorlinuxagent", "azuremonitorwindowsagent"}

deny contains finding if {
	pool.is_pool
	some item in extensions.all_extensions
	ext := item.extension
	extensions.known(ext.publisher)
	extensions.known(ext.type)
	lower(ext.publisher) == "microsoft.azure.monitor"
	lower(ext.type) in agent_types
	not names_identity(object.get(ext, "settings", {}))
	finding := {
		"msg": sprintf(
			"extension '%s' (%s) has no settings.authentication.managedIdentity; a Batch pool has only user-assigned identities, so name the one the agent uses: {\"identifier-name\": \"mi_res_id\", \"identifier-value\": \"<identity resource id>\"}",
			[extensions.name(ext), ext.type],
		),
		"pointer": concat("", [item.pointer, missing_at(ext)]),
	}
}

names_identity(settings) if is_object(settings.authentication.managedIdentity)

# Settings (or their authentication part) given as an ARM expression are unknown: not judged.
names_identity(settings) if {
	is_string(settings)
	extensions.is_expression(settings)
}

names_identity(settings) if {
	is_string(settings.authentication)
	extensions.is_expression(settings.authentication)
}

# Where the identity is missing: the deepest part that exists.
missing_at(ext) := "/settings/authentication" if {
	is_object(ext.settings.authentication)
} else := "/settings" if {
	is_object(ext.settings)
} else := ""
