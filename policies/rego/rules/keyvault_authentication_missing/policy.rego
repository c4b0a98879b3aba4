# METADATA
# title: Pool with user-assigned identities whose Key Vault extension has no authenticationSettings
# description: >-
#   "The 'authenticationSettings' property is required for VMs with any user assigned identities
#   ... Without this section, a VM with user assigned identities will result in the Key Vault
#   extension failing." Batch pools have only user-assigned identities, so a pool that declares
#   any needs authenticationSettings with msiEndpoint and the msiClientId of the identity that can
#   read the certificates.
# custom:
#   id: keyvault-authentication-missing
#   severity: error
#   since: 0.1.0
package poolcheck.rules.keyvault_authentication_missing

import data.poolcheck.lib.extensions
import data.poolcheck.lib.keyvault

deny contains {"msg": msg, "pointer": keyvault.settings_pointer(kv)} if {
	input.scope == "pool"
	keyvault.identities == "present"
	some kv in keyvault.key_vaults
	not keyvault.has_authentication(kv.extension)
	msg := sprintf(
		"extension '%s' has no settings.authenticationSettings, but the pool has user-assigned identities, and then the Key Vault extension fails on the nodes; add {\"msiEndpoint\": \"http://169.254.169.254/metadata/identity\", \"msiClientId\": \"<client id of the pool identity>\"}",
		[extensions.name(kv.extension)],
	)
}
