// The report names the removed schema as a breaking change and suggests a major version.
File report = new File(basedir, 'target/discogen-diff.md')
assert report.isFile() : 'no report at ' + report
String text = report.getText('UTF-8')
assert text.contains('Owner') : text
assert text.toLowerCase().contains('breaking') : text
assert text.contains('MAJOR') : text
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('suggested version bump: MAJOR') : log
return true
