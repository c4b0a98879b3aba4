# METADATA
# title: CustomScript extensions are reserved by Azure Batch
# description: >-
#   "The CustomScript extension type is reserved for the Azure Batch service and can't be
#   overridden." The type CustomScript is rejected whatever its publisher; the Windows
#   (Microsoft.Compute/CustomScriptExtension) and legacy Linux
#   (Microsoft.OSTCExtensions/CustomScriptForLinux) Custom Script extensions are the same family.
#   Run setup commands in the pool's start task instead. Not judged on node-extension GET responses:
#   Batch installs its own CustomScript extension on nodes (Azure's examples show one named
#   batchNodeExtension), and a response reports it; the rule is about what a pool asks for.
# custom:
#   id: extension-customscript-reserved
#   severity: error
#   since: 0.1.0
package poolcheck.rules.extension_customscript_reserved

import data.poolcheck.lib.extensions
import data.poolcheck.lib.pool

reason := "The CustomScript extension type is reserved for the Azure Batch service and can't be overridden."

deny contains finding if {
	not pool.is_node_extension
	some item in extensions.all_extensions
	item.custom_script
	finding := {
		"msg": sprintf(
			"extension '%s' is a Custom Script extension (%s/%s): \"%s\" Run the setup in the pool's startTask instead",
			[
				extensions.name(item.extension),
				object.get(item.extension, "publisher", "?"),
				item.extension.type,
				reason,
			],
		),
		"pointer": concat("", [item.pointer, "/type"]),
	}
}
