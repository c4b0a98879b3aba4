# METADATA
# title: Key Vault for Windows 4.x polling interval outside 5 to 60 minutes
# description: >-
#   Key Vault extension for Windows 4.0 polls every 5 to 60 minutes: pollingIntervalInS must be
#   "300" to "3600" (the default is hourly). The interval is a string of whole seconds in every
#   version; a value that is not is reported by extension-settings-invalid.
# custom:
#   id: keyvault-polling-interval-out-of-range
#   severity: warning
#   since: 0.1.0
package poolcheck.rules.keyvault_polling_interval_out_of_range

import data.poolcheck.lib.extensions
import data.poolcheck.lib.keyvault

deny contains {"msg": msg, "pointer": concat("", [kv.pointer, "/settings/secretsManagementSettings/pollingIntervalInS"])} if {
	some kv in keyvault.key_vaults
	kv.os == "windows"
	keyvault.major(kv.extension) == "4"
	interval := keyvault.secrets_management(kv.extension).pollingIntervalInS
	is_string(interval)
	regex.match(`^[0-9]+$`, interval)
	seconds := to_number(interval)
	not keyvault.polling_allowed_on_windows_4(seconds)
	msg := sprintf(
		"extension '%s': pollingIntervalInS \"%s\" is outside what Key Vault for Windows 4.x allows, 5 to 60 minutes; use a value from \"300\" to \"3600\"",
		[extensions.name(kv.extension), interval],
	)
}
