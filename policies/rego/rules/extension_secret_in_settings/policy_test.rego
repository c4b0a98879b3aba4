package poolcheck.rules.extension_secret_in_settings_test

import data.poolcheck.lib.extensions
import data.poolcheck.lib.secrets
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

# The rule before it iterated four levels and walked only below them: one walk over all settings.
# Kept here to show that both find the same strings at every depth, under arrays and beside
# scalars.
walked_findings(pool) := {finding |
	some item in extensions.all_extensions with input as pool
	settings := item.extension.settings
	is_object(settings)
	walk(settings, [path, value])
	is_string(value)
	value != ""
	not extensions.is_expression(value)
	keys := secrets.keys_of(path)
	count(keys) > 0
	key := keys[count(keys) - 1]
	why := secrets.reason(key, value)
	finding := {
		"msg": sprintf(
			"extension '%s' has %s in settings, which are stored and shown in plain text; move '%s' to protectedSettings, which are encrypted and never returned (or pass it as a secure parameter)",
			[extensions.name(item.extension), why, concat(".", keys)],
		),
		"pointer": concat("/", array.concat([item.pointer, "settings"], [secrets.escape(s) | some s in path])),
	}
}

sas := "https://contoso.blob.core.windows.net/c?sv=2022-11-02&sig=abc"

deep_settings := {
	"password": "p1",
	"flag": true,
	"count": 3,
	"nothing": null,
	"list": ["a", sas, 7, ["token", sas]],
	"tokens": ["t1", {"apiKey": "k"}],
	"a": {
		"secret": "s2",
		"b": {
			"clientSecret": "s3",
			"items": [sas, {"token": "t4"}],
			"c": {
				"password": "p4",
				"d": {"password": "p5", "e": {"token": "t6", "urls": [sas, [sas]]}},
				"list": [[{"sasUrl": "u"}]],
			},
		},
	},
	"deep": [[[[["s", sas, {"x": {"y": "z"}}]]]]],
	"escaped": {"a/b": {"c~d": {"e.f": {"token": "t"}}}},
	"expr": {"x": {"y": {"z": {"password": "[parameters('p')]", "token": "${var.t}", "secret": ""}}}},
}

test_every_depth_is_judged_as_a_walk_would if {
	pool := pool_with(deep_settings)
	findings := deny with input as pool
	findings == walked_findings(pool)
	count(findings) == 16
}

test_strings_at_every_depth_alone if {
	every settings in [
		{"password": "x"},
		{"a": {"password": "x"}},
		{"a": {"b": {"password": "x"}}},
		{"a": {"b": {"c": {"password": "x"}}}},
		{"a": {"b": {"c": {"d": {"password": "x"}}}}},
		{"a": {"b": {"c": {"d": {"e": {"f": {"password": "x"}}}}}}},
		{"password": [[[[["x"]]]]]},
		{"a": [{"b": [{"password": ["x"]}]}]},
	] {
		pool := pool_with(settings)
		findings := deny with input as pool
		count(findings) == 1
		findings == walked_findings(pool)
	}
}

test_settings_that_are_not_objects_are_not_judged if {
	every settings in [["password", "x"], "password=x;AccountKey=y", 3, null] {
		count(deny) == 0 with input as pool_with(settings)
	}
}
