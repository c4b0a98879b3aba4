package poolcheck.rules.encryption_key_url_invalid_test

import data.poolcheck.rules.encryption_key_url_invalid.deny

pool_with(url) := {"scope": "pool", "virtualMachineConfiguration": {"diskEncryptionConfiguration": {
	"targets": ["OsDisk"],
	"customerManagedKey": {"keyUrl": url},
}}}

pointer := "/virtualMachineConfiguration/diskEncryptionConfiguration/customerManagedKey/keyUrl"

test_http_key_url_of_azure_example_is_denied if {
	some finding in deny with input as pool_with("http://sample.vault.azure.net//keys/cmk/bb60031a6d4545d3a60d3f94588538c9")
	finding.pointer == pointer
	contains(finding.msg, "uses http://")
	contains(finding.msg, "https://<vault>.vault.azure.net/keys/<name>/<version>")
}

test_versioned_https_key_url_is_fine if {
	count(deny) == 0 with input as pool_with("https://sample.vault.azure.net/keys/cmk/bb60031a6d4545d3a60d3f94588538c9")
}

test_managed_hsm_key_url_is_fine if {
	count(deny) == 0 with input as pool_with("https://contoso.managedhsm.azure.net/keys/cmk/0123abcd")
}

test_key_url_without_version_is_denied if {
	some finding in deny with input as pool_with("https://sample.vault.azure.net/keys/cmk")
	contains(finding.msg, "versioned key identifier")
}

test_secret_url_is_denied if {
	some finding in deny with input as pool_with("https://sample.vault.azure.net/secrets/cmk/0123")
	contains(finding.msg, "versioned key identifier")
}

test_key_url_on_another_host_is_denied if {
	some finding in deny with input as pool_with("https://sample.blob.core.windows.net/keys/cmk/0123")
	contains(finding.msg, "not on a Key Vault host")
}

test_not_a_url_is_denied if {
	some finding in deny with input as pool_with("cmk-key")
	contains(finding.msg, "is not a URL")
}

test_query_is_denied if {
	some finding in deny with input as pool_with("https://sample.vault.azure.net/keys/cmk/0123?x=1")
	contains(finding.msg, "no query")
}

test_key_identifier_anywhere_is_checked if {
	some finding in deny with input as {"scope": "pool", "encryption": {"keyVaultProperties": {"keyIdentifier": "http://kv.vault.azure.net/keys/k/1"}}}
	finding.pointer == "/encryption/keyVaultProperties/keyIdentifier"
}

test_arm_expression_is_unknown if {
	count(deny) == 0 with input as pool_with("[parameters('keyUrl')]")
}

test_node_extension_scope_is_not_judged if {
	count(deny) == 0 with input as {"scope": "extension", "virtualMachineConfiguration": {"diskEncryptionConfiguration": {"customerManagedKey": {"keyUrl": "http://x"}}}}
}
