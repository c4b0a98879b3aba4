// A clean project passes, through the lifecycle and through the goal prefix.
String log = new File(basedir, 'build.log').text
assert log.count('poolcheck: 0 error(s), 0 warning(s), 0 info in 1 file(s), 1 document(s)') == 2
assert log.contains('--- poolcheck-maven-plugin:') // the prefix resolved to this plugin
assert !log.contains('[ERROR]')
assert !log.contains('[WARNING] Parameter') // no unknown or deprecated parameters
assert !new File(basedir, 'target/poolcheck').exists() // no formats: no report files
return true
