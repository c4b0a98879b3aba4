package poolcheck.lib.secrets_test

import data.poolcheck.lib.secrets

# secret_value searches for "=" before anything else: that is sound only while every pattern
# needs one. Both patterns hold "=" outside optional parts and alternations; a new pattern that
# does not must change secret_value, and fails here.
test_every_value_pattern_needs_an_equals_sign if {
	every pattern in data.secrets.definition.valuePatterns {
		contains(pattern, "=")
		not contains(pattern, "=?")
		not contains(pattern, "=*")
		not contains(pattern, "|=")
		not contains(pattern, "=|")
	}
}

test_values_that_give_themselves_away if {
	secrets.secret_value("https://contoso.blob.core.windows.net/c?sv=2022-11-02&sig=abc")
	secrets.secret_value("DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc")
	secrets.secret_value("Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=abc")
	secrets.secret_value("Server=db;User Id=u;password = pw")
}

test_values_without_an_equals_sign_or_a_hint_are_fine if {
	not secrets.secret_value("https://kv.vault.azure.net/secrets/tls")
	not secrets.secret_value("AccountKey abc")
	not secrets.secret_value("a=b;c=d")
	not secrets.secret_value("")
}

test_keys_are_normalised_then_matched_whole_or_by_ending if {
	secrets.secret_key("Storage_Account-Key")
	secrets.secret_key("PWD")
	secrets.secret_key("sas.url")
	not secrets.secret_key("publicKey")
	not secrets.secret_key("tokens")
	not secrets.secret_key("url")
}
