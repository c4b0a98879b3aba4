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

deny contains finding if {
	some item in extensions.all_extensions
	settings := item.extension.settings
	is_object(settings)
	walk(settings, [path, value])
	is_string(value)
	value != ""
	not extensions.is_expression(value)
	keys := secrets.keys_of(path)
	count(keys) > 0
	key := keys[count(keys) - 1]
	why := secrets.reason(key, value)
	finding := {
		"msg": sprintf(
			"extension '%s' has %s in settings, which are stored and shown in plain text; move '%s' to protectedSettings, which are encrypted and never returned (or pass it as a secure parameter)",
			[extensions.name(item.extension), why, concat(".", keys)],
		),
		"pointer": concat("/", array.concat([item.pointer, "settings"], [secrets.escape(s) | some s in path])),
	}
}
