# METADATA
# title: Azure Monitor Agent settings
# description: Whether the Azure Monitor Agent's settings name its managed identity.
package poolcheck.lib.monitor

import data.poolcheck.lib.extensions

names_identity(settings) if is_object(settings.authentication.managedIdentity)

# Settings (or their authentication part) given as an ARM expression are unknown: not judged.
names_identity(settings) if {
	is_string(settings)
	extensions.is_expression(settings)
}

names_identity(settings) if {
	is_string(settings.authentication)
	extensions.is_expression(settings.authentication)
}

# Where the identity is missing: the deepest part that exists.
missing_at(ext) := "/settings/authentication" if {
	is_object(ext.settings.authentication)
} else := "/settings" if {
	is_object(ext.settings)
} else := ""
