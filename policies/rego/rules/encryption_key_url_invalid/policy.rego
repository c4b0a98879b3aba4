# METADATA
# title: Customer-managed key URL is not an https Key Vault key URL
# description: >-
#   A customer-managed key (diskEncryptionConfiguration.customerManagedKey.keyUrl, and a
#   keyIdentifier anywhere in the pool) must be the "Fully versioned Key Url pointing to a key in
#   KeyVault. Version segment of the Url is required regardless of rotationToLatestKeyVersionEnabled
#   value." (Batch management API 2025-06-01 and 2026-08-01, DiskCustomerManagedKey.keyUrl): https,
#   a Key Vault or Managed HSM host, /keys/<name>/<version>. Azure's own example uses an http://
#   placeholder.
# custom:
#   id: encryption-key-url-invalid
#   severity: error
#   since: 0.1.0
package poolcheck.rules.encryption_key_url_invalid

import data.poolcheck.lib.extensions
import data.poolcheck.lib.keyvault_urls
import data.poolcheck.lib.pool

key_members := {"keyUrl", "keyIdentifier"}

deny contains finding if {
	pool.is_pool
	walk(input, [path, value])
	count(path) > 0
	path[count(path) - 1] in key_members
	is_string(value)
	extensions.known(value)
	reason := keyvault_urls.key_problem(value)
	finding := {
		"msg": sprintf("`%s` %s %s", [path[count(path) - 1], keyvault_urls.quoted(value), reason]),
		"pointer": keyvault_urls.pointer(path),
	}
}
