# METADATA
# title: Key Vault extension observes the same certificate twice
# description: >-
#   Each observed certificate is downloaded and installed once; a URL listed twice in one
#   extension (compared case-insensitively, ignoring a trailing slash) is a copy-paste slip, and
#   with per-certificate store settings (3.x and 4.x) it is unclear which ones apply.
# custom:
#   id: keyvault-certificate-duplicate
#   severity: warning
#   since: 0.1.0
package poolcheck.rules.keyvault_certificate_duplicate

import data.poolcheck.lib.keyvault

same(url) := trim_right(lower(url), "/")

deny contains {"msg": msg, "pointer": o.pointer} if {
	some o in keyvault.observed
	some first in keyvault.observed
	first.kv.pointer == o.kv.pointer
	first.index < o.index
	same(first.url) == same(o.url)

	# Report each repeat once, against the first occurrence.
	not earlier_copy(o, first)
	msg := sprintf(
		"observed certificate %d repeats certificate %d ('%s'); list each certificate once",
		[o.index, first.index, first.url],
	)
}

earlier_copy(o, first) if {
	some other in keyvault.observed
	other.kv.pointer == o.kv.pointer
	other.index < first.index
	same(other.url) == same(o.url)
}
