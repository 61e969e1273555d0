package io.discogen.java;

import static io.discogen.testing.Reflect.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.discogen.runtime.ClientOptions;
import io.discogen.testing.GeneratedClients;
import io.discogen.testing.RecordingServer;
import io.discogen.testing.TestSpecs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 6570 level 4 path templates in a real document: the corpus {@code admin.directory_v1.json},
 * with {@code orgunits.get} as the document long declared it ({@code orgunits{/orgUnitPath*}}, a
 * repeated path parameter; the 2024 document says {@code orgunits/{+orgUnitPath}}), generated,
 * compiled and called against a local server.
 */
class PathTemplatesTest {
  static Class<?> directoryClass;
  RecordingServer server;

  @BeforeAll
  static void generate(@TempDir Path work) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode doc = (ObjectNode) json.readTree(TestSpecs.corpus2024().resolve("admin.directory_v1.json").toFile());
    ObjectNode get = (ObjectNode) doc.at("/resources/orgunits/methods/get");
    get.put("path", "admin/directory/v1/customer/{customerId}/orgunits{/orgUnitPath*}");
    ((ObjectNode) get.at("/parameters/orgUnitPath")).put("repeated", true);
    Path spec = work.resolve("admin.directory_v1.json");
    json.writeValue(spec.toFile(), doc);
    directoryClass = GeneratedClients.load(spec, "io.discogen.test.directory", work.resolve("out"))
        .loadClass("io.discogen.test.directory.Directory");
  }

  @BeforeEach
  void start() throws Exception {
    server = new RecordingServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  Object directory() throws Exception {
    return directoryClass.getConstructor(ClientOptions.class)
        .newInstance(ClientOptions.builder().rootUrl(server.url()).build());
  }

  @Test
  void repeatedPathParameterIsOneSegmentPerItemAsGooglesClientSendsIt() throws Throwable {
    Object orgunits = call(directory(), "orgunits");
    call(call(orgunits, "get", "my_customer", List.of("a b", "c")), "execute");
    assertEquals("GET /admin/directory/v1/customer/my_customer/orgunits/a%20b/c?prettyPrint=false", server.last());
  }

  @Test
  void reservedExpansionOfTheSameParameterKeepsSlashes() throws Throwable {
    Object orgunits = call(directory(), "orgunits");
    call(call(orgunits, "delete", "my_customer", "a b/c"), "execute");
    assertEquals("DELETE /admin/directory/v1/customer/my_customer/orgunits/a%20b/c?prettyPrint=false", server.last());
  }
}
