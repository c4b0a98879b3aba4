# METADATA
# title: Helpers shared by the built-in rules
# description: Where extensions are in the canonical pool, and how to read their names.
package poolcheck.lib.extensions

# Every extension with its canonical pointer, wherever it was written. cloudServiceConfiguration
# keeps its extensions where they were written (see docs/architecture.md).
#
# An object keyed by the pointer, not a set: `some item in all_extensions` iterates its values
# all the same, but in wasm a set of objects hashes each whole element (the extension with its
# settings) on every insertion, lookup and iteration step, while an object hashes only its key.
# That made the Key Vault rules 3 to 10 times dearer (docs/performance.md, "Per rule").
#
# Each item also holds the extension's publisher and type in lower case when they are written
# literally, else null (which equals no string), and whether it is a Custom Script extension:
# most rules read them, and in wasm each rule deciding known() (a search of the whole string for
# "${") and lower() again for every extension cost more than the rules' own checks.
all_extensions[pointer] := {
	"extension": ext,
	"pointer": pointer,
	"publisher": publisher,
	"type": type,
	"custom_script": custom_script_of(publisher, type),
} if {
	some section in ["virtualMachineConfiguration", "cloudServiceConfiguration"]
	some i, ext in input[section].extensions
	is_object(ext)
	pointer := concat("/", ["", section, "extensions", format_int(i, 10)])
	publisher := known_lower(object.get(ext, "publisher", null))
	type := known_lower(object.get(ext, "type", null))
}

# The value in lower case when it is written literally, else null.
known_lower(value) := lower(value) if known(value)

else := null

# ARM template expressions ("[parameters('x')]") stay strings in the canonical pool; their value is
# unknown until deployment, so rules must not judge them. "[[" escapes a literal "[".
is_expression(value) if {
	startswith(value, "[")
	not startswith(value, "[[")
}

# Terraform values known only when Terraform plans (references, interpolations, function calls)
# are strings holding "${...}" in the canonical pool of a .tf file (docs/terraform.md), as are the
# placeholders of templated JSON: as unknown as ARM expressions.
is_expression(value) if {
	is_string(value)
	contains(value, "${")
}

# A publisher or type that is written literally: a string that is not an ARM expression.
known(value) if {
	is_string(value)
	not is_expression(value)
}

# The extension's name for messages, or a placeholder when it has none we can print.
name(ext) := ext.name if {
	is_string(ext.name)
} else := "(unnamed)"

# The Custom Script family. Batch reserves the type "CustomScript" whatever the publisher; the
# Windows and legacy Linux Custom Script extensions are the same thing under other type names.
# From the lower-case publisher and type (null when not literal); all_extensions holds it per
# extension.
custom_script_of(publisher, type) if {
	type == "customscript"
} else if {
	custom_script_types[publisher] == type
} else := false

custom_script_types := {
	"microsoft.compute": "customscriptextension",
	"microsoft.ostcextensions": "customscriptforlinux",
}
