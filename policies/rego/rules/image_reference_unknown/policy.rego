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
import data.poolcheck.lib.pool

image := input.virtualMachineConfiguration.imageReference

offers_of(publisher) := [o | some o in data.images.offers; lower(o.publisher) == lower(publisher)]

listed(o, sku) if lower(sku) in {lower(s) | some s in o.skus}

deny contains finding if {
	pool.is_pool
	extensions.known(image.publisher)
	extensions.known(image.offer)
	extensions.known(image.sku)
	some o in offers_of(image.publisher)
	lower(o.offer) == lower(image.offer)
	not listed(o, image.sku)
	hint := suggestion(o, image.sku)
	finding := {
		"msg": sprintf("image %s/%s/%s: %s (images Azure Batch lists, policies/rego/images/data.json; check with `az batch pool supported-images list`)", [image.publisher, image.offer, image.sku, hint]),
		"pointer": "/virtualMachineConfiguration/imageReference/sku",
	}
}

# The same SKU under another offer of the publisher: the offer was meant.
suggestion(o, sku) := sprintf("%s publishes SKU '%s' under offer '%s', not '%s'; use offer '%s' (node agent '%s')", [other.publisher, other_sku, other.offer, o.offer, other.offer, other.nodeAgentSkuId]) if {
	some other in offers_of(o.publisher)
	other.offer != o.offer
	some other_sku in other.skus
	lower(other_sku) == lower(sku)
} else := sprintf("SKU '%s' does not exist; did you mean '%s' (offer '%s', node agent '%s')?", [sku, near.sku, near.offer, near.agent]) if {
	# A listed SKU with characters typed in front of it ("120_04-lts" for "20_04-lts").
	some near in near_misses(o.publisher, sku)
} else := sprintf("offer '%s' has no SKU '%s'; Azure Batch lists %s", [o.offer, sku, concat(", ", o.skus)]) if {
	o.skusComplete
}

near_misses(publisher, sku) := [{"sku": s, "offer": other.offer, "agent": other.nodeAgentSkuId} |
	some other in offers_of(publisher)
	some s in other.skus
	count(sku) > count(s)
	endswith(lower(sku), lower(s))
]
