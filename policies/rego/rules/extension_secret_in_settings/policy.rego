# METADATA
# title: Secret in plain extension settings
# description: >-
#   Extension settings are stored and returned in plain text (a GET of the pool or of a node's
#   extension shows them); only protectedSettings are encrypted and never returned. A literal value
#   under a secret-looking key (workspaceKey, passwords, keys, tokens, SAS URLs, connection
#   strings), or a value that is itself a SAS URL or a connection string with a key, belongs in
#   protectedSettings. ARM expressions such as [parameters('key')] are not judged. The finding names
#   the key, never the value.
# custom:
#   id: extension-secret-in-settings
#   severity: error
#   since: 0.1.0
package poolcheck.rules.extension_secret_in_settings

import data.poolcheck.lib.extensions
import data.poolcheck.lib.secrets

# Every string in the settings of an extension is judged by the key it is under (the last object
# key on its path) and by its value. The bodies below iterate four levels of settings and walk
# only what lies deeper (Key Vault settings are four levels deep:
# secretsManagementSettings.observedCertificates[i].url): in wasm walk() allocates a path array
# for every node, and with the per-node work that walk's paths needed (collecting the keys, then
# counting) it cost more than the rest of this rule; materialising the strings in an array cost
# as much again. The path is made only for a finding.

with_settings := [item |
	some item in extensions.all_extensions
	is_object(item.extension.settings)
]

# Each distinct key is judged once: in wasm a function's result is not memoised, and judging a key
# (normalising it and comparing it with every key ending) costs more than finding the strings.
secret_keys contains key if {
	some key in setting_keys
	secrets.secret_key(key)
}

setting_keys contains k1 if {
	some item in with_settings
	some k1, v1 in item.extension.settings
	is_string(v1)
}

setting_keys contains last(k2, k1) if {
	some item in with_settings
	some k1, v1 in item.extension.settings
	some k2, v2 in v1
	is_string(v2)
}

setting_keys contains last(k3, last(k2, k1)) if {
	some item in with_settings
	some k1, v1 in item.extension.settings
	some k2, v2 in v1
	some k3, v3 in v2
	is_string(v3)
}

setting_keys contains last(k4, last(k3, last(k2, k1))) if {
	some item in with_settings
	some k1, v1 in item.extension.settings
	some k2, v2 in v1
	some k3, v3 in v2
	some k4, v4 in v3
	is_string(v4)
}

setting_keys contains leaf.key if {
	some leaf in deeper
}

# The strings more than four levels deep, with their paths.
deeper := [{"item": item, "path": array.concat([k1, k2, k3, k4], below), "key": key, "value": value} |
	some item in with_settings
	some k1, v1 in item.extension.settings
	some k2, v2 in v1
	some k3, v3 in v2
	some k4, v4 in v3
	not is_string(v4)
	walk(v4, [below, value])
	is_string(value)
	key := last_of(below, last(k4, last(k3, last(k2, k1))))
]

# k when it is an object key, else the key above it (k is then an array index).
last(k, above) := k if is_string(k)

else := above

# The last object key of path, else the key above it.
last_of(path, above) := k if {
	k := [key | some key in array.reverse(path); is_string(key)][0]
} else := above

suspect(key, _) if secret_keys[key]

suspect(_, value) if secrets.secret_value(value)

deny contains finding(item, [k1], k1, v1) if {
	some item in with_settings
	some k1, v1 in item.extension.settings
	is_string(v1)
	suspect(k1, v1)
}

deny contains finding(item, [k1, k2], key, v2) if {
	some item in with_settings
	some k1, v1 in item.extension.settings
	some k2, v2 in v1
	is_string(v2)
	key := last(k2, k1)
	suspect(key, v2)
}

deny contains finding(item, [k1, k2, k3], key, v3) if {
	some item in with_settings
	some k1, v1 in item.extension.settings
	some k2, v2 in v1
	some k3, v3 in v2
	is_string(v3)
	key := last(k3, last(k2, k1))
	suspect(key, v3)
}

deny contains finding(item, [k1, k2, k3, k4], key, v4) if {
	some item in with_settings
	some k1, v1 in item.extension.settings
	some k2, v2 in v1
	some k3, v3 in v2
	some k4, v4 in v3
	is_string(v4)
	key := last(k4, last(k3, last(k2, k1)))
	suspect(key, v4)
}

deny contains finding(leaf.item, leaf.path, leaf.key, leaf.value) if {
	some leaf in deeper
	suspect(leaf.key, leaf.value)
}

# The finding for a suspect string; undefined for empty strings and ARM or Terraform expressions.
finding(item, path, key, value) := {
	"msg": sprintf(
		"extension '%s' has %s in settings, which are stored and shown in plain text; move '%s' to protectedSettings, which are encrypted and never returned (or pass it as a secure parameter)",
		[extensions.name(item.extension), secrets.reason(key, value), concat(".", secrets.keys_of(path))],
	),
	"pointer": concat("/", array.concat([item.pointer, "settings"], [secrets.escape(s) | some s in path])),
} if {
	value != ""
	not extensions.is_expression(value)
}
