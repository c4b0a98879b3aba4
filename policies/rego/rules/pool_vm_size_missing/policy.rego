# METADATA
# title: Pool create body has neither vmSize nor deploymentConfiguration
# description: >-
#   A management-plane or ARM pool that is created (PUT, the default for a body; not a PATCH
#   update, which sends only what changes) with neither vmSize nor deploymentConfiguration cannot
#   become a pool: nodes need a size and an image. The management API lists no required
#   properties, because one model serves PUT and PATCH; the data plane requires vmSize on create
#   (BatchPoolCreateOptions.required, reported there by schema-required-property). Such a body is
#   usually a PATCH body filed as a create, or the pool properties sit under the wrong key. Use
#   --operation update for PATCH bodies.
# custom:
#   id: pool-vm-size-missing
#   severity: error
#   since: 0.1.0
package poolcheck.rules.pool_vm_size_missing

import data.poolcheck.lib.pool

deny contains finding if {
	pool.is_pool
	pool.is_create_request
	input.kind in {"management", "arm"}
	not input.vmSize
	not input.virtualMachineConfiguration
	not input.cloudServiceConfiguration
	finding := {
		"msg": "the pool is created (PUT) but has neither `vmSize` nor `deploymentConfiguration`: add `properties.vmSize` and `properties.deploymentConfiguration.virtualMachineConfiguration`; if this body is a PATCH update, check it with --operation update",
		"pointer": "/vmSize",
	}
}
