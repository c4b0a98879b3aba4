# METADATA
# title: Key Vault for Linux certificate store location is not an absolute path
# description: >-
#   On Linux the Key Vault extension writes certificates into the folder certificateStoreLocation
#   names (secretsManagementSettings in 1.x/2.x, each observed certificate in 3.x), for example
#   /var/lib/waagent/Microsoft.Azure.KeyVault; the default is
#   /var/lib/waagent/Microsoft.Azure.KeyVault.Store/. A relative path or a Windows store name
#   (LocalMachine, which a 2019 example showed) is not a folder the tasks can rely on. On Windows
#   1.x and 3.x the value is LocalMachine or CurrentUser, which extension-settings-invalid checks.
# custom:
#   id: keyvault-store-location-invalid
#   severity: warning
#   since: 0.1.0
package poolcheck.rules.keyvault_store_location_invalid

import data.poolcheck.lib.extensions
import data.poolcheck.lib.keyvault

# The store locations written in a Linux Key Vault extension, with their pointers.
# Keyed by pointer, as extensions.all_extensions (why: there).
locations[pointer] := {"kv": kv, "value": value, "pointer": pointer} if {
	some kv in keyvault.key_vaults
	kv.os == "linux"
	value := keyvault.secrets_management(kv.extension).certificateStoreLocation
	pointer := concat("", [kv.pointer, "/settings/secretsManagementSettings/certificateStoreLocation"])
}

locations[pointer] := {"kv": kv, "value": value, "pointer": pointer} if {
	some kv in keyvault.key_vaults
	kv.os == "linux"
	some i, certificate in keyvault.secrets_management(kv.extension).observedCertificates
	value := certificate.certificateStoreLocation
	pointer := concat("", [kv.pointer, "/settings/secretsManagementSettings/observedCertificates/", format_int(i, 10), "/certificateStoreLocation"])
}

deny contains {"msg": msg, "pointer": l.pointer} if {
	some l in locations
	extensions.known(l.value)
	not startswith(l.value, "/")
	msg := sprintf(
		"extension '%s': certificateStoreLocation '%s' is not an absolute path; Key Vault for Linux writes certificates into this folder: use one such as /var/lib/waagent/Microsoft.Azure.KeyVault",
		[extensions.name(l.kv.extension), l.value],
	)
}
