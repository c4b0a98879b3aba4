# METADATA
# title: Marketplace image is not one Azure Batch lists
# description: >-
#   A marketplace image reference whose SKU is not published under its offer (UbuntuServer with
#   20_04-lts: Canonical publishes Ubuntu 20.04 as 0001-com-ubuntu-server-focal) or is a near miss
#   of a listed SKU (120_04-lts) fails when the pool is created. Judged against the images of
#   `az batch pool supported-images list` that a cited source confirms
#   (policies/rego/images/data.json, each entry with its source); unknown publishers and offers
#   are not judged. Says which offer or SKU was probably meant.
# custom:
#   id: image-reference-unknown
#   severity: warning
#   since: 0.1.0
package poolcheck.rules.image_reference_unknown

import data.poolcheck.lib.extensions
import data.poolcheck.lib.images
import data.poolcheck.lib.pool

image := input.virtualMachineConfiguration.imageReference

deny contains finding if {
	pool.is_pool
	extensions.known(image.publisher)
	extensions.known(image.offer)
	extensions.known(image.sku)
	some o in images.offers_of(image.publisher)
	lower(o.offer) == lower(image.offer)
	not images.listed(o, image.sku)
	hint := images.suggestion(o, image.sku)
	finding := {
		"msg": sprintf("image %s/%s/%s: %s (images Azure Batch lists, policies/rego/images/data.json; check with `az batch pool supported-images list`)", [image.publisher, image.offer, image.sku, hint]),
		"pointer": "/virtualMachineConfiguration/imageReference/sku",
	}
}
