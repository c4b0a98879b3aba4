String log = new File(basedir, 'build.log').text
String bad = new File(basedir, 'pools/bad.json').canonicalPath
// Run 1: rule off. The excluded config/ folder is not checked (it would be an info finding).
assert log.contains('poolcheck: 0 error(s), 0 warning(s), 0 info in 2 file(s), 2 document(s)')
assert !log.contains('poolcheck-strict.yaml:[')
// Runs 2 and 3: warnings, logged as such.
assert log.count("[WARNING] ${bad}:[16,17] extension-customscript-reserved:") == 2
assert log.count('[INFO] poolcheck: 0 error(s), 2 warning(s), 0 info in 2 file(s), 2 document(s)') == 1
assert log.contains("[ERROR] Failed to execute goal dev.poolcheck:poolcheck-maven-plugin:${pluginVersion}:check (default) on project config: poolcheck: 0 error(s), 2 warning(s), 0 info in 2 file(s), 2 document(s); 0 suppressed, 0 baselined; failing on findings at or above warning")
assert !log.contains("[ERROR] ${bad}")
return true
