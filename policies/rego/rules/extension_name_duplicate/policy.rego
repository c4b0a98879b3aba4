# METADATA
# title: Extension names must be unique
# description: >-
#   Each extension of a pool needs its own name: provisionAfterExtensions, the node's extension list
#   and the Key Vault and monitoring status all refer to extensions by name. VM extension names are
#   compared without regard to case, as Azure does.
# custom:
#   id: extension-name-duplicate
#   severity: error
#   since: 0.1.0
package poolcheck.rules.extension_name_duplicate

import data.poolcheck.lib.extensions
import data.poolcheck.lib.pool

deny contains finding if {
	pool.is_pool
	some section in ["virtualMachineConfiguration", "cloudServiceConfiguration"]
	list := input[section].extensions
	is_array(list)

	# Fewer distinct names than named extensions: some name repeats. Nearly no pool repeats one,
	# and this one pass spares comparing every pair of extensions.
	names := [lower(ext.name) | some ext in list; extensions.known(ext.name)]
	count({name | some name in names}) < count(names)
	some i, ext in list
	extensions.known(ext.name)

	# Each later copy is reported once, naming the first.
	j := min({k | some k, other in list; extensions.known(other.name); lower(other.name) == lower(ext.name)})
	j < i
	finding := {
		"msg": sprintf(
			"extension name '%s' is used again (first by extension %d); give each extension its own name",
			[ext.name, j],
		),
		"pointer": sprintf("/%s/extensions/%d/name", [section, i]),
	}
}
