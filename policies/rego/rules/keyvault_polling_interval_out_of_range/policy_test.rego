package poolcheck.rules.keyvault_polling_interval_out_of_range_test

import data.poolcheck.rules.keyvault_polling_interval_out_of_range.deny

kv(type, version, interval) := {"scope": "pool", "virtualMachineConfiguration": {"extensions": [{
	"name": "kv", "publisher": "Microsoft.Azure.KeyVault", "type": type, "typeHandlerVersion": version,
	"settings": {"secretsManagementSettings": {"pollingIntervalInS": interval, "observedCertificates": []}},
}]}}

test_windows_4_outside_300_to_3600_is_reported if {
	some f in deny with input as kv("KeyVaultForWindows", "4.0", "60")
	f.pointer == "/virtualMachineConfiguration/extensions/0/settings/secretsManagementSettings/pollingIntervalInS"
	contains(f.msg, "\"300\" to \"3600\"")
	count(deny) == 1 with input as kv("KeyVaultForWindows", "4.1", "86400")
}

test_bounds_are_allowed if {
	count(deny) == 0 with input as kv("KeyVaultForWindows", "4.0", "300")
	count(deny) == 0 with input as kv("KeyVaultForWindows", "4.0", "3600")
}

test_other_versions_and_linux_are_not_limited if {
	count(deny) == 0 with input as kv("KeyVaultForWindows", "3.0", "60")
	count(deny) == 0 with input as kv("KeyVaultForLinux", "3.0", "60")
	count(deny) == 0 with input as kv("KeyVaultForWindows", "[parameters('v')]", "60")
}

test_non_numeric_values_are_left_to_the_schema if {
	count(deny) == 0 with input as kv("KeyVaultForWindows", "4.0", "1h")
	count(deny) == 0 with input as kv("KeyVaultForWindows", "4.0", 60)
	count(deny) == 0 with input as kv("KeyVaultForWindows", "4.0", "[parameters('poll')]")
}
