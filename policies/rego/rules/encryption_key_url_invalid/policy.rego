# METADATA
# title: Customer-managed key URL is not an https Key Vault key URL
# description: >-
#   A customer-managed key (virtualMachineConfiguration.diskEncryptionConfiguration.customerManagedKey.keyUrl,
#   and a keyUrl or keyIdentifier anywhere under diskEncryptionConfiguration or an account-style
#   encryption.keyVaultProperties) must be the "Fully versioned Key Url pointing to a key in
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

# Where customer-managed keys are written: the pool's disk encryption (customerManagedKey.keyUrl)
# and an account-style encryption.keyVaultProperties.keyIdentifier. Only these subtrees are
# walked: walking the whole pool (every node, each with its path array) cost more than any other
# rule in wasm (docs/performance.md, "Per rule").
key_trees["diskEncryptionConfiguration"] := {
	"root": ["virtualMachineConfiguration", "diskEncryptionConfiguration"],
	"tree": input.virtualMachineConfiguration.diskEncryptionConfiguration,
}

key_trees["encryption"] := {"root": ["encryption"], "tree": input.encryption}

deny contains finding if {
	pool.is_pool
	some tree in key_trees
	walk(tree.tree, [below, value])
	path := array.concat(tree.root, below)
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
