import com.sun.net.httpserver.HttpServer

// Each generated project built its jar and sources jar under valid coordinates.
def check = { String dir, String artifact ->
  def target = new File(basedir, "target/$dir/target")
  def built = target.list() as List
  def jar = built.find { it.startsWith("${artifact}-") && it.endsWith('.jar') && !it.endsWith('-sources.jar') && !it.endsWith('-cli.jar') }
  def sources = built.find { it.startsWith("${artifact}-") && it.endsWith('-sources.jar') }
  assert jar : "no ${artifact} jar in $target: $built"
  assert sources : "no ${artifact} sources jar in $target: $built"
  jar = new File(target, jar)
  assert new java.util.jar.JarFile(jar).entries().toList().any { it.name.endsWith('.class') }
}
check('discovery-client', 'dataproc-v1-client')
check('openapi-client', 'petstore-1.0.0-client')

// The command line's launcher, as a user runs it: help and --dry-run send nothing and record no
// class-data archive; the first call that sends records one; the next maps it; the output is the
// same with and without it.
def project = new File(basedir, 'target/discovery-client')
def cache = new File(basedir, 'target/cli cache')
def classLog = new File(basedir, 'target/cli-classes.txt')
def server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
server.createContext('/') { ex ->
  def body = '{"name":"projects/p/locations/l/sessions/s","state":"ACTIVE"}'.bytes
  ex.responseHeaders.add('Content-Type', 'application/json')
  ex.sendResponseHeaders(200, body.length)
  ex.responseBody.write(body)
  ex.close()
}
server.start()
def root = "http://127.0.0.1:${server.address.port}/".toString()
def run = { List<String> args ->
  def pb = new ProcessBuilder((['sh', new File(project, 'bin/dataproc').path] + args)*.toString()).directory(project)
  pb.environment().put('XDG_CACHE_HOME', cache.path)
  pb.environment().put('DATAPROC_JAVA_OPTS', "-Xlog:class+load:file=${classLog.path}".toString())
  def p = pb.start()
  def out = new StringBuilder(), err = new StringBuilder()
  p.waitForProcessOutput(out, err)
  [exit: p.exitValue(), out: out.toString(), err: err.toString()]
}
def archives = {
  def dir = new File(cache, 'discogen-cli')
  dir.exists() ? dir.listFiles().findAll { it.name.endsWith('.jsa') } : []
}
def get = ['projects', 'locations', 'sessions', 'get', 'projects/p/locations/l/sessions/s', '--root-url', root,
    '--format', 'value(state)']
try {
  def help = run(['projects', 'locations', 'sessions', '--help'])
  assert help.exit == 0 : help
  assert help.out.contains('terminate') : help.out
  def dry = run(['projects', 'locations', 'sessions', 'get', 'projects/p/locations/l/sessions/s', '--dry-run'])
  assert dry.exit == 0 : dry
  assert dry.out.startsWith('curl -X GET ') : dry.out
  assert archives().isEmpty() : "help and --dry-run record no archive: ${archives()}"

  def first = run(get)
  assert first.exit == 0 : first
  assert first.out.trim() == 'ACTIVE' : first
  assert archives().size() == 1 : "the first call records the archive: ${archives()}"

  def second = run(get)
  assert second.exit == 0 && second.out == first.out && second.err == '' : second
  def mapped = classLog.readLines().count { it.contains('source: shared objects file (top)') }
  assert mapped > 1000 : "the second call maps the archive's classes, got $mapped"
  assert classLog.text.contains('io.discogen.runtime.UrlConnectionSender source: shared objects file (top)')
  assert !classLog.text.contains('java.net.http.HttpClient ') : 'no JDK HttpClient built for a blocking call'
} finally {
  server.stop(0)
}
return true
