# METADATA
# title: typeHandlerVersion is not major.minor
# description: >-
#   typeHandlerVersion selects the extension's handler by major and minor version, such as "3.0" or
#   "1.10"; the patch level comes from autoUpgradeMinorVersion and enableAutomaticUpgrade. A value
#   of another shape ("3", "2.1.3", "latest") usually matches no published handler, and the
#   extension fails to provision.
# custom:
#   id: extension-version-format
#   severity: warning
#   since: 0.1.0
package poolcheck.rules.extension_version_format

import data.poolcheck.lib.extensions
import data.poolcheck.lib.versions

deny contains finding if {
	some item in extensions.all_extensions
	version := item.extension.typeHandlerVersion
	extensions.known(version)
	not major_dot_minor(version)
	finding := {
		"msg": sprintf(
			"extension '%s' has typeHandlerVersion '%s'; give the handler's major and minor version, such as \"%s\"",
			[extensions.name(item.extension), version, versions.suggestion(version)],
		),
		"pointer": concat("", [item.pointer, "/typeHandlerVersion"]),
	}
}

# ^[0-9]+\.[0-9]+$ without a regular expression (which wasm compiles on every call).
major_dot_minor(version) if {
	numbers := split(version, ".")
	count(numbers) == 2
	every number in numbers {
		number != ""
		trim(number, "0123456789") == ""
	}
}
