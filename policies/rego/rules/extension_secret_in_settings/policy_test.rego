package poolcheck.rules.extension_secret_in_settings_test

import data.poolcheck.rules.extension_secret_in_settings.deny

pool_with(settings) := {"scope": "pool", "virtualMachineConfiguration": {"extensions": [{
	"name": "oms",
	"publisher": "Microsoft.EnterpriseCloud.Monitoring",
	"type": "OmsAgentForLinux",
	"settings": settings,
}]}}

# Stands for a real value; it must never reach a message.
key_value := "c2VjcmV0LXZhbHVlLXRoYXQtbXVzdC1ub3QtbGVhaw=="

test_workspace_key_in_settings_is_reported_by_name_not_value if {
	findings := deny with input as pool_with({"workspaceId": "7b2f0c1a-1111-2222-3333-444455556666", "workspaceKey": key_value})
	count(findings) == 1
	some finding in findings
	finding.pointer == "/virtualMachineConfiguration/extensions/0/settings/workspaceKey"
	contains(finding.msg, "'workspaceKey'")
	contains(finding.msg, "protectedSettings")
	not contains(finding.msg, key_value)
}

test_nested_secret_names_its_path if {
	settings := {"storage": {"accounts": [{"name": "logs", "storage_account_key": key_value}]}}
	some finding in deny with input as pool_with(settings)
	finding.pointer == "/virtualMachineConfiguration/extensions/0/settings/storage/accounts/0/storage_account_key"
	contains(finding.msg, "'storage.accounts.storage_account_key'")
	not contains(finding.msg, key_value)
}

test_every_kind_of_secret_key_is_reported if {
	every key in ["password", "adminPassword", "clientSecret", "sasToken", "apiKey", "AccountKey", "connectionString", "containerSasUrl", "token"] {
		count(deny) == 1 with input as pool_with({key: "x1"})
	}
}

test_sas_url_value_is_reported_under_any_key if {
	url := "https://contoso.blob.core.windows.net/logs?sv=2022-11-02&ss=b&sig=abc%2Fdef"
	some finding in deny with input as pool_with({"destination": url})
	contains(finding.msg, "SAS URL")
	contains(finding.msg, "'destination'")
	not contains(finding.msg, "abc")
}

test_connection_string_value_is_reported if {
	value := "DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=abc"
	count(deny) == 1 with input as pool_with({"storage": value})
}

test_keys_in_names_that_are_not_secrets_are_fine if {
	settings := {
		"authenticationSettingsKey": "...",
		"publicKey": "ssh-rsa AAAA",
		"registryKey": "HKLM\\Software\\Contoso",
		"secretsManagementSettings": {"observedCertificates": ["https://kv.vault.azure.net/secrets/tls"]},
	}
	count(deny) == 0 with input as pool_with(settings)
}

test_expressions_empty_and_non_string_values_are_not_judged if {
	settings := {
		"workspaceKey": "[parameters('workspaceKey')]",
		"password": "",
		"token": {"reference": {"keyVault": {"id": "kv"}, "secretName": "t"}},
		"apiKey": 42,
	}
	count(deny) == 0 with input as pool_with(settings)
}

test_escaped_literal_bracket_is_a_literal if {
	count(deny) == 1 with input as pool_with({"password": "[[not-an-expression"})
}

test_pointer_segments_are_escaped if {
	some finding in deny with input as pool_with({"a/b": {"x~token": "v"}})
	finding.pointer == "/virtualMachineConfiguration/extensions/0/settings/a~1b/x~0token"
}

test_protected_settings_are_fine if {
	pool := {"scope": "pool", "virtualMachineConfiguration": {"extensions": [{
		"name": "oms",
		"settings": {"workspaceId": "w"},
		"protectedSettings": {"workspaceKey": key_value},
	}]}}
	count(deny) == 0 with input as pool
}

test_node_extension_settings_are_judged if {
	ext := {"name": "oms", "settings": {"workspaceKey": key_value}}
	count(deny) == 1 with input as {"scope": "extension", "virtualMachineConfiguration": {"extensions": [ext]}}
}
