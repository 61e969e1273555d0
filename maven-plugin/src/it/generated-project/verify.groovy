// Each generated project built its jar and sources jar under valid coordinates.
def check = { String dir, String artifact ->
  def target = new File(basedir, "target/$dir/target")
  def built = target.list() as List
  def jar = built.find { it.startsWith("${artifact}-") && it.endsWith('.jar') && !it.endsWith('-sources.jar') }
  def sources = built.find { it.startsWith("${artifact}-") && it.endsWith('-sources.jar') }
  assert jar : "no ${artifact} jar in $target: $built"
  assert sources : "no ${artifact} sources jar in $target: $built"
  jar = new File(target, jar)
  assert new java.util.jar.JarFile(jar).entries().toList().any { it.name.endsWith('.class') }
}
check('discovery-client', 'dataproc-v1-client')
check('openapi-client', 'petstore-1.0.0-client')
return true
