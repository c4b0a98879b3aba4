package poolcheck.rules.pool_certificates_retired_test

import data.poolcheck.rules.pool_certificates_retired.deny

certificate := {"thumbprint": "0123456789abcdef0123456789abcdef01234567", "thumbprintAlgorithm": "sha1", "storeLocation": "currentuser"}

test_certificate_references_are_reported_with_the_replacement if {
	findings := deny with input as {"scope": "pool", "certificates": [certificate, certificate]}
	count(findings) == 1
	some finding in findings
	finding.pointer == "/certificates"
	contains(finding.msg, "2 certificate(s)")
	contains(finding.msg, "CertificateRetired")
	contains(finding.msg, "Key Vault VM extension")
}

test_no_or_empty_certificates_are_fine if {
	count(deny) == 0 with input as {"scope": "pool"}
	count(deny) == 0 with input as {"scope": "pool", "certificates": []}
	count(deny) == 0 with input as {"scope": "pool", "certificates": "[variables('none')]"}
}

test_node_extension_scope_is_not_judged if {
	count(deny) == 0 with input as {"scope": "extension", "certificates": [certificate]}
}
