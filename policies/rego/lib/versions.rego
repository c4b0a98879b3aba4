# METADATA
# title: Extension handler versions
# description: The major.minor form of a typeHandlerVersion, for messages.
package poolcheck.lib.versions

# "2.1.3" -> "2.1", "3" -> "3.0"; otherwise a generic example.
suggestion(version) := concat(".", array.slice(parts, 0, 2)) if {
	parts := split(version, ".")
	count(parts) > 2
	regex.match(`^[0-9]+\.[0-9]+\.`, version)
} else := sprintf("%s.0", [version]) if {
	regex.match(`^[0-9]+$`, version)
} else := "1.0"
