// -Dpoolcheck.skip=true skips the check of a project that would fail.
String log = new File(basedir, 'build.log').text
assert log.contains('poolcheck: skipped (poolcheck.skip)')
assert !log.contains('extension-customscript-reserved')
assert log.contains('BUILD SUCCESS')
return true
