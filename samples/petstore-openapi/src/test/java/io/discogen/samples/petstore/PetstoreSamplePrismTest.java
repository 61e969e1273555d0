package io.discogen.samples.petstore;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The sample's whole tour against Stoplight Prism's mock of the spec, which rejects any request
 * the spec does not allow (422, 401) and answers with examples the client must decode. Prism comes
 * from {@code .ci/prism.sh} ({@code generator/target/prism}); skipped without it, except on CI.
 */
class PetstoreSamplePrismTest {

  @Test
  void sampleRunsAgainstPrism() throws Exception {
    Path prism = Path.of("../../generator/target/prism/node_modules/.bin/prism").toAbsolutePath().normalize();
    if (!Files.isExecutable(prism) && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("Prism is missing on CI: run .ci/prism.sh");
    }
    assumeTrue(Files.isExecutable(prism), "Prism not installed; run .ci/prism.sh");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path spec = Path.of("../../specs/petstore.openapi.yaml").toAbsolutePath().normalize();
    Process process = new ProcessBuilder(prism.toString(), "mock", "-h", "127.0.0.1", "-p", String.valueOf(port),
        spec.toString()).redirectErrorStream(true).start();
    try {
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
      assertTrue(ready.get(120, TimeUnit.SECONDS), "Prism did not start");
      PetstoreSample.run("http://127.0.0.1:" + port + "/", false);
    } finally {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
