// With discogen.skip the goal generates nothing.
assert !new File(basedir, 'target/generated-sources/discogen').exists()
assert new File(basedir, 'build.log').text.contains('Skipping Discogen (discogen.skip)')
return true
