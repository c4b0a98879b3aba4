// A clean project passes, through the lifecycle and through the goal prefix.
String log = new File(basedir, 'build.log').text
assert log.count('poolcheck: 0 error(s), 0 warning(s), 0 info in 1 file(s), 1 document(s)') == 2
// The prefix resolved to this plugin: Maven 3.8 heads the execution with the artifactId
// ('--- poolcheck-maven-plugin:0.1.0:check'), Maven 3.9 (./mvnw) with the prefix ('--- poolcheck:0.1.0:check').
assert log.contains('--- poolcheck-maven-plugin:') || log.contains('--- poolcheck:')
assert !log.contains('[ERROR]')
assert !log.contains('[WARNING] Parameter') // no unknown or deprecated parameters
assert !new File(basedir, 'target/poolcheck').exists() // no formats: no report files
return true
