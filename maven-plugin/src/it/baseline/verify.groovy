// The baseline is a hidden file, so it is not itself checked as a pool definition.
String log = new File(basedir, 'build.log').text
File baseline = new File(basedir, '.poolcheck-baseline.json')
assert baseline.isFile()
def recorded = new groovy.json.JsonSlurper().parse(baseline)
assert recorded.findings*.rule == ['extension-customscript-reserved', 'extension-customscript-reserved']
assert recorded.findings*.file == ['pools/bad.json', 'pools/bad.json']
assert log.contains('poolcheck: 2 error(s), 0 warning(s), 0 info in 2 file(s), 2 document(s); 0 suppressed, 0 baselined')
assert log.contains('poolcheck: 0 error(s), 0 warning(s), 0 info in 2 file(s), 2 document(s); 0 suppressed, 2 baselined')
return true
