// The documented block built a project: the client generated and the user's code compiled against it.
assert new File(basedir, 'target/generated-sources/discogen/com/example/petstore/Petstore.java').isFile()
assert new File(basedir, 'target/classes/com/example/app/Main.class').isFile()
return true
