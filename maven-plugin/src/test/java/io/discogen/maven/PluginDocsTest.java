package io.discogen.maven;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The block docs/maven-plugin.md tells users to paste is the one the {@code plugin-docs}
 * integration test builds (a fresh project with nothing else), so the documented snippet works
 * on its own.
 */
class PluginDocsTest {
  @Test
  void theDocumentedBlockIsTheOneTheIntegrationTestBuilds() throws Exception {
    String doc = Files.readString(Path.of("../docs/maven-plugin.md"));
    String block = doc.substring(doc.indexOf("<!-- plugin-docs:start -->\n```xml\n") + "<!-- plugin-docs:start -->\n```xml\n".length(),
        doc.indexOf("```\n<!-- plugin-docs:end -->"));
    String expected = normalize(block.replace("0.1.0-SNAPSHOT", "@project.version@"));
    String pom = normalize(Files.readString(Path.of("src/it/plugin-docs/pom.xml")));
    assertTrue(expected.length() > 500 && pom.contains(expected),
        "docs/maven-plugin.md's block differs from src/it/plugin-docs/pom.xml:\n" + expected);
  }

  private static String normalize(String xml) {
    return xml.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
  }
}
