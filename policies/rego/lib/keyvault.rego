# METADATA
# title: Key Vault extension helpers shared by the built-in rules
# description: >-
#   The Key Vault VM extensions of a pool, their versions, their observed certificate URLs and the
#   pool's user-assigned identities, as the Key Vault rules read them.
package poolcheck.lib.keyvault

import data.poolcheck.lib.extensions

# Extension type (lower case) to the operating system it runs on.
os_of_type := {"keyvaultforlinux": "linux", "keyvaultforwindows": "windows"}

# Every Key Vault extension whose publisher and type are written literally, with its pointer and
# operating system ("linux" or "windows").
# Keyed by pointer, as extensions.all_extensions (why: there).
key_vaults[item.pointer] := {"extension": ext, "pointer": item.pointer, "os": os} if {
	some item in extensions.all_extensions
	ext := item.extension
	item.publisher == "microsoft.azure.keyvault"
	os := os_of_type[item.type]
}

# The major version of a literal typeHandlerVersion: the digits before the first dot. Undefined
# for ARM expressions and missing versions.
major(ext) := split(format_version(ext.typeHandlerVersion), ".")[0] if {
	not extensions.is_expression(ext.typeHandlerVersion)
}

format_version(v) := v if is_string(v)

format_version(v) := format_int(v, 10) if {
	is_number(v)
	v == floor(v)
}

format_version(v) := sprintf("%v", [v]) if {
	is_number(v)
	v != floor(v)
}

# The extension's settings.secretsManagementSettings, when it is an object.
secrets_management(ext) := s if {
	s := ext.settings.secretsManagementSettings
	is_object(s)
}

# Every observed certificate URL written literally: string items (1.x/2.x shape, and the legacy
# shape under 3.x) and the url of object items (3.x/4.x), each with the index of its item and
# what its canonical pointer ends with (see pointer_of), `same`: the form two URLs of one
# certificate share (see same_url), computed once here instead of once per pair of certificates,
# and `segments`: the URL split at "/", which keyvault_urls.quick_valid reads (a function's result
# is not memoised in wasm).
#
# An array, not a set (in wasm a set of objects hashes each whole element) nor an object keyed by
# pointer: nothing looks a certificate up, and making a pointer for every certificate (concat,
# format_int) and hashing it into an object cost more than the rules' checks; the rules make the
# pointer only for a finding.
observed := [{"kv": kv, "url": url, "index": i, "suffix": suffix, "same": same_form(url), "segments": split(url, "/")} |
	some kv in key_vaults
	some i, item in secrets_management(kv.extension).observedCertificates
	[url, suffix] := url_of(item)
	extensions.known(url)
]

# The canonical pointer of an observed certificate URL.
pointer_of(o) := concat("", [o.kv.pointer, "/settings/secretsManagementSettings/observedCertificates/", format_int(o.index, 10), o.suffix])

url_of(item) := [item, ""] if {
	is_string(item)
} else := [item.url, "/url"] if {
	is_object(item)
	is_string(item.url)
}

# Whether the pool's user-assigned identities are "present", "absent" or "unknown" (an ARM
# expression stands for them, so they cannot be judged).
identities := "unknown" if {
	is_string(input.identity)
} else := "unknown" if {
	extensions.is_expression(input.identity.type)
} else := "unknown" if {
	is_string(input.identity.userAssignedIdentities)
} else := "absent" if {
	lower(input.identity.type) == "none"
} else := "present" if {
	count(input.identity.userAssignedIdentities) > 0
} else := "absent"

# Two observed certificate URLs name the same certificate: compared case-insensitively, ignoring
# a trailing slash.
same_url(a, b) if same_form(a) == same_form(b)

same_form(url) := trim_right(lower(url), "/")

# Key Vault for Windows 4.0 polls every 5 to 60 minutes.
polling_allowed_on_windows_4(seconds) if {
	seconds >= 300
	seconds <= 3600
}

# The extension has settings.authenticationSettings, or settings that cannot be judged (an ARM
# expression, or not an object).
has_authentication(ext) if {
	is_object(ext.settings)
	not is_null(object.get(ext.settings, "authenticationSettings", null))
}

has_authentication(ext) if not is_object(object.get(ext, "settings", {}))

# Where a missing settings member is reported: the settings object, else the extension.
settings_pointer(kv) := concat("", [kv.pointer, "/settings"]) if is_object(kv.extension.settings)

else := kv.pointer

# requireInitialSync is true, or an ARM expression (unknown: not judged).
waits_for_initial_sync(management) if management.requireInitialSync == true

waits_for_initial_sync(management) if extensions.is_expression(management.requireInitialSync)

# Every Linux version and Windows before 4.0 have requireInitialSync.
has_initial_sync(kv) if kv.os == "linux"

has_initial_sync(kv) if {
	kv.os == "windows"
	to_number(major(kv.extension)) < 4
}

# The requireInitialSync member if written, else secretsManagementSettings.
initial_sync_pointer(extension, management) := concat("", [extension, "/settings/secretsManagementSettings/requireInitialSync"]) if {
	not is_null(object.get(management, "requireInitialSync", null))
} else := concat("", [extension, "/settings/secretsManagementSettings"])
