// A policy bundle that does not exist is a tool error: MojoExecutionException, not a finding.
String log = new File(basedir, 'build.log').text
assert log.contains('missing-bundle.tar.gz')
assert log.contains('MojoExecutionException')
assert !log.contains('MojoFailureException')
return true
