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

# Key names (lower case, separators removed) that hold secrets: whole names, then endings. Only
# kinds of key that are secret are listed, since "...Key" also names public keys, registry keys or
# settings ("authenticationSettingsKey" in Azure's own example); references to secrets (a Key Vault
# secret's URL or name) are not secrets.
secret_names := {"key", "password", "passwd", "pwd", "sas", "secret", "token", "connectionstring"}

secret_endings := [
	"accesskey", "accountkey", "apikey", "authkey", "clientkey", "encryptionkey", "masterkey",
	"primarykey", "privatekey", "secondarykey", "secretkey", "sharedkey", "signingkey", "storagekey",
	"subscriptionkey", "workspacekey",
	"password", "passphrase", "clientsecret", "secret", "token", "connectionstring",
	"sasurl", "sasuri",
]

# A literal value that gives itself away: a SAS signature, or a connection string with a key.
secret_value(value) if regex.match(`(?i)[?&]sig=[^&]+`, value)

secret_value(value) if regex.match(`(?i)(^|;)\s*(AccountKey|SharedAccessKey|SharedAccessSignature|Password)\s*=`, value)

normalised(key) := lower(replace(replace(replace(key, "_", ""), "-", ""), ".", ""))

secret_key(key) if normalised(key) in secret_names

secret_key(key) if {
	some ending in secret_endings
	endswith(normalised(key), ending)
}

# The string keys along a path; the last one is the key shown in the message.
keys_of(path) := [k | some k in path; is_string(k)]

escape(segment) := replace(replace(format_segment(segment), "~", "~0"), "/", "~1")

format_segment(segment) := segment if is_string(segment)

format_segment(segment) := format_int(segment, 10) if is_number(segment)

deny contains finding if {
	some item in extensions.all_extensions
	settings := item.extension.settings
	is_object(settings)
	walk(settings, [path, value])
	is_string(value)
	value != ""
	not extensions.is_expression(value)
	keys := keys_of(path)
	count(keys) > 0
	key := keys[count(keys) - 1]
	why := reason(key, value)
	finding := {
		"msg": sprintf(
			"extension '%s' has %s in settings, which are stored and shown in plain text; move '%s' to protectedSettings, which are encrypted and never returned (or pass it as a secure parameter)",
			[extensions.name(item.extension), why, concat(".", keys)],
		),
		"pointer": concat("/", array.concat([item.pointer, "settings"], [escape(s) | some s in path])),
	}
}

reason(key, value) := sprintf("a literal value for the secret-looking key '%s'", [key]) if {
	secret_key(key)
} else := sprintf("what looks like a SAS URL or a connection string with a key under '%s'", [key]) if {
	secret_value(value)
}
