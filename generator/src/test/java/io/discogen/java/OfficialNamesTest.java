package io.discogen.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.runtime.ClientRequest;
import io.discogen.runtime.json.JsonModel;
import io.discogen.testing.GeneratedClients;
import io.discogen.testing.TestSpecs;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The names users of Google's own generated clients ({@code google-api-services-*}) know, on real
 * documents: full class names where the class file name fits, {@code java.lang} names kept
 * ({@code Thread}, {@code Error}) but {@code Object} as {@code StorageObject}, {@code clone(...)},
 * {@code <api>Import}, and {@code isX()} for booleans with a default. Every client compiles
 * warning-free.
 */
class OfficialNamesTest {

  static URLClassLoader load(String doc, String pkg, Path work) throws Exception {
    return GeneratedClients.load(TestSpecs.corpus2024().resolve(doc), pkg, work);
  }

  /** The generated class whose binary name below the package is {@code simpleBinaryName}. */
  static Class<?> cls(URLClassLoader loader, String pkg, String simpleBinaryName) throws Exception {
    return loader.loadClass(pkg + "." + simpleBinaryName);
  }

  /** The one generated class whose binary name ends with {@code suffix} ({@code $Instances}). */
  static Class<?> find(URLClassLoader loader, String pkg, String suffix) throws Exception {
    Path dir = Path.of(loader.getURLs()[0].toURI()).resolve(pkg.replace('.', '/'));
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(suffix + ".class"))
          .toList();
      assertEquals(1, names.size(), "classes ending with " + suffix + ": " + names);
      String n = names.get(0);
      return loader.loadClass(pkg + "." + n.substring(0, n.length() - ".class".length()));
    }
  }

  static Set<String> methodNames(Class<?> c) {
    Set<String> out = new TreeSet<>();
    for (Method m : c.getDeclaredMethods()) {
      out.add(m.getName());
    }
    return out;
  }

  @Test
  void longClassNamesAreKeptWhereTheirClassFileNamesFit(@TempDir Path work) throws Exception {
    String pkg = "io.discogen.test.itk";
    try (URLClassLoader l = load("identitytoolkit.v1.json", pkg, work)) {
      // Were both GoogleCloudIdentitytoolkitV1SignInWithPass1BOVWG (cut at 48 characters).
      Class<?> req = cls(l, pkg + ".model", "GoogleCloudIdentitytoolkitV1SignInWithPasswordRequest");
      Class<?> resp = cls(l, pkg + ".model", "GoogleCloudIdentitytoolkitV1SignInWithPasswordResponse");
      assertTrue(methodNames(req).contains("getPassword"));
      assertTrue(methodNames(resp).contains("getIdToken"));
    }
  }

  @Test
  void javaLangNamesAreKeptAndJavaLangIsQualified(@TempDir Path work) throws Exception {
    String pkg = "io.discogen.test.gmail";
    try (URLClassLoader l = load("gmail.v1.json", pkg, work)) {
      Class<?> thread = cls(l, pkg + ".model", "Thread");
      assertTrue(JsonModel.class.isAssignableFrom(thread));
      assertTrue(methodNames(thread).contains("getMessages"));
      // users.messages.import: a keyword, so the API's name in front, as in Google's client.
      Class<?> messages = find(l, pkg, "$Users$Messages");
      assertTrue(methodNames(messages).contains("gmailImport"), methodNames(messages).toString());
      assertTrue(Arrays.stream(messages.getDeclaredClasses()).anyMatch(c -> c.getSimpleName().equals("GmailImport")));
      // A parameter with a boolean default: includeSpamTrash, "default": "false".
      Class<?> list = find(l, pkg, "$Users$Messages$List");
      assertEquals(boolean.class, list.getMethod("isIncludeSpamTrash").getReturnType());
      assertEquals(Boolean.class, list.getMethod("getIncludeSpamTrash").getReturnType());
    }
  }

  @Test
  void storageObjectAsInGooglesClient(@TempDir Path work) throws Exception {
    String pkg = "io.discogen.test.storage";
    try (URLClassLoader l = load("storage.v1.json", pkg, work)) {
      Class<?> object = cls(l, pkg + ".model", "StorageObject");
      assertTrue(methodNames(object).contains("getBucket"));
      assertThrowsNotFound(l, pkg + ".model.ObjectModel");
      Class<?> objects = find(l, pkg, "$Objects");
      Method get = Arrays.stream(objects.getDeclaredMethods()).filter(m -> m.getName().equals("get")).findFirst().orElseThrow();
      Class<?> getRequest = get.getReturnType();
      // The request's response type: ClientRequest<StorageObject, Get>.
      assertTrue(getRequest.getGenericSuperclass().getTypeName().contains(pkg + ".model.StorageObject"),
          getRequest.getGenericSuperclass().getTypeName());
    }
  }

  @Test
  void calendarErrorImportAndDefaults(@TempDir Path work) throws Exception {
    String pkg = "io.discogen.test.calendar";
    try (URLClassLoader l = load("calendar.v3.json", pkg, work)) {
      Class<?> error = cls(l, pkg + ".model", "Error");
      assertTrue(methodNames(error).contains("getReason"));
      Class<?> events = find(l, pkg, "$Events");
      assertTrue(methodNames(events).contains("calendarImport"), methodNames(events).toString());
      // The model Calendar and the service Calendar, each in its package, as in Google's client.
      assertTrue(methodNames(cls(l, pkg + ".model", "Calendar")).contains("getSummary"));
      assertTrue(methodNames(cls(l, pkg, "Calendar")).contains("calendars"));

      // "anyoneCanAddSelf": {"type": "boolean", "default": "false"}; guestsCanSeeOtherGuests defaults to true.
      Class<?> event = cls(l, pkg + ".model", "Event");
      Object e = event.getConstructor().newInstance();
      Method isAnyone = event.getMethod("isAnyoneCanAddSelf");
      assertEquals(boolean.class, isAnyone.getReturnType());
      assertEquals(false, isAnyone.invoke(e));
      assertEquals(true, event.getMethod("isGuestsCanSeeOtherGuests").invoke(e));
      assertEquals(null, event.getMethod("getGuestsCanSeeOtherGuests").invoke(e));
      event.getMethod("setGuestsCanSeeOtherGuests", Boolean.class).invoke(e, false);
      assertEquals(false, event.getMethod("isGuestsCanSeeOtherGuests").invoke(e));
      event.getMethod("setAnyoneCanAddSelf", Boolean.class).invoke(e, true);
      assertEquals(true, isAnyone.invoke(e));
    }
  }

  @Test
  void cloneOverloadsObjectCloneAndImportTakesTheApiName(@TempDir Path work) throws Exception {
    String pkg = "io.discogen.test.sqladmin";
    try (URLClassLoader l = load("sqladmin.v1.json", pkg, work)) {
      Class<?> instances = cls(l, pkg, "SQLAdmin$Instances");
      Set<String> names = methodNames(instances);
      assertTrue(names.contains("clone"), names.toString());
      assertFalse(names.contains("clone_"), names.toString());
      assertTrue(names.contains("sqladminImport"), names.toString());
      Method clone = Arrays.stream(instances.getDeclaredMethods()).filter(m -> m.getName().equals("clone")).findFirst().orElseThrow();
      assertEquals(3, clone.getParameterCount(), "project, instance, body");
      assertTrue(Modifier.isPublic(clone.getModifiers()));
    }
  }

  static final String ACCESSORS_DOC = """
      {"kind":"discovery#restDescription","discoveryVersion":"v1","id":"acc:v1","name":"acc",
       "version":"v1","rootUrl":"https://acc.example.com/","servicePath":"","baseUrl":"https://acc.example.com/",
       "schemas":{"Thing":{"id":"Thing","type":"object","properties":{"a":{"type":"string"}}}},
       "resources":{"exports":{"methods":{
         "record":{"id":"acc.exports.record","path":"v1/record","httpMethod":"POST"},
         "open":{"id":"acc.exports.open","path":"v1/open/{name}","httpMethod":"POST",
           "parameters":{"name":{"type":"string","location":"path","required":true}},"parameterOrder":["name"]},
         "clone":{"id":"acc.exports.clone","path":"v1/clone","httpMethod":"POST"},
         "hashCode":{"id":"acc.exports.hashCode","path":"v1/hash","httpMethod":"POST","request":{"$ref":"Thing"}},
         "import":{"id":"acc.exports.import","path":"v1/import","httpMethod":"POST"},
         "default":{"id":"acc.exports.default","path":"v1/default","httpMethod":"GET"},
         "wait":{"id":"acc.exports.wait","path":"v1/wait/{name}","httpMethod":"POST",
           "parameters":{"name":{"type":"string","location":"path","required":true}},"parameterOrder":["name"]}},
         "resources":{"acc":{"methods":{
           "get":{"id":"acc.exports.acc.get","path":"v1/acc","httpMethod":"GET"}}}}}}}
      """;

  /** Accessor names as Google's clients give them, wherever Java allows. */
  @Test
  void accessorNames(@TempDir Path work) throws Exception {
    String pkg = "io.discogen.test.acc";
    Path doc = Files.writeString(work.resolve("acc.v1.json"), ACCESSORS_DOC);
    try (URLClassLoader l = GeneratedClients.load(doc, pkg, work.resolve("out"))) {
      Class<?> exports = find(l, pkg, "$Exports");
      Set<String> names = methodNames(exports);
      // contextual keywords are legal method names; a no-argument clone() would override Object's
      // wait(name) overloads Object.wait, as operations.wait(...) does in Google's clients
      for (String n : List.of("record", "open", "clone_", "hashCode", "accImport", "accDefault", "wait", "acc")) {
        assertTrue(names.contains(n), n + " in " + names);
      }
      assertFalse(names.contains("clone"), names.toString());
      Class<?> service = cls(l, pkg, "Acc");
      assertTrue(methodNames(service).contains("exports"), methodNames(service).toString());
      // A resource named like an enclosing class ends with Operations, as in Google's clients.
      assertTrue(methodNames(cls(l, pkg, "Acc$Exports$AccOperations")).contains("get"));
    }
  }

  /**
   * A name the runtime's base classes give a method is never taken by a generated member: the
   * generator's hand-kept lists are exactly those classes' public and protected method names (a
   * name the runtime drops must leave the list too, or generated members avoid it for nothing).
   */
  @Test
  void reservedNamesAreTheRuntimeBaseClasses() {
    assertEquals(inheritable(ClientRequest.class), new TreeSet<>(NamePlan.CLIENT_REQUEST_METHODS),
        "NamePlan.CLIENT_REQUEST_METHODS");
    assertEquals(inheritable(JsonModel.class), new TreeSet<>(NamePlan.JSON_MODEL_METHODS), "NamePlan.JSON_MODEL_METHODS");
    assertTrue(NamePlan.MODEL_METHODS.containsAll(NamePlan.JSON_MODEL_METHODS));
    assertTrue(NamePlan.REQUEST_METHODS.containsAll(NamePlan.CLIENT_REQUEST_METHODS));
    assertTrue(NamePlan.REQUEST_METHODS.containsAll(RuntimeNames.GENERATED_REQUEST_METHODS));
    Set<String> both = new TreeSet<>(RuntimeNames.GENERATED_REQUEST_METHODS);
    both.retainAll(NamePlan.CLIENT_REQUEST_METHODS);
    assertEquals(Set.of(), both, "generated request methods would hide ClientRequest's");
  }

  /** Public and protected methods of {@code c} and its superclasses (Object's included). */
  private static Set<String> inheritable(Class<?> c) {
    Set<String> out = new TreeSet<>();
    for (Class<?> k = c; k != null; k = k.getSuperclass()) {
      for (Method m : k.getDeclaredMethods()) {
        if (!m.isSynthetic() && (Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers()))) {
          out.add(m.getName());
        }
      }
    }
    return out;
  }

  private static void assertThrowsNotFound(ClassLoader l, String name) {
    try {
      l.loadClass(name);
    } catch (ClassNotFoundException expected) {
      return;
    }
    throw new AssertionError(name + " should not exist");
  }

  @Test
  void officialReservedWordsAreLowerCase() {
    assertNotNull(NamePlan.OFFICIAL_RESERVED);
    assertTrue(NamePlan.OFFICIAL_RESERVED.stream().allMatch(s -> s.equals(s.toLowerCase(java.util.Locale.ROOT))));
  }
}
