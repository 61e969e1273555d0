// The schema removed from the spec took its model class with it.
def out = new File(basedir, 'target/generated-sources/discogen')
def pkg = new File(out, 'com/example/pets')
def models = new File(pkg, 'model')
assert !new File(models, 'Owner.java').exists() : 'Owner.java outlived its schema'
['Pets.java', 'PetsRequest.java', 'model/Pet.java'].each {
  assert new File(pkg, it).isFile() : "missing $it"
}
assert !new File(models, 'Pet.java').text.contains('Owner')
assert !new File(out, '.discogen').text.contains('Owner')

def log = new File(basedir, 'build.log').text
def first = log.indexOf('Generated 4 files for 1 API into')
def second = log.indexOf('Generated 3 files for 1 API into')
assert first >= 0 && second > first
return true
