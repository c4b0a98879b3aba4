# METADATA
# title: Cloud Services Configuration pools are retired
# description: >-
#   CloudServiceConfiguration pools were retired on 29 February 2024: Azure Batch creates no new
#   pools or nodes with it, and the property is gone from the management API 2024-07-01 and later.
#   Use Virtual Machine Configuration (virtualMachineConfiguration) with a Windows Server
#   marketplace image and the node agent batch.node.windows amd64. Extensions written under
#   cloudServiceConfiguration are reported by extensions-require-vm-configuration.
# custom:
#   id: cloud-service-configuration-retired
#   severity: error
#   since: 0.1.0
package poolcheck.rules.cloud_service_configuration_retired

import data.poolcheck.lib.pool

deny contains finding if {
	pool.is_pool
	configuration := input.cloudServiceConfiguration
	not is_null(configuration)
	finding := {
		"msg": "cloudServiceConfiguration is retired (29 February 2024): Azure Batch no longer creates Cloud Services pools or nodes; use virtualMachineConfiguration with a Windows Server image (for example MicrosoftWindowsServer/WindowsServer/2022-datacenter) and nodeAgentSkuId batch.node.windows amd64",
		"pointer": "/cloudServiceConfiguration",
	}
}
