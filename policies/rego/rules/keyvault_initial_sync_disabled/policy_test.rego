package poolcheck.rules.keyvault_initial_sync_disabled_test

import data.poolcheck.rules.keyvault_initial_sync_disabled.deny

kv(type, version, management) := {"scope": "pool", "virtualMachineConfiguration": {"extensions": [{
	"name": "kv", "publisher": "Microsoft.Azure.KeyVault", "type": type, "typeHandlerVersion": version,
	"settings": {"secretsManagementSettings": management},
}]}}

base := "/virtualMachineConfiguration/extensions/0/settings/secretsManagementSettings"

test_false_is_reported_at_the_setting if {
	some f in deny with input as kv("KeyVaultForLinux", "3.0", {"requireInitialSync": false, "observedCertificates": []})
	f.pointer == concat("", [base, "/requireInitialSync"])
	contains(f.msg, "tasks may start without them")
}

test_missing_is_reported_at_the_settings if {
	some f in deny with input as kv("KeyVaultForWindows", "3.0", {"observedCertificates": []})
	f.pointer == base
}

test_true_and_expressions_are_fine if {
	count(deny) == 0 with input as kv("KeyVaultForLinux", "1.0", {"requireInitialSync": true})
	count(deny) == 0 with input as kv("KeyVaultForLinux", "1.0", {"requireInitialSync": "[parameters('sync')]"})
}

test_windows_4_has_no_such_setting if {
	count(deny) == 0 with input as kv("KeyVaultForWindows", "4.0", {"observedCertificates": []})
	count(deny) == 0 with input as kv("KeyVaultForWindows", "[parameters('v')]", {"observedCertificates": []})
}

test_applies_to_node_extension_responses_too if {
	pool := object.union(kv("KeyVaultForLinux", "1.0", {}), {"scope": "extension"})
	count(deny) == 1 with input as pool
}
