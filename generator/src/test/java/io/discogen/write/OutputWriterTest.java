package io.discogen.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.GeneratedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OutputWriter.Staging}: files written from several threads at once, into directories
 * none of them has made yet, all arrive; the output directory changes only on commit, and then
 * holds exactly what was written, with the manifest in the caller's order.
 */
class OutputWriterTest {
  @TempDir Path tmp;

  @Test
  void filesWrittenFromManyThreadsIntoNewDirectoriesAllArrive() throws Exception {
    Path out = tmp.resolve("client");
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      paths.add("src/p" + (i % 7) + "/q" + (i % 3) + "/F" + i + ".java");
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (OutputWriter.Staging staging = OutputWriter.stage(out)) {
      List<Future<?>> done = new ArrayList<>();
      for (String p : paths) {
        done.add(pool.submit(() -> {
          staging.write(new GeneratedFile(p, p.getBytes(StandardCharsets.UTF_8)));
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(); // rethrows a write that failed, such as one into a directory not made yet
      }
      assertFalse(Files.exists(out), "nothing in the output directory before the commit");
      staging.commit(paths);
    } finally {
      pool.shutdown();
    }
    for (String p : paths) {
      assertEquals(p, Files.readString(out.resolve(p)));
    }
    assertEquals(paths, Files.readAllLines(out.resolve(OutputWriter.MARKER)));
    assertEquals(List.of("client"), list(tmp), "no staging directory left");
  }

  @Test
  void anUncommittedStagingLeavesTheOutputAsItWas() throws Exception {
    Path out = tmp.resolve("client");
    OutputWriter.replace(out, List.of(new GeneratedFile("A.java", "a".getBytes(StandardCharsets.UTF_8))));
    try (OutputWriter.Staging staging = OutputWriter.stage(out)) {
      staging.write(new GeneratedFile("B.java", "b".getBytes(StandardCharsets.UTF_8)));
    }
    assertEquals("a", Files.readString(out.resolve("A.java")));
    assertFalse(Files.exists(out.resolve("B.java")));
    assertEquals(List.of("client"), list(tmp));
  }

  @Test
  void aManifestThatDoesNotListEveryFileWrittenIsRefused() throws Exception {
    Path out = tmp.resolve("client");
    try (OutputWriter.Staging staging = OutputWriter.stage(out)) {
      staging.write(new GeneratedFile("A.java", new byte[0]));
      staging.write(new GeneratedFile("B.java", new byte[0]));
      assertThrows(IllegalStateException.class, () -> staging.commit(List.of("A.java")));
      assertThrows(IllegalStateException.class, () -> staging.commit(List.of("A.java", "B.java", "C.java")));
    }
    assertFalse(Files.exists(out));
    assertEquals(List.of(), list(tmp));
  }

  @Test
  void aPathLeavingTheStagingDirectoryIsRefused() throws Exception {
    try (OutputWriter.Staging staging = OutputWriter.stage(tmp.resolve("client"))) {
      IOException e = assertThrows(IOException.class,
          () -> staging.write(new GeneratedFile("../evil.java", new byte[0])));
      assertTrue(e.getMessage().contains("outside the output directory"), e.getMessage());
    }
    assertEquals(List.of(), list(tmp));
  }

  private static List<String> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
