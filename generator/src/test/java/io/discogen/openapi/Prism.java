package io.discogen.openapi;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Stoplight Prism mock of one spec on a free loopback port. Prism is installed outside git by
 * {@code .ci/prism.sh} into {@code generator/target/prism}; {@code -Ddiscogen.prism=PATH} names
 * another {@code prism} executable. Tests using it are skipped when it is absent, except on CI.
 */
final class Prism implements AutoCloseable {
  private final Process process;
  private final String rootUrl;

  private Prism(Process process, String rootUrl) {
    this.process = process;
    this.rootUrl = rootUrl;
  }

  static Path executable() {
    String prop = System.getProperty("discogen.prism");
    Path p = prop != null && !prop.isBlank() ? Paths.get(prop)
        : Paths.get("").toAbsolutePath().resolve("target/prism/node_modules/.bin/prism");
    return Files.isExecutable(p) ? p : null;
  }

  /** Starts Prism on {@code spec} and waits until it listens; skips the test without Prism. */
  static Prism start(Path spec) throws Exception {
    Path exe = executable();
    if (exe == null && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("Prism is missing on CI: run .ci/prism.sh");
    }
    assumeTrue(exe != null, "Prism not installed; run .ci/prism.sh");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process process = new ProcessBuilder(exe.toString(), "mock", "-h", "127.0.0.1", "-p", String.valueOf(port),
        spec.toAbsolutePath().toString())
        .redirectErrorStream(true)
        .start();
    CompletableFuture<Boolean> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.contains("Prism is listening")) {
            ready.complete(true);
          }
        }
      } catch (Exception e) {
        // the process ended
      }
      ready.complete(false);
    }, "prism-output");
    reader.setDaemon(true);
    reader.start();
    if (!ready.get(180, TimeUnit.SECONDS)) {
      process.destroy();
      throw new IllegalStateException("Prism did not start on " + spec);
    }
    return new Prism(process, "http://127.0.0.1:" + port + "/");
  }

  String rootUrl() {
    return rootUrl;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor(10, TimeUnit.SECONDS);
  }
}
