package io.discogen.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.testing.Compilation;
import io.discogen.testing.TestSpecs;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every one of the 454 real discovery documents generates, with its command line ({@code --cli}), and
 * all the generated sources compile
 * together with the runtime under {@code javac -Xlint:all}: no error, no warning. Run with {@code
 * mvn -Pcorpus}; prints the time and peak heap of each phase.
 */
@Tag("corpus")
class CorpusCompileTest {

  @Test
  void wholeCorpusGeneratesAndCompilesCleanly(@TempDir Path work) throws Exception {
    Path corpus = TestSpecs.corpus2024();
    long docs;
    try (Stream<Path> s = Files.list(corpus)) {
      docs = s.filter(p -> p.toString().endsWith(".json")).count();
    }
    Path out = work.resolve("out");

    resetPeaks();
    long t0 = System.nanoTime();
    Generator.Written r = Generator.generate(new GeneratorOptions(List.of(corpus), out, null, true, null, null, false, true));
    long genMs = (System.nanoTime() - t0) / 1_000_000;
    long genPeak = peakHeapMb();
    assertEquals(docs, r.apis().size(), "every document generates");

    List<Path> sources;
    try (Stream<Path> s = Files.walk(out)) {
      sources = s.filter(p -> p.toString().endsWith(".java")).toList();
    }
    r = null; // let the IR go before compiling
    resetPeaks();
    long t1 = System.nanoTime();
    Compilation.Result c = Compilation.compileFiles(sources, work.resolve("classes"));
    long compileMs = (System.nanoTime() - t1) / 1_000_000;
    System.out.printf("corpus: %d documents, %d files; generate %d ms (peak heap %d MB); "
            + "javac %d ms (peak heap %d MB); %d errors, %d warnings%n",
        docs, sources.size(), genMs, genPeak, compileMs, peakHeapMb(), c.errors().size(), c.warnings().size());
    assertTrue(c.success(), c.report());
    assertEquals(List.of(), c.warnings(), "javac -Xlint:all warnings");
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static long peakHeapMb() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum / (1024 * 1024);
  }
}
