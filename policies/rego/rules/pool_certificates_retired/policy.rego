# METADATA
# title: Pool certificate references are retired
# description: >-
#   Batch account certificates were retired on 29 February 2024: creating a pool with certificate
#   references fails with CertificateRetired, and the property is gone from the management API
#   2025-06-01 and later. Install certificates with the Azure Key Vault VM extension
#   (KeyVaultForLinux or KeyVaultForWindows) and a user-assigned pool identity instead.
# custom:
#   id: pool-certificates-retired
#   severity: error
#   since: 0.1.0
package poolcheck.rules.pool_certificates_retired

import data.poolcheck.lib.pool

deny contains finding if {
	pool.is_pool
	is_array(input.certificates)
	count(input.certificates) > 0
	finding := {
		"msg": sprintf(
			"the pool references %d certificate(s), but Batch account certificates are retired (29 February 2024; the service answers CertificateRetired); install them from Azure Key Vault with the Key Vault VM extension (KeyVaultForLinux or KeyVaultForWindows) and a user-assigned pool identity",
			[count(input.certificates)],
		),
		"pointer": "/certificates",
	}
}
