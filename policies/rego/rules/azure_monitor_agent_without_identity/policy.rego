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
import data.poolcheck.lib.monitor
import data.poolcheck.lib.pool

agent_types := {"azuremonitorlinuxagent", "azuremonitorwindowsagent"}

deny contains finding if {
	pool.is_pool
	some item in extensions.all_extensions
	ext := item.extension
	item.publisher == "microsoft.azure.monitor"
	item.type in agent_types
	not monitor.names_identity(object.get(ext, "settings", {}))
	finding := {
		"msg": sprintf(
			"extension '%s' (%s) has no settings.authentication.managedIdentity; a Batch pool has only user-assigned identities, so name the one the agent uses: {\"identifier-name\": \"mi_res_id\", \"identifier-value\": \"<identity resource id>\"}",
			[extensions.name(ext), ext.type],
		),
		"pointer": concat("", [item.pointer, monitor.missing_at(ext)]),
	}
}
