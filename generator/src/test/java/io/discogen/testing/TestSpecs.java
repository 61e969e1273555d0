package io.discogen.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where test inputs live: the project's specs, golden cases, and the shared corpus. */
public final class TestSpecs {
  private TestSpecs() {}

  /** The module directory (surefire runs tests there). */
  public static Path moduleDir() {
    return Paths.get("").toAbsolutePath();
  }

  public static Path projectSpecs() {
    return moduleDir().resolveSibling("specs");
  }

  public static Path golden(String name) {
    return moduleDir().resolve("src/test/resources/golden").resolve(name);
  }

  /** {@code ../shared}, from the {@code discogen.shared} property Maven sets. */
  public static Path shared() {
    String prop = System.getProperty("discogen.shared");
    Path p = prop != null ? Paths.get(prop) : moduleDir().resolve("../../shared");
    return p.toAbsolutePath().normalize();
  }

  public static Path corpus2024() {
    Path p = shared().resolve("corpus/discovery-2024");
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException("corpus not found at " + p + " (set -Ddiscogen.shared)");
    }
    return p;
  }
}
