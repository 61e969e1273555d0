// The build failed because of the breaking change, with a one-line reason and no stack trace.
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('discogen diff:') && log.contains('breaking') : log
assert !log.contains('\tat io.discogen') : 'stack trace in build log'
assert new File(basedir, 'target/discogen-diff.md').isFile() : 'report still written'
return true
