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

import data.poolcheck.lib.extensions
import data.poolcheck.lib.keyvault

# Each extension's certificates by the form two URLs of one certificate share: a set of pairs of
# strings, which wasm hashes cheaply.
forms := {[o.kv.pointer, o.same] | some o in keyvault.observed}

deny contains {"msg": msg, "pointer": keyvault.pointer_of(o)} if {
	# Fewer forms than certificates: some extension lists a certificate twice. Nearly no pool does,
	# and this one pass spares comparing every pair of certificates, which cost more in wasm than
	# any other rule (docs/performance.md, "Per rule").
	count(forms) < count(keyvault.observed)
	some o in keyvault.observed
	copies := [other.index |
		some other in keyvault.observed
		other.kv.pointer == o.kv.pointer
		other.same == o.same
	]
	first := min(copies)
	first < o.index
	msg := sprintf(
		"extension '%s': observed certificate %d repeats certificate %d ('%s'); list each certificate once",
		[extensions.name(o.kv.extension), o.index, first, o.url],
	)
}
