// The broken spec failed the build with the command line's one-line error, and no stack trace;
// the first build's output is still in place.
def log = new File(basedir, 'build.log').readLines()
def problem = 'src/main/discovery/pets.v1.json: /schemas/Pet/properties/owner/$ref: unknown schema "Nobody": no such key in /schemas'
assert log.any { it == '[ERROR] ' + problem } : 'the problem was not logged as one line'
assert log.any { it.contains('BUILD FAILURE') }
assert log.any { it.startsWith('[ERROR] Failed to execute goal io.discogen:discogen-maven-plugin:') && it.contains(problem) }
def frames = log.findAll { it ==~ /\s+at [\w$.]+\(.*\)/ || it.contains('Exception:') }
assert frames.isEmpty() : "stack trace in the log: $frames"

def out = new File(basedir, 'target/generated-sources/discogen')
def pkg = new File(out, 'com/example/pets')
def models = new File(pkg, 'model')
['Pets.java', 'PetsRequest.java', 'model/Pet.java', 'model/Owner.java'].each {
  assert new File(pkg, it).isFile() : "previous output lost: $it"
}
assert new File(models, 'Pet.java').text.contains('Owner getOwner()')
def leftovers = out.parentFile.list().findAll { it.contains('.discogen-new-') || it.contains('.discogen-old-') }
assert leftovers.isEmpty() : leftovers
return true
