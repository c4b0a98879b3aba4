// pools/**/*.json selects pools/keyvault.json (zero folders) and pools/linux/good.json, not
// elsewhere/bad.json; nothing of the libraries is logged at WARN (networknt's "Unknown keyword").
String log = new File(basedir, 'build.log').text
assert log.count('poolcheck: 0 error(s), 0 warning(s), 0 info in 2 file(s), 2 document(s)') == 2
assert !log.contains('elsewhere')
assert !log.contains('[WARNING]'), 'no warning of poolcheck or its dependencies'
assert !log.contains('Unknown keyword')
return true
