package io.discogen.java;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.testing.Compilation;
import io.discogen.testing.TestSpecs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * How many of the names Google's own generated clients ({@code com.google.apis:google-api-services-*})
 * give their model getters and resource methods Discogen gives too, for the same API: a measure for
 * issue 23 ("users moving from the official clients find the same names"). Not a default test: it
 * needs the official jars, fetched beforehand, e.g.
 *
 * <pre>
 * mvn dependency:get -Dtransitive=false -Dmaven.repo.local=/tmp/official -Dartifact=com.google.apis:google-api-services-calendar:v3-rev20240705-2.0.0
 * mvn test -pl generator -am -Dtest=OfficialClientsComparisonTest -Dofficial.repo=/tmp/official
 * </pre>
 *
 * <p>For each API it picks the jar whose revision is nearest the corpus document's, reads both
 * sides' public methods with {@code javap}, and reports (stdout and {@code
 * target/official-comparison.txt}): model getters ({@code getX}, {@code isX} of each model class,
 * keyed by binary name below the model package, {@code Event$Creator#getEmail}) with the same
 * shape (a {@code List}, a {@code Map}, or neither) and resource methods
 * (methods returning a class nested in their own class, below the service class, {@code
 * Events#insert}) found with the same name, and examples of those missing. Official getters of a
 * schema or property the corpus document does not have (the jar is of another revision) are
 * counted apart; of the rest, each API must have 99% or more.
 */
@EnabledIfSystemProperty(named = "official.repo", matches = ".+")
class OfficialClientsComparisonTest {

  /** Corpus document, official artifact: the 2024 documents with an official jar of a near revision. */
  static final List<String[]> APIS = List.of(
      new String[] {"calendar.v3.json", "calendar"},
      new String[] {"bigquery.v2.json", "bigquery"},
      new String[] {"storage.v1.json", "storage"},
      new String[] {"gmail.v1.json", "gmail"},
      new String[] {"dialogflow.v3.json", "dialogflow"},
      new String[] {"sqladmin.v1.json", "sqladmin"},
      new String[] {"compute.v1.json", "compute"},
      new String[] {"drive.v3.json", "drive"},
      new String[] {"sheets.v4.json", "sheets"},
      new String[] {"youtube.v3.json", "youtube"},
      new String[] {"pubsub.v1.json", "pubsub"},
      new String[] {"dataproc.v1.json", "dataproc"},
      new String[] {"cloudresourcemanager.v3.json", "cloudresourcemanager"},
      new String[] {"iam.v1.json", "iam"},
      new String[] {"dns.v1.json", "dns"},
      new String[] {"cloudbuild.v1.json", "cloudbuild"},
      new String[] {"container.v1.json", "container"},
      new String[] {"run.v1.json", "run"},
      new String[] {"logging.v2.json", "logging"},
      new String[] {"monitoring.v3.json", "monitoring"},
      new String[] {"admin.directory_v1.json", "admin-directory"},
      new String[] {"tasks.v1.json", "tasks"},
      new String[] {"people.v1.json", "people"});

  @Test
  void compareWithOfficialClients(@TempDir Path work) throws Exception {
    Path repo = Path.of(System.getProperty("official.repo"));
    StringBuilder report = new StringBuilder();
    List<String> failures = new ArrayList<>();
    for (String[] a : APIS) {
      Path doc = TestSpecs.corpus2024().resolve(a[0]);
      JsonNode json = new ObjectMapper().readTree(doc.toFile());
      Path jar = officialJar(repo, a[1], json.path("version").asText(), json.path("revision").asText());
      if (jar == null) {
        report.append(String.format("%-24s no official jar in %s%n", a[0], repo));
        continue;
      }
      Map<String, String> officialGetters = new TreeMap<>();
      Set<String> officialResources = new TreeSet<>();
      String officialPkg = officialPackage(jar); // com.google.api.services.dialogflow.v3
      List<String> officialClasses = classNames(jar, officialPkg);
      String officialService = officialClasses.stream()
          .filter(c -> !c.contains("$") && !c.startsWith(officialPkg + ".model.")
              && classesNestedIn(officialClasses, c) > 0 && !c.endsWith("Request") && !c.endsWith("Scopes"))
          .findFirst().orElseThrow();
      collect(javap(jar, officialClasses), officialPkg + ".model", officialService, officialGetters, officialResources);

      String pkg = "io.discogen.compare." + a[1].replace('-', '_');
      Path out = work.resolve(a[1]);
      Compilation.Result r = Compilation.compile(
          Generator.render(new GeneratorOptions(List.of(doc), Path.of("unused"), pkg, true), p -> {}).files(), out);
      assertTrue(r.success(), r.report());
      String name = json.path("canonicalName").asText(json.path("name").asText());
      String ourService = pkg + "." + JavaNames.upperCamel(name);
      List<String> ours = classNames(r.classes(), pkg);
      Map<String, String> ourGetters = new TreeMap<>();
      Set<String> ourResources = new TreeSet<>();
      collect(javap(r.classes(), ours), pkg + ".model", ourService, ourGetters, ourResources);

      // A getter counts when ours has it with the same shape: a List, a Map, or neither.
      Set<String> gettersWithShape = new TreeSet<>();
      officialGetters.forEach((k, shape) -> gettersWithShape.add(k + " " + shape));
      Set<String> oursWithShape = new TreeSet<>();
      ourGetters.forEach((k, shape) -> oursWithShape.add(k + " " + shape));
      JsonNode schemas = json.path("schemas");
      report.append(line(a[0] + " vs " + jar.getFileName(), "model getters", gettersWithShape, oursWithShape,
          k -> notInDocument(schemas, k), failures));
      report.append(line("", "resource methods", officialResources, ourResources, k -> false, failures));
      failures.replaceAll(f -> f.startsWith(" ") ? a[0] + f : f);
    }
    System.out.println(report);
    Files.writeString(Path.of("target/official-comparison.txt"), report);
    assertTrue(failures.isEmpty(), "below 99%: " + failures);
  }

  /**
   * Whether an official getter ({@code Cluster#getFoo value}) is of a schema or property the corpus
   * document does not have: the jar is of another revision, no name of ours could match it.
   */
  static boolean notInDocument(JsonNode schemas, String key) {
    String cls = key.substring(0, key.indexOf('#'));
    String top = cls.contains("$") ? cls.substring(0, cls.indexOf('$')) : cls;
    if (!schemas.has(top)) {
      return true;
    }
    if (cls.contains("$")) {
      return false;
    }
    String getter = key.substring(key.indexOf('#') + 1, key.indexOf(' '));
    String prop = getter.substring(getter.startsWith("is") ? 2 : 3);
    for (java.util.Iterator<String> it = schemas.path(top).path("properties").fieldNames(); it.hasNext(); ) {
      if (JavaNames.memberBase(it.next()).equalsIgnoreCase(prop)) {
        return false;
      }
    }
    return true;
  }

  /**
   * One line of the report. Missing names the document's revision does not have are told apart;
   * below 99% of the rest found is a failure.
   */
  private static String line(String api, String what, Set<String> official, Set<String> ours,
      java.util.function.Predicate<String> notInDocument, List<String> failures) {
    List<String> missing = official.stream().filter(k -> !ours.contains(k)).toList();
    List<String> otherRevision = missing.stream().filter(notInDocument).toList();
    List<String> named = missing.stream().filter(k -> !notInDocument.test(k)).toList();
    int found = official.size() - missing.size();
    int comparable = official.size() - otherRevision.size();
    double percent = comparable == 0 ? 100.0 : 100.0 * found / comparable;
    if (percent < 99.0) {
      failures.add((api.isEmpty() ? "" : api) + " " + what);
    }
    return String.format("%-60s %-16s %5d/%5d = %5.1f%% (%d not in the document's revision)  missing e.g. %s%n",
        api, what, found, official.size(), percent, otherRevision.size(), named.subList(0, Math.min(6, named.size())));
  }

  /** The jar of {@code google-api-services-<api>} for {@code version} with the revision nearest {@code revision}. */
  static Path officialJar(Path repo, String api, String version, String revision) throws IOException {
    Path dir = repo.resolve("com/google/apis/google-api-services-" + api);
    if (!Files.isDirectory(dir)) {
      return null;
    }
    long want = Long.parseLong(revision);
    Path best = null;
    long bestDistance = Long.MAX_VALUE;
    try (Stream<Path> versions = Files.list(dir)) {
      for (Path v : versions.toList()) {
        String n = v.getFileName().toString(); // v3-rev20240705-2.0.0
        if (!n.startsWith(version + "-rev")) {
          continue;
        }
        Path jar = v.resolve("google-api-services-" + api + "-" + n + ".jar");
        long rev = Long.parseLong(n.substring(version.length() + 4, version.length() + 12));
        if (Files.exists(jar) && Math.abs(rev - want) < bestDistance) {
          best = jar;
          bestDistance = Math.abs(rev - want);
        }
      }
    }
    return best;
  }

  /** Binary names of the classes in {@code pkg} and below, in a jar or a class directory. */
  static List<String> classNames(Path jarOrDir, String pkg) throws IOException {
    List<String> out = new ArrayList<>();
    String prefix = pkg.replace('.', '/') + "/";
    if (Files.isDirectory(jarOrDir)) {
      try (Stream<Path> s = Files.walk(jarOrDir)) {
        s.map(p -> jarOrDir.relativize(p).toString().replace('\\', '/'))
            .filter(n -> n.startsWith(prefix) && n.endsWith(".class"))
            .forEach(n -> out.add(n.substring(0, n.length() - 6).replace('/', '.')));
      }
    } else {
      try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(jarOrDir.toFile())) {
        z.stream().map(java.util.zip.ZipEntry::getName)
            .filter(n -> n.startsWith(prefix) && n.endsWith(".class") && !n.endsWith("package-info.class"))
            .forEach(n -> out.add(n.substring(0, n.length() - 6).replace('/', '.')));
      }
    }
    out.sort(null);
    return out;
  }

  /** The package of the official client: the one whose {@code model} package holds the models. */
  static String officialPackage(Path jar) throws IOException {
    try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(jar.toFile())) {
      String entry = z.stream().map(java.util.zip.ZipEntry::getName)
          .filter(n -> n.matches("com/google/api/services/.+/model/[^/]+\\.class"))
          .findFirst().orElseThrow();
      return entry.substring(0, entry.indexOf("/model/")).replace('/', '.');
    }
  }

  private static long classesNestedIn(List<String> classes, String c) {
    return classes.stream().filter(n -> n.startsWith(c + "$")).count();
  }

  static String javap(Path classPath, List<String> classes) {
    ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow();
    StringWriter out = new StringWriter();
    List<String> args = new ArrayList<>(List.of("-public", "-cp", classPath.toString()));
    args.addAll(classes);
    javap.run(new PrintWriter(out), new PrintWriter(new StringWriter()), args.toArray(String[]::new));
    return out.toString();
  }

  /** The shape of a getter's type as users iterate it: {@code List}, {@code Map}, or {@code value}. */
  static String shape(String returnType) {
    String t = returnType.substring(returnType.lastIndexOf(' ') + 1);
    return t.equals("java.util.List") ? "List" : t.equals("java.util.Map") ? "Map" : "value";
  }

  /**
   * Reads javap's listing: getters of classes in {@code modelPkg} (directly, or nested), resource
   * methods of {@code service} and the classes nested in it.
   */
  static void collect(String listing, String modelPkg, String service, Map<String, String> getters, Set<String> resources) {
    String current = null;
    for (String line : listing.split("\n")) {
      String l = line.strip();
      if (!line.startsWith(" ") && (l.contains(" class ") || l.contains(" interface ") || l.contains(" enum "))) {
        String[] words = l.split(" ");
        for (int i = 0; i < words.length - 1; i++) {
          if (words[i].equals("class") || words[i].equals("interface") || words[i].equals("enum")) {
            current = words[i + 1].replaceAll("<.*", "");
            break;
          }
        }
        continue;
      }
      if (current == null || !l.startsWith("public ") || !l.contains("(") || l.contains(" static ")) {
        continue;
      }
      String head = l.substring(0, l.indexOf('('));
      String method = head.substring(head.lastIndexOf(' ') + 1);
      String params = l.substring(l.indexOf('(') + 1, l.lastIndexOf(')'));
      String returnType = head.substring(0, head.lastIndexOf(' ')).replaceAll("<.*>", "");
      returnType = returnType.substring(returnType.lastIndexOf(' ') + 1);
      boolean inService = current.equals(service) || current.startsWith(service + "$");
      if (inService) {
        if (returnType.startsWith(current + "$")) {
          resources.add(current.substring(service.length()).replaceFirst("^\\$", "") + "#" + method);
        }
      } else if (current.startsWith(modelPkg + ".") && !current.substring(modelPkg.length() + 1).contains(".")
          && params.isEmpty() && (method.startsWith("get") || method.startsWith("is"))) {
        getters.put(current.substring(modelPkg.length() + 1) + "#" + method, shape(returnType));
      }
    }
  }
}
