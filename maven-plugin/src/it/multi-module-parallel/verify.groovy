// Two modules checked in parallel: each checks its own files once, the aggregator only its own.
import groovy.json.JsonSlurper
String log = new File(basedir, 'build.log').text
assert log.contains('MultiThreadedBuilder') && log.contains('thread count of 2')
assert !log.contains('@threadSafe') // Maven warns about plugins that are not thread-safe
String typo = new File(basedir, 'module-warning/pools/typo.json').canonicalPath
assert log.count("[WARNING] ${typo}:[19,22] schema-unknown-property:") == 1
assert log.count('poolcheck: 0 error(s), 0 warning(s), 0 info in 1 file(s), 1 document(s)') == 2
assert log.count('poolcheck: 0 error(s), 1 warning(s), 0 info in 1 file(s), 1 document(s)') == 1
assert log.contains('BUILD SUCCESS')

// SARIF names files relative to the top-level project, whichever module wrote it.
def sarif = new JsonSlurper().parse(new File(basedir, 'module-warning/target/poolcheck/poolcheck.sarif'))
assert sarif.runs[0].results*.locations*.physicalLocation*.artifactLocation*.uri.flatten() == ['module-warning/pools/typo.json']
def root = new JsonSlurper().parse(new File(basedir, 'target/poolcheck/poolcheck.sarif'))
assert root.runs[0].results.isEmpty()
return true
