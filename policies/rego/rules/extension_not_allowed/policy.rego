# METADATA
# title: Extension is not on the allow-list
# description: >-
#   Azure Batch accepts only the extensions it supports (or that support enabled for the account).
#   The default allow-list is the union of the lists the Batch documentation gave in 2021 and gives
#   now (policies/rego/data.json names each entry's source and whether its publisher/type is
#   verified); add your own publisher/type pairs under allowedExtensions in the configuration.
#   Publisher and type match case-insensitively. Not judged on node-extension GET responses: those
#   list what is on a node, including extensions Batch itself installs (such as
#   Microsoft.Azure.Geneva/GenevaMonitoring), which nobody asked for in a pool definition.
# custom:
#   id: extension-not-allowed
#   severity: error
#   since: 0.1.0
package poolcheck.rules.extension_not_allowed

import data.poolcheck.lib.extensions
import data.poolcheck.lib.pool

# Whether "publisher/type" (lower case) is allowed. The engine passes the merged allow-list
# already keyed that way (data.poolcheck.allowedExtensionKeys, made once per run in
# BuiltInPolicies.effectiveData), so an evaluation does one lookup instead of lowering and hashing
# the whole list for every pool; without it (opa test, conftest) the set is built here.
allowed_key(key) if data.poolcheck.allowedExtensionKeys[key] == true

allowed_key(key) if {
	not data.poolcheck.allowedExtensionKeys
	key in allowed
}

# "publisher/type" in lower case: a set of strings, which wasm hashes cheaply (a set of arrays
# costs a deep hash per element).
allowed contains concat("/", [lower(entry.publisher), lower(entry.type)]) if {
	some entry in data.allowedExtensions
	is_string(entry.publisher)
	is_string(entry.type)
}

deny contains finding if {
	not pool.is_node_extension
	some item in extensions.all_extensions
	ext := item.extension

	# Publisher and type written literally (lower case, else null: see extensions.all_extensions).
	is_string(item.publisher)
	is_string(item.type)

	# Custom Script has its own, more specific rule.
	not item.custom_script
	not allowed_key(concat("/", [item.publisher, item.type]))
	finding := {
		"msg": sprintf(
			"extension '%s' uses %s/%s, which is not on the list of extensions Azure Batch supports; use a supported extension, or if support for it was enabled on your Batch account, add {publisher: %s, type: %s} to allowedExtensions in the configuration",
			[extensions.name(ext), ext.publisher, ext.type, ext.publisher, ext.type],
		),
		"pointer": concat("", [item.pointer, "/type"]),
	}
}
