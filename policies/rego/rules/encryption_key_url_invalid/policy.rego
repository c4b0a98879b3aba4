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

# Key Vault and Managed HSM hosts by cloud: public, China, US Government.
host_pattern := `^[a-z0-9-]+\.(vault|managedhsm)\.(azure\.net|azure\.cn|usgovcloudapi\.net)(:443)?$`

example := "https://<vault>.vault.azure.net/keys/<name>/<version>"

key_members := {"keyUrl", "keyIdentifier"}

deny contains finding if {
	pool.is_pool
	walk(input, [path, value])
	count(path) > 0
	path[count(path) - 1] in key_members
	is_string(value)
	extensions.known(value)
	reason := problem(value)
	finding := {
		"msg": sprintf("`%s` %s %s", [path[count(path) - 1], keyvault_urls.quoted(value), reason]),
		"pointer": pointer(path),
	}
}

problem(url) := sprintf("is not a URL; use the key's versioned identifier, %s", [example]) if {
	not keyvault_urls.parts(url)
} else := sprintf("uses %s://; Key Vault is reached only over https://: use %s", [keyvault_urls.parts(url)[1], example]) if {
	lower(keyvault_urls.parts(url)[1]) != "https"
} else := sprintf("is not on a Key Vault host (<vault>.vault.azure.net, <hsm>.managedhsm.azure.net, or their Azure China and US Government hosts); use %s", [example]) if {
	not regex.match(host_pattern, lower(keyvault_urls.parts(url)[2]))
} else := sprintf("must be a versioned key identifier, %s, with no query or fragment (the version is required even with rotationToLatestKeyVersionEnabled)", [example]) if {
	not regex.match(`^/keys/[A-Za-z0-9-]+/[A-Za-z0-9]+/?$`, keyvault_urls.parts(url)[3])
} else := sprintf("must be a versioned key identifier, %s, with no query or fragment", [example]) if {
	keyvault_urls.parts(url)[4] != ""
}

pointer(path) := concat("", [sprintf("/%s", [escape(p)]) | some p in path])

escape(p) := replace(replace(sprintf("%v", [p]), "~", "~0"), "/", "~1")
