// Report-only: the findings are in the log and the SARIF, and the build still succeeds.
String log = new File(basedir, 'build.log').text
String bad = new File(basedir, 'pools/bad.json').canonicalPath
assert log.contains("[ERROR] ${bad}:[16,17] extension-customscript-reserved:")
assert log.contains('not failing the build (failOnViolation is false)')
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/poolcheck/poolcheck.sarif').text.contains('extension-customscript-reserved')
return true
