package poolcheck.rules.log_analytics_agent_retired_test

import data.poolcheck.rules.log_analytics_agent_retired.deny

pool_with(ext) := {"scope": "pool", "virtualMachineConfiguration": {"extensions": [ext]}}

oms := {
	"name": "oms",
	"publisher": "Microsoft.EnterpriseCloud.Monitoring",
	"type": "OmsAgentForLinux",
	"typeHandlerVersion": "1.17",
}

test_linux_agent_is_reported_with_its_replacement if {
	some finding in deny with input as pool_with(oms)
	finding.pointer == "/virtualMachineConfiguration/extensions/0/type"
	contains(finding.msg, "'oms'")
	contains(finding.msg, "31 August 2024")
	contains(finding.msg, "Microsoft.Azure.Monitor/AzureMonitorLinuxAgent")
}

test_windows_agent_is_reported_case_insensitively if {
	ext := {"name": "mma", "publisher": "microsoft.enterprisecloud.monitoring", "type": "microsoftmonitoringagent"}
	some finding in deny with input as pool_with(ext)
	contains(finding.msg, "Microsoft.Azure.Monitor/AzureMonitorWindowsAgent")
}

test_node_extension_is_reported_too if {
	count(deny) == 1 with input as {"scope": "extension", "virtualMachineConfiguration": {"extensions": [oms]}}
}

test_azure_monitor_agent_is_fine if {
	ext := {"name": "ama", "publisher": "Microsoft.Azure.Monitor", "type": "AzureMonitorLinuxAgent"}
	count(deny) == 0 with input as pool_with(ext)
}

test_expression_type_is_not_judged if {
	ext := object.union(oms, {"type": "[parameters('agentType')]"})
	count(deny) == 0 with input as pool_with(ext)
}
