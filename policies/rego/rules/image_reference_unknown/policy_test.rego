package poolcheck.rules.image_reference_unknown_test

import data.poolcheck.rules.image_reference_unknown.deny

pool_with(image) := {"scope": "pool", "virtualMachineConfiguration": {"imageReference": image, "nodeAgentSkuId": "batch.node.ubuntu 20.04"}}

pointer := "/virtualMachineConfiguration/imageReference/sku"

test_ubuntu_server_with_focal_sku_names_the_right_offer if {
	# Azure's own PoolAdd_MountConfiguration example (data plane 2024-07-01.20.0).
	some finding in deny with input as pool_with({"publisher": "Canonical", "offer": "UbuntuServer", "sku": "20_04-lts"})
	finding.pointer == pointer
	contains(finding.msg, "under offer '0001-com-ubuntu-server-focal', not 'UbuntuServer'")
}

test_typo_sku_gets_a_did_you_mean if {
	some finding in deny with input as pool_with({"publisher": "Canonical", "offer": "UbuntuServer", "sku": "120_04-lts"})
	contains(finding.msg, "did you mean '20_04-lts' (offer '0001-com-ubuntu-server-focal'")
}

test_unknown_sku_of_a_complete_offer_is_reported if {
	some finding in deny with input as pool_with({"publisher": "canonical", "offer": "0001-com-ubuntu-server-focal", "sku": "20_10"})
	contains(finding.msg, "has no SKU '20_10'")
}

test_unlisted_sku_of_an_incomplete_offer_is_not_judged if {
	count(deny) == 0 with input as pool_with({"publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts-gen2"})
}

test_listed_images_are_fine_whatever_the_case if {
	count(deny) == 0 with input as pool_with({"publisher": "canonical", "offer": "0001-com-ubuntu-server-focal", "sku": "20_04-LTS"})
	count(deny) == 0 with input as pool_with({"publisher": "Canonical", "offer": "UbuntuServer", "sku": "18.04-LTS"})
}

test_unknown_publishers_and_offers_are_not_judged if {
	count(deny) == 0 with input as pool_with({"publisher": "batch", "offer": "rendering-windows2016", "sku": "rendering"})
	count(deny) == 0 with input as pool_with({"publisher": "Canonical", "offer": "something-new", "sku": "x"})
}

test_gallery_images_and_expressions_are_not_judged if {
	count(deny) == 0 with input as pool_with({"id": "/subscriptions/x/resourceGroups/g/providers/Microsoft.Compute/galleries/g/images/i/versions/1"})
	count(deny) == 0 with input as pool_with({"publisher": "Canonical", "offer": "UbuntuServer", "sku": "[parameters('sku')]"})
}

test_node_extension_scope_is_not_judged if {
	count(deny) == 0 with input as {"scope": "extension", "virtualMachineConfiguration": {"imageReference": {"publisher": "Canonical", "offer": "UbuntuServer", "sku": "20_04-lts"}}}
}
