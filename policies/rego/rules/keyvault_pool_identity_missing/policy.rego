# METADATA
# title: Key Vault extension names a client id but the pool has no user-assigned identity
# description: >-
#   The Key Vault extension authenticates as the user-assigned identity whose client id
#   authenticationSettings.msiClientId names, and a Batch pool has only the identities it declares
#   (identity.userAssignedIdentities). Without one the extension fails on every node. Pools with
#   identities can only be created through the management plane (ARM, Bicep, the Batch management
#   API): a data-plane body (Batch service API) cannot declare one, so there the finding is a
#   warning saying so.
# custom:
#   id: keyvault-pool-identity-missing
#   severity: error
#   since: 0.1.0
package poolcheck.rules.keyvault_pool_identity_missing

import data.poolcheck.lib.extensions
import data.poolcheck.lib.keyvault

# Keyed by pointer, as extensions.all_extensions (why: there).
client_ids[pointer] := {"kv": kv, "pointer": pointer} if {
	input.scope == "pool"
	some kv in keyvault.key_vaults
	is_string(kv.extension.settings.authenticationSettings.msiClientId)
	pointer := concat("", [kv.pointer, "/settings/authenticationSettings/msiClientId"])
}

deny contains {"msg": msg, "pointer": c.pointer} if {
	input.kind != "data-plane"
	some c in client_ids
	keyvault.identities == "absent"
	msg := sprintf(
		"extension '%s' authenticates with the user-assigned identity msiClientId names, but the pool declares no user-assigned identity, so the extension fails on the nodes; add the identity under identity.userAssignedIdentities (type UserAssigned)",
		[extensions.name(c.kv.extension)],
	)
}

deny contains {"msg": msg, "pointer": c.pointer, "severity": "warning"} if {
	input.kind == "data-plane"
	some c in client_ids
	msg := sprintf(
		"extension '%s' relies on a pool user-assigned identity (msiClientId), but pools with identities can only be created through the management plane (ARM, Bicep, the Batch management API), not with this data-plane body; create the pool there with the identity under identity.userAssignedIdentities",
		[extensions.name(c.kv.extension)],
	)
}
