// The first build fails as a plugin error naming the pattern; the second passes with allowEmpty.
String log = new File(basedir, 'build.log').text
assert log.contains('no file matched')
assert log.contains('pool/**/*.json')
assert log.contains('MojoExecutionException')
assert log.contains('poolcheck: 0 error(s), 0 warning(s), 0 info in 0 file(s), 0 document(s)')
return true
