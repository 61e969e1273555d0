package io.discogen.discovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the shared discovery corpus (read in place, never copied into the repository). */
final class Corpus {
  private Corpus() {}

  static Path shared() {
    String prop = System.getProperty("discogen.shared");
    Path dir = prop != null && !prop.isBlank() ? Path.of(prop) : Path.of("../../shared");
    return dir.toAbsolutePath().normalize();
  }

  static Path dir(String name) {
    return shared().resolve("corpus").resolve(name);
  }

  static List<Path> documents(String name) throws IOException {
    try (Stream<Path> files = Files.list(dir(name))) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }
}
