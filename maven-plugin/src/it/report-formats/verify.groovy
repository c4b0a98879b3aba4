// Every format is written, also when the findings fail the build.
import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper
File dir = new File(basedir, 'target/poolcheck')
String log = new File(basedir, 'build.log').text

String text = new File(dir, 'poolcheck.txt').text
assert text.contains('pools/bad.json:16:17')
assert text.contains('extension-customscript-reserved')

def json = new JsonSlurper().parse(new File(dir, 'poolcheck.json'))
assert json.toString().contains('extension-customscript-reserved')

def sarif = new JsonSlurper().parse(new File(dir, 'poolcheck.sarif'))
assert sarif.version == '2.1.0'
def results = sarif.runs[0].results
assert results.size() == 2
assert results[0].ruleId == 'extension-customscript-reserved'
assert results[0].locations[0].physicalLocation.artifactLocation.uri == 'pools/bad.json'
assert results[0].locations[0].physicalLocation.region.startLine == 16
assert sarif.runs[0].tool.driver.version == pluginVersion

def junit = new XmlSlurper().parse(new File(dir, 'TEST-poolcheck.xml'))
assert junit.name() == 'testsuites'
assert junit.@failures.text() == '1'
assert junit.'**'.findAll { it.name() == 'testcase' }*.@name*.text().containsAll(['pools/bad.json', 'pools/good.json'])

String github = new File(dir, 'poolcheck-github.txt').text
assert github.contains('::error file=pools/bad.json,line=16,col=17,')

['poolcheck.txt', 'poolcheck.json', 'poolcheck.sarif', 'TEST-poolcheck.xml', 'poolcheck-github.txt'].each {
  assert log.contains('poolcheck: wrote ' + new File(dir, it).path)
}
return true
