# METADATA
# title: Extensions need Virtual Machine Configuration
# description: >-
#   Azure Batch runs VM extensions only on pools that use Virtual Machine Configuration
#   ("Pools with extensions must use Virtual Machine Configuration"). Extensions written under
#   cloudServiceConfiguration, or on a pool that sets both configurations, are rejected.
# custom:
#   id: extensions-require-vm-configuration
#   severity: error
#   since: 0.1.0
package poolcheck.rules.extensions_require_vm_configuration

import data.poolcheck.lib.extensions

deny contains finding if {
	input.scope == "pool"
	some item in extensions.all_extensions
	startswith(item.pointer, "/cloudServiceConfiguration/")
	finding := {
		"msg": sprintf(
			"extension '%s' is under cloudServiceConfiguration, but pools with extensions must use Virtual Machine Configuration; move the pool to virtualMachineConfiguration and list the extension in virtualMachineConfiguration.extensions",
			[extensions.name(item.extension)],
		),
		"pointer": item.pointer,
	}
}

deny contains finding if {
	input.scope == "pool"
	is_object(input.cloudServiceConfiguration)
	is_object(input.virtualMachineConfiguration)
	some _ in input.virtualMachineConfiguration.extensions
	finding := {
		"msg": "the pool has extensions and sets both virtualMachineConfiguration and cloudServiceConfiguration; pools with extensions must use Virtual Machine Configuration only: remove cloudServiceConfiguration",
		"pointer": "/cloudServiceConfiguration",
	}
}
