// A bad pool fails the build, naming file, line and column in the form IDEs link.
String log = new File(basedir, 'build.log').text
String bad = new File(basedir, 'pools/bad.json').canonicalPath
assert log.contains("[ERROR] ${bad}:[16,17] extension-customscript-reserved: extension 'setup' is a Custom Script extension")
assert log.contains("[ERROR] ${bad}:[23,17] extension-customscript-reserved: extension 'legacy-setup'")
assert !log.contains('good.json:[')
assert log.contains('poolcheck: 2 error(s), 0 warning(s), 0 info in 2 file(s), 2 document(s); 0 suppressed, 0 baselined; failing on findings at or above error')
// Findings fail the build as a failure, not as a plugin error.
assert log.contains('MojoFailureException')
assert !log.contains('MojoExecutionException')
return true
