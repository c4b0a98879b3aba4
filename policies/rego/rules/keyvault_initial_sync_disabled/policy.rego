# METADATA
# title: Key Vault extension does not wait for the first certificate download
# description: >-
#   With requireInitialSync false or not set, the Key Vault extension reports success before the
#   certificates are on the node, so start tasks and tasks may run without them. With true, it
#   reports success only after the first download (retried up to 25 times); until then the node
#   is not ready, and a misconfigured extension (wrong URL, missing access) can leave nodes
#   unusable, which is why the Batch documentation suggests false as a workaround. Choose
#   knowingly. Key Vault for Windows 4.0 removed the setting and always waits.
# custom:
#   id: keyvault-initial-sync-disabled
#   severity: info
#   since: 0.1.0
package poolcheck.rules.keyvault_initial_sync_disabled

import data.poolcheck.lib.extensions
import data.poolcheck.lib.keyvault

deny contains {"msg": msg, "pointer": pointer} if {
	some kv in keyvault.key_vaults
	keyvault.has_initial_sync(kv)
	management := keyvault.secrets_management(kv.extension)
	not keyvault.waits_for_initial_sync(management)
	pointer := keyvault.initial_sync_pointer(kv.pointer, management)
	msg := sprintf(
		"extension '%s' does not set requireInitialSync to true, so it reports success before the certificates are downloaded and tasks may start without them; set it to true to wait (a misconfigured extension then keeps nodes from becoming ready), or keep it and make tasks wait for the certificate files",
		[extensions.name(kv.extension)],
	)
}
