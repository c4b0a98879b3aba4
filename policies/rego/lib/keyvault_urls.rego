# METADATA
# title: Key Vault secret URL helpers
# description: Splitting observed certificate URLs and saying what is wrong with one.
package poolcheck.lib.keyvault_urls

import data.poolcheck.lib.keyvault

# Key Vault hosts by cloud: public, China, US Government.
host_pattern := `^[a-z0-9-]+\.vault\.(azure\.net|azure\.cn|usgovcloudapi\.net)(:443)?$`

example := "https://<vault>.vault.azure.net/secrets/<name>"

# A query may carry a token (a SAS signature) and a long string may be one: show neither.
quoted(url) := sprintf("'%s://%s%s?...'", [p[1], p[2], p[3]]) if {
	p := parts(url)
	p[4] != ""
} else := sprintf("'%s'", [url]) if {
	count(url) <= 120
} else := sprintf("'%s...'", [substring(url, 0, 60)])

# [url, scheme, host, path, query and fragment]; undefined when there is no "scheme://".
parts(url) := [url, scheme, host, path, tail] if {
	i := indexof(url, "://")
	i > 0
	scheme := substring(url, 0, i)
	valid_scheme(scheme)
	rest := substring(url, i + 3, -1)
	before := split(split(rest, "#")[0], "?")[0]
	tail := substring(rest, count(before), -1)
	host := split(before, "/")[0]
	path := substring(before, count(host), -1)
}

# A URL scheme (RFC 3986); the common ones are known without a regular expression, which costs
# far more in wasm.
valid_scheme(scheme) if lower(scheme) in {"http", "https"}

else if regex.match("^[A-Za-z][A-Za-z0-9+.-]*$", scheme)

# An observed certificate URL that needs no closer look: https://<vault>.<Key Vault domain>/
# secrets/<name>[/[<version>]], the shape nearly every pool uses, checked with the URL's segments
# (split once, in keyvault.observed), one trim of the name and one host check per distinct host
# (a pool's certificates mostly come from one or two vaults). problem() finds nothing wrong with
# any of them (test_quick_check_agrees_with_problem); only other URLs go through problem(), which
# splits the URL into parts and says what is wrong, if anything. In wasm that cost about 40 us
# per URL, most of it trim() over the whole host and name (trim compares each character with the
# cutset, one cutset character at a time) and substring/count/split over the whole URL. A
# function, not a rule keyed by pointer: each URL is checked once, and hashing the long pointers
# into keyed objects cost more than it saved.
quick_valid(o) if {
	segments := o.segments
	segments[0] == "https:"
	segments[1] == ""
	segments[3] == "secrets"
	name := segments[4]
	name != ""
	trim(name, name_characters) == ""
	quick_hosts[segments[2]]
	quick_tail(o.kv, segments)
}

# The distinct hosts of the observed URLs that are Key Vault hosts as written (lower case): a set
# of strings, judged once per host.
quick_hosts contains host if {
	some host in {o.segments[2] | some o in keyvault.observed}
	key_vault_host(host)
}

# Nothing after the name, a trailing slash, or a version where a version may be named (not Key
# Vault for Windows 4.x). One chain (else): a function's bodies are all evaluated in wasm.
quick_tail(kv, segments) if {
	not segments[5]
} else if {
	segments[5] == ""
	not segments[6]
} else if {
	version := segments[5]
	not segments[6]
	version != ""
	trim(version, alphanumerics) == ""
	not pins_no_version(kv)
}

pins_no_version(kv) if {
	kv.os == "windows"
	keyvault.major(kv.extension) == "4"
}

# What is wrong with an observed certificate URL that quick_valid() does not accept; undefined when
# nothing is. The URL is split into parts once (a function's result is not memoised in wasm).
problem(o) := judged(o, parts_or_null(o.url))

parts_or_null(url) := p if {
	p := parts(url)
} else := null

judged(_, null) := sprintf("is not a URL; use the certificate's secret identifier, %s", [example])

judged(o, p) := url_problem(o, p) if p != null

url_problem(o, p) := "uses http://; Key Vault is reached only over https://: use its secret identifier, https://<vault>.vault.azure.net/secrets/<name>" if {
	lower(p[1]) == "http"
} else := sprintf("uses %s://; use the certificate's secret identifier, %s", [p[1], example]) if {
	lower(p[1]) != "https"
} else := sprintf("is not on a Key Vault host (<vault>.vault.azure.net, or vault.azure.cn in Azure China, vault.usgovcloudapi.net in Azure US Government); use the certificate's secret identifier, %s", [example]) if {
	not key_vault_host(lower(p[2]))
} else := sprintf("is a certificate identifier (/certificates/): the node would get the certificate without its private key; use the secret identifier, https://%s/secrets/%s", [p[2], certificate_name(p[3])]) if {
	startswith(lower(p[3]), "/certificates/")
} else := sprintf("must be a secret identifier, %s[/<version>], with no query or fragment", [example]) if {
	not secret_identifier_path(p[3])
} else := sprintf("must be a secret identifier, %s[/<version>], with no query or fragment", [example]) if {
	p[4] != ""
} else := "names a certificate version, which Key Vault for Windows 4.0 cannot pin (it always installs the newest); drop the version from the URL" if {
	o.kv.os == "windows"
	keyvault.major(o.kv.extension) == "4"
	names_version(p[3])
}

# The checks below are what host_pattern and the regular expressions in their comments say, in
# string functions: in wasm each regex.match compiles its pattern, which costs more than the
# whole rest of a rule.

# host_pattern, on a lower-cased host.
key_vault_host(host) if {
	name := vault_name(trim_suffix(host, ":443"))
	name != ""
	trim(name, host_name_characters) == ""
}

# What comes before a Key Vault domain; undefined on other hosts. One chain, the public cloud
# first, rather than iterating an array of domains.
vault_name(bare) := trim_suffix(bare, ".vault.azure.net") if {
	endswith(bare, ".vault.azure.net")
} else := trim_suffix(bare, ".vault.azure.cn") if {
	endswith(bare, ".vault.azure.cn")
} else := trim_suffix(bare, ".vault.usgovcloudapi.net") if {
	endswith(bare, ".vault.usgovcloudapi.net")
}

# ^/secrets/[A-Za-z0-9-]+(/[A-Za-z0-9]+)?/?$
secret_identifier_path(path) if {
	startswith(path, "/secrets/")
	segments := split(trim_suffix(substring(path, 9, -1), "/"), "/")
	segments[0] != ""
	trim(segments[0], name_characters) == ""
	count(segments) <= 2
	every version in array.slice(segments, 1, 2) {
		version != ""
		trim(version, alphanumerics) == ""
	}
}

# ^/secrets/[^/]+/[^/]+
names_version(path) if {
	startswith(path, "/secrets/")
	segments := split(substring(path, 9, -1), "/")
	segments[0] != ""
	segments[1] != ""
}

# trim() compares each character with the cutset in order, so the likeliest come first: versions
# are lower-case hex (32 characters); names and hosts mostly lower-case words and hyphens, so the
# hyphen and the letters by their frequency in English come first.
alphanumerics := "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

name_characters := "-etaoinsrhldcumfpgwybvkxjqz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

host_name_characters := "-etaoinsrhldcumfpgwybvkxjqz0123456789"

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
