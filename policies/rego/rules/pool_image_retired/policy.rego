# METADATA
# title: Node agent or image is retired
# description: >-
#   Azure Batch stops creating pools, and may scale existing ones to zero, once a node agent SKU or
#   marketplace image is retired: batch.node.ubuntu 14.04, 16.04, 18.04 and 20.04, centos 7 and 8,
#   debian 8 to 10, mariner 2.0, and the Windows Server 2012 and 2012 R2 images are gone; ubuntu
#   22.04 retires after 2027-06-30 and the Windows Server 2016 images on 2027-01-12. An error once
#   the date has passed, a warning in the twelve months before it, judged against the run date
#   (--as-of). The table, with each entry's source, is policies/rego/retirements/data.json.
# custom:
#   id: pool-image-retired
#   severity: error
#   since: 0.1.0
package poolcheck.rules.pool_image_retired

import data.poolcheck.lib.extensions
import data.poolcheck.lib.pool

vm := input.virtualMachineConfiguration

deny contains finding if {
	pool.is_pool
	extensions.known(vm.nodeAgentSkuId)
	some entry in data.retirements.nodeAgents
	lower(trim_space(vm.nodeAgentSkuId)) == lower(entry.nodeAgentSkuId)
	severity := pool.retirement_severity(entry.retiredOn)
	finding := {
		"msg": sprintf("node agent '%s' %s (%s; %s); use %s", [vm.nodeAgentSkuId, state[severity], entry.notice, entry.source, entry.replacement]),
		"pointer": "/virtualMachineConfiguration/nodeAgentSkuId",
		"severity": severity,
	}
}

deny contains finding if {
	pool.is_pool
	image := vm.imageReference
	extensions.known(image.publisher)
	extensions.known(image.offer)
	extensions.known(image.sku)
	some entry in data.retirements.imageSkus
	lower(image.publisher) == lower(entry.publisher)
	lower(image.offer) == lower(entry.offer)
	lower(image.sku) in {lower(sku) | some sku in entry.skus}
	severity := pool.retirement_severity(entry.retiredOn)
	finding := {
		"msg": sprintf("image %s/%s/%s %s (%s; %s); use %s", [image.publisher, image.offer, image.sku, state[severity], entry.notice, entry.source, entry.replacement]),
		"pointer": "/virtualMachineConfiguration/imageReference/sku",
		"severity": severity,
	}
}

state := {
	"error": "is retired: Azure Batch no longer creates pools or nodes with it",
	"warning": "is about to be retired",
}
