# METADATA
# title: Marketplace image helpers
# description: Looking images up in the table of images Azure Batch lists (images/data.json).
package poolcheck.lib.images

# The table's offers of one publisher (case-insensitive).
offers_of(publisher) := [o | some o in data.images.offers; lower(o.publisher) == lower(publisher)]

listed(o, sku) if lower(sku) in {lower(s) | some s in o.skus}

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
