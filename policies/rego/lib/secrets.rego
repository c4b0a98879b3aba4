# METADATA
# title: Secret-looking settings
# description: Which extension setting keys and values look like secrets, for extension-secret-in-settings.
package poolcheck.lib.secrets

# What a secret looks like is defined once, in secrets/data.json (data.secrets.definition), which
# the engine's masker reads too. Only kinds of key that are secret are listed, since "...Key" also
# names public keys, registry keys or settings ("authenticationSettingsKey" in Azure's own example);
# references to secrets (a Key Vault secret's URL or name) are not secrets.
definition := data.secrets.definition

secret_names := {name | some name in definition.keyNames}

secret_endings := definition.keyEndings

# A literal value that gives itself away: a SAS signature, or a connection string with a key.
# Each pattern runs only on values that hold one of the definition's literal hints (lower-cased):
# in wasm a regex.match costs far more than a string search, and nearly no value holds a hint.
#
# Every valuePattern holds a literal "=" outside any optional part, so a value without one cannot
# match: that one search comes first, since nearly no setting holds "=" while lowering a value and
# searching it for each hint cost four times as much (test_every_value_pattern_needs_an_equals_sign).
secret_value(value) if {
	contains(value, "=")
	lowered := lower(value)
	some hint in definition.valueHints
	contains(lowered, hint)
	some pattern in definition.valuePatterns
	regex.match(pattern, value)
}

normalised(key) := lower(replace(replace(replace(key, "_", ""), "-", ""), ".", ""))

# The key is normalised once, then looked up whole and by its endings.
secret_key(key) if secret_normalised_key(normalised(key))

secret_normalised_key(name) if name in secret_names

secret_normalised_key(name) if {
	some ending in secret_endings
	endswith(name, ending)
}

# The string keys along a path; the last one is the key shown in the message.
keys_of(path) := [k | some k in path; is_string(k)]

escape(segment) := replace(replace(format_segment(segment), "~", "~0"), "/", "~1")

format_segment(segment) := segment if is_string(segment)

format_segment(segment) := format_int(segment, 10) if is_number(segment)

reason(key, value) := sprintf("a literal value for the secret-looking key '%s'", [key]) if {
	secret_key(key)
} else := sprintf("what looks like a SAS URL or a connection string with a key under '%s'", [key]) if {
	secret_value(value)
}
