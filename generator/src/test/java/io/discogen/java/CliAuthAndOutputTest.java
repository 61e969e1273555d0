package io.discogen.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.discogen.GeneratedFile;
import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.testing.Compilation;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The generated command line's HTTP basic authentication ({@code --user}) and {@code -o FILE}. */
class CliAuthAndOutputTest {
  static final String SPEC = """
      openapi: 3.0.3
      info: {title: Vault, version: '1'}
      servers: [{url: 'https://vault.example.com/'}]
      components:
        securitySchemes:
          basic: {type: http, scheme: basic}
        schemas:
          Secret:
            type: object
            properties:
              name: {type: string}
      security: [{basic: []}]
      paths:
        /secrets/{name}:
          get:
            operationId: getSecret
            tags: [secrets]
            parameters:
              - {name: name, in: path, required: true, schema: {type: string}}
            responses:
              '200':
                description: The secret.
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Secret'}
      """;

  @Test
  void basicAuthFromUserAndOutputIntoAFile(@TempDir Path work) throws Exception {
    Path spec = work.resolve("vault.yaml");
    Files.writeString(spec, SPEC);
    List<GeneratedFile> files = Generator.render(new GeneratorOptions(List.of(spec), Path.of("unused"), "io.discogen.vault",
        true, null, null, false, true), p -> { }).files();
    Compilation.Result c = Compilation.compile(files, work.resolve("classes"));
    assertTrue(c.success(), c.report());
    assertEquals(List.of(), c.warnings(), c.report());
    List<String> auth = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      auth.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
      byte[] body = "{\"name\":\"s1\"}".getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(body);
      }
    });
    server.start();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {c.classes().toUri().toURL()}, getClass().getClassLoader())) {
      CommandLine cl = (CommandLine) loader.loadClass("io.discogen.vault.VaultCli").getMethod("commandLine").invoke(null);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      cl.setOut(new PrintWriter(out, true));
      cl.setErr(new PrintWriter(err, true));
      Path printed = work.resolve("out.txt");
      int exit = cl.execute("secrets", "get-secret", "s1", "--user", "alice:pa:ss", "-o", printed.toString(),
          "--format", "value(name)", "--root-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/");
      assertEquals(0, exit, err.toString());
      assertEquals(List.of("Basic " + Base64.getEncoder().encodeToString("alice:pa:ss".getBytes(StandardCharsets.UTF_8))),
          auth);
      assertEquals("s1\n", Files.readString(printed).replace("\r\n", "\n"));
      assertEquals("", out.toString());
      assertEquals(2, cl.execute("secrets", "get-secret", "s1", "--user", "alice"));
    } finally {
      server.stop(0);
    }
  }
}
