package poolcheck.rules.extension_not_allowed_test

import data.poolcheck.rules.extension_not_allowed.deny

pool_with(ext) := {"scope": "pool", "virtualMachineConfiguration": {"extensions": [ext]}}

test_unlisted_extension_is_denied if {
	ext := {"name": "nw", "publisher": "Microsoft.Azure.NetworkWatcher", "type": "NetworkWatcherAgentLinux"}
	some finding in deny with input as pool_with(ext)
	finding.pointer == "/virtualMachineConfiguration/extensions/0/type"
	contains(finding.msg, "Microsoft.Azure.NetworkWatcher/NetworkWatcherAgentLinux")
	contains(finding.msg, "allowedExtensions")
}

test_every_default_entry_is_allowed if {
	every entry in data.allowedExtensions {
		count(deny) == 0 with input as pool_with({"name": "e", "publisher": entry.publisher, "type": entry.type})
	}
}

test_every_default_entry_names_its_source_and_whether_it_is_verified if {
	every entry in data.allowedExtensions {
		is_string(entry.source)
		is_boolean(entry.verified)
	}
}

test_default_list_is_the_union_of_the_2021_and_current_lists if {
	pairs := {[e.publisher, e.type] | some e in data.allowedExtensions}
	count(pairs) == 14
	["Microsoft.Azure.Security.Monitoring", "AzureSecurityLinuxAgent"] in pairs
	["Microsoft.Azure.Monitor", "AzureMonitorWindowsAgent"] in pairs
	["Microsoft.HpcCompute", "AmdGpuDriverWindows"] in pairs
	unverified := [e | some e in data.allowedExtensions; contains(e.source, "UNVERIFIED")]
	count(unverified) == 6
	every e in unverified {
		e.verified == false
	}
}

test_publisher_and_type_match_case_insensitively if {
	ext := {"name": "kv", "publisher": "microsoft.azure.keyvault", "type": "KEYVAULTFORLINUX"}
	count(deny) == 0 with input as pool_with(ext)
}

test_user_pairs_extend_the_list if {
	ext := {"name": "nw", "publisher": "Microsoft.Azure.NetworkWatcher", "type": "NetworkWatcherAgentLinux"}
	count(deny) == 0 with input as pool_with(ext)
		with data.allowedExtensions as [{"publisher": "microsoft.azure.networkwatcher", "type": "NetworkWatcherAgentLinux"}]
}

test_custom_script_is_left_to_its_own_rule if {
	ext := {"name": "s", "publisher": "Microsoft.Azure.Extensions", "type": "CustomScript"}
	count(deny) == 0 with input as pool_with(ext)
}

test_arm_expressions_are_unknown if {
	ext := {"name": "x", "publisher": "[parameters('publisher')]", "type": "NetworkWatcherAgentLinux"}
	count(deny) == 0 with input as pool_with(ext)
}

test_missing_publisher_is_left_to_the_schema if {
	count(deny) == 0 with input as pool_with({"name": "x", "type": "NetworkWatcherAgentLinux"})
}

test_escaped_bracket_is_a_literal_value if {
	ext := {"name": "x", "publisher": "[[Contoso", "type": "Thing"}
	count(deny) == 1 with input as pool_with(ext)
}

test_extension_under_cloud_service_configuration_is_checked if {
	pool := {"scope": "pool", "cloudServiceConfiguration": {"extensions": [{"publisher": "A", "type": "B"}]}}
	some finding in deny with input as pool
	finding.pointer == "/cloudServiceConfiguration/extensions/0/type"
}

test_node_extension_response_is_not_judged if {
	ext := {"name": "customExtension", "publisher": "Microsoft.Azure.Geneva", "type": "GenevaMonitoring"}
	count(deny) == 0 with input as {"kind": "node-extension", "scope": "extension", "virtualMachineConfiguration": {"extensions": [ext]}}
}

test_pool_response_is_judged if {
	ext := {"name": "customExtension", "publisher": "Microsoft.Azure.Geneva", "type": "GenevaMonitoring"}
	count(deny) == 1 with input as {"kind": "management", "scope": "pool", "documentRole": "response", "virtualMachineConfiguration": {"extensions": [ext]}}
}

# The engine passes the allow-list keyed (data.poolcheck.allowedExtensionKeys); the rule must give
# the same answers with it as from data.allowedExtensions alone.
test_keyed_allow_list_from_the_engine_is_used if {
	keys := {"contoso.tools/agent": true}
	count(deny) == 0 with input as {"scope": "pool", "virtualMachineConfiguration": {"extensions": [{"name": "a", "publisher": "Contoso.Tools", "type": "Agent"}]}}
		with data.poolcheck.allowedExtensionKeys as keys
		with data.allowedExtensions as []
	count(deny) == 1 with input as {"scope": "pool", "virtualMachineConfiguration": {"extensions": [{"name": "a", "publisher": "Contoso.Tools", "type": "Other"}]}}
		with data.poolcheck.allowedExtensionKeys as keys
		with data.allowedExtensions as []
}
