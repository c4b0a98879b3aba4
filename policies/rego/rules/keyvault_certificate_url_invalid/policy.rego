# METADATA
# title: Key Vault observed certificate is not a Key Vault secret URL
# description: >-
#   The Key Vault extension downloads each observed certificate from its secret identifier,
#   https://<vault>.vault.azure.net/secrets/<name>[/<version>] (vault.azure.cn in Azure China,
#   vault.usgovcloudapi.net in Azure US Government). A /certificates/ URL gives the node the
#   certificate without its private key; an http:// URL or another host is not Key Vault. The
#   extension then fails on every node, after the pool was created. Key Vault for Windows 4.0
#   cannot be pinned to a certificate version.
# custom:
#   id: keyvault-certificate-url-invalid
#   severity: error
#   since: 0.1.0
package poolcheck.rules.keyvault_certificate_url_invalid

import data.poolcheck.lib.extensions
import data.poolcheck.lib.keyvault
import data.poolcheck.lib.keyvault_urls

deny contains {"msg": msg, "pointer": keyvault.pointer_of(o)} if {
	some o in keyvault.observed
	not keyvault_urls.quick_valid(o)
	problem := keyvault_urls.problem(o)
	msg := sprintf(
		"extension '%s': observed certificate %s %s",
		[extensions.name(o.kv.extension), keyvault_urls.quoted(o.url), problem],
	)
}
