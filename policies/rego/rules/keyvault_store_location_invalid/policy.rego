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

# The store locations written in a Linux Key Vault extension are judged where they are found, and
# the pointer is made only for a finding: in wasm, making a pointer for every certificate
# (concat, format_int) and keying an object by it cost more than the judgement.
deny contains finding(kv, value, "/settings/secretsManagementSettings/certificateStoreLocation") if {
	some kv in keyvault.key_vaults
	kv.os == "linux"
	value := keyvault.secrets_management(kv.extension).certificateStoreLocation
	invalid(value)
}

deny contains finding(kv, value, concat("", ["/settings/secretsManagementSettings/observedCertificates/", format_int(i, 10), "/certificateStoreLocation"])) if {
	some kv in keyvault.key_vaults
	kv.os == "linux"
	some i, certificate in keyvault.secrets_management(kv.extension).observedCertificates
	value := certificate.certificateStoreLocation
	invalid(value)
}

invalid(value) if {
	is_string(value)
	not startswith(value, "/")
	extensions.known(value)
}

finding(kv, value, below) := {"msg": msg, "pointer": concat("", [kv.pointer, below])} if {
	msg := sprintf(
		"extension '%s': certificateStoreLocation '%s' is not an absolute path; Key Vault for Linux writes certificates into this folder: use one such as /var/lib/waagent/Microsoft.Azure.KeyVault",
		[extensions.name(kv.extension), value],
	)
}
