package poolcheck.rules.keyvault_pool_identity_missing_test

import data.poolcheck.rules.keyvault_pool_identity_missing.deny

kv := {
	"name": "secretext", "publisher": "Microsoft.Azure.KeyVault", "type": "KeyVaultForLinux", "typeHandlerVersion": "1.0",
	"settings": {
		"secretsManagementSettings": {"observedCertificates": ["https://a.vault.azure.net/secrets/x"]},
		"authenticationSettings": {"msiEndpoint": "http://169.254.169.254/metadata/identity", "msiClientId": "885b1a3d-f13c-4030-afcf-9f05044d78dc"},
	},
}

pool(kind, identity) := object.union(
	{"kind": kind, "scope": "pool", "virtualMachineConfiguration": {"extensions": [kv]}},
	identity,
)

identity := {"identity": {"type": "UserAssigned", "userAssignedIdentities": [{"resourceId": "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/pool"}]}}

pointer := "/virtualMachineConfiguration/extensions/0/settings/authenticationSettings/msiClientId"

test_management_pool_without_identity_is_an_error if {
	some f in deny with input as pool("management", {})
	f.pointer == pointer
	not f.severity
	startswith(f.msg, "extension 'secretext' authenticates")
	count(deny) == 1 with input as pool("arm", {"identity": {"type": "None"}})
}

test_management_pool_with_identity_is_fine if {
	count(deny) == 0 with input as pool("management", identity)
}

test_identity_given_as_expression_is_not_judged if {
	count(deny) == 0 with input as pool("arm", {"identity": "[variables('identity')]"})
}

test_data_plane_body_gets_a_warning_about_the_management_plane if {
	some f in deny with input as pool("data-plane", {})
	f.severity == "warning"
	f.pointer == pointer
	contains(f.msg, "only be created through the management plane")
	count(deny) == 1 with input as pool("data-plane", identity)
}

test_no_client_id_no_finding if {
	ext := object.union(object.remove(kv, ["settings"]), {"settings": {"secretsManagementSettings": kv.settings.secretsManagementSettings}})
	count(deny) == 0 with input as {"kind": "management", "scope": "pool", "virtualMachineConfiguration": {"extensions": [ext]}}
}

test_node_extension_responses_are_not_judged if {
	count(deny) == 0 with input as {"kind": "node-extension", "scope": "extension", "virtualMachineConfiguration": {"extensions": [kv]}}
}
