# METADATA
# title: Key Vault secret URL helpers
# description: Splitting observed certificate URLs and saying what is wrong with one.
package poolcheck.lib.keyvault_urls

import data.poolcheck.lib.keyvault

# Key Vault hosts by cloud: public, China, US Government.
host_pattern := `^[a-z0-9-]+\.vault\.(azure\.net|azure\.cn|usgovcloudapi\.net)(:443)?$`

example := "https://<vault>.vault.azure.net/secrets/<name>"

# A query may carry a token (a SAS signature) and a long string may be one: show neither.
quoted(url) := sprintf("'%s://%s%s?...'", [parts(url)[1], parts(url)[2], parts(url)[3]]) if {
	parts(url)[4] != ""
} else := sprintf("'%s'", [url]) if {
	count(url) <= 120
} else := sprintf("'%s...'", [substring(url, 0, 60)])

# [url, scheme, host, path, query and fragment]; undefined when there is no "scheme://".
parts(url) := [url, scheme, host, path, tail] if {
	i := indexof(url, "://")
	i > 0
	scheme := substring(url, 0, i)
	regex.match(`^[A-Za-z][A-Za-z0-9+.-]*$`, scheme)
	rest := substring(url, i + 3, -1)
	before := split(split(rest, "#")[0], "?")[0]
	tail := substring(rest, count(before), -1)
	host := split(before, "/")[0]
	path := substring(before, count(host), -1)
}

# What is wrong with an observed certificate URL; undefined when nothing is.
problem(o) := "uses http://; Key Vault is reached only over https://: use its secret identifier, https://<vault>.vault.azure.net/secrets/<name>" if {
	lower(parts(o.url)[1]) == "http"
} else := sprintf("is not a URL; use the certificate's secret identifier, %s", [example]) if {
	not parts(o.url)
} else := sprintf("uses %s://; use the certificate's secret identifier, %s", [parts(o.url)[1], example]) if {
	lower(parts(o.url)[1]) != "https"
} else := sprintf("is not on a Key Vault host (<vault>.vault.azure.net, or vault.azure.cn in Azure China, vault.usgovcloudapi.net in Azure US Government); use the certificate's secret identifier, %s", [example]) if {
	not regex.match(host_pattern, lower(parts(o.url)[2]))
} else := sprintf("is a certificate identifier (/certificates/): the node would get the certificate without its private key; use the secret identifier, https://%s/secrets/%s", [parts(o.url)[2], certificate_name(parts(o.url)[3])]) if {
	regex.match(`^/certificates/`, lower(parts(o.url)[3]))
} else := sprintf("must be a secret identifier, %s[/<version>], with no query or fragment", [example]) if {
	not regex.match(`^/secrets/[A-Za-z0-9-]+(/[A-Za-z0-9]+)?/?$`, parts(o.url)[3])
} else := sprintf("must be a secret identifier, %s[/<version>], with no query or fragment", [example]) if {
	parts(o.url)[4] != ""
} else := "names a certificate version, which Key Vault for Windows 4.0 cannot pin (it always installs the newest); drop the version from the URL" if {
	o.kv.os == "windows"
	keyvault.major(o.kv.extension) == "4"
	regex.match(`^/secrets/[^/]+/[^/]+`, parts(o.url)[3])
}

certificate_name(path) := split(path, "/")[2]

# Customer-managed keys: Key Vault and Managed HSM hosts by cloud: public, China, US Government.
key_host_pattern := `^[a-z0-9-]+\.(vault|managedhsm)\.(azure\.net|azure\.cn|usgovcloudapi\.net)(:443)?$`

key_example := "https://<vault>.vault.azure.net/keys/<name>/<version>"

# What is wrong with a customer-managed key URL; undefined when nothing is.
key_problem(url) := sprintf("is not a URL; use the key's versioned identifier, %s", [key_example]) if {
	not parts(url)
} else := sprintf("uses %s://; Key Vault is reached only over https://: use %s", [parts(url)[1], key_example]) if {
	lower(parts(url)[1]) != "https"
} else := sprintf("is not on a Key Vault host (<vault>.vault.azure.net, <hsm>.managedhsm.azure.net, or their Azure China and US Government hosts); use %s", [key_example]) if {
	not regex.match(key_host_pattern, lower(parts(url)[2]))
} else := sprintf("must be a versioned key identifier, %s, with no query or fragment (the version is required even with rotationToLatestKeyVersionEnabled)", [key_example]) if {
	not regex.match(`^/keys/[A-Za-z0-9-]+/[A-Za-z0-9]+/?$`, parts(url)[3])
} else := sprintf("must be a versioned key identifier, %s, with no query or fragment", [key_example]) if {
	parts(url)[4] != ""
}

pointer(path) := concat("", [sprintf("/%s", [escape(p)]) | some p in path])

escape(p) := replace(replace(sprintf("%v", [p]), "~", "~0"), "/", "~1")
