// Tool errors fail the build as plugin errors (MojoExecutionException), never as findings, and
// say what to do.
String log = new File(basedir, 'build.log').text
assert log.contains('missing-bundle.tar.gz')
assert log.contains("poolcheck: unknown format 'xml'; use one of: text, json, sarif, junit, github, azuredevops")
assert log.contains("poolcheck: failOn is 'fatal'; use one of: error, warning, info")
assert log.count('MojoExecutionException') == 3
assert !log.contains('MojoFailureException')
assert !log.contains('\tat ') // no stack trace reaches the user
return true
