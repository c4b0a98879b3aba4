# METADATA
# title: Log Analytics agent is retired
# description: >-
#   The Log Analytics agent extensions (Microsoft.EnterpriseCloud.Monitoring OmsAgentForLinux and
#   MicrosoftMonitoringAgent) "won't be supported after August 31, 2024"; new data centers do not
#   support them at all. Use the Azure Monitor Agent (Microsoft.Azure.Monitor AzureMonitorLinuxAgent
#   or AzureMonitorWindowsAgent), which Azure Batch supports, with a data collection rule.
# custom:
#   id: log-analytics-agent-retired
#   severity: warning
#   since: 0.1.0
package poolcheck.rules.log_analytics_agent_retired

import data.poolcheck.lib.extensions

# Log Analytics agent type (lower case) -> the Azure Monitor Agent type that replaces it.
replacements := {
	"omsagentforlinux": "AzureMonitorLinuxAgent",
	"microsoftmonitoringagent": "AzureMonitorWindowsAgent",
}

deny contains finding if {
	some item in extensions.all_extensions
	ext := item.extension
	item.publisher == "microsoft.enterprisecloud.monitoring"
	replacement := replacements[item.type]
	finding := {
		"msg": sprintf(
			"extension '%s' is the Log Analytics agent (%s/%s), which is retired: it is not supported after 31 August 2024 and new regions do not offer it; use the Azure Monitor Agent (Microsoft.Azure.Monitor/%s) with a data collection rule instead",
			[extensions.name(ext), ext.publisher, ext.type, replacement],
		),
		"pointer": concat("", [item.pointer, "/type"]),
	}
}
