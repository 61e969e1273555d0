package io.discogen.java;

import static io.discogen.testing.Reflect.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.palantir.javapoet.JavaFile;
import com.sun.net.httpserver.HttpServer;
import io.discogen.GeneratedFile;
import io.discogen.ir.ApiModel;
import io.discogen.runtime.ClientOptions;
import io.discogen.runtime.Credentials;
import io.discogen.spec.SpecReader;
import io.discogen.testing.Compilation;
import java.lang.reflect.Modifier;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An API with more classes than fit nested in one service class (the real limit is {@link
 * NamePlan#MAX_NEST_MEMBERS}; Microsoft Graph beta passes it) gets a class per top-level resource.
 * Planned here with a lower limit: generated, compiled without warnings, and called against a local
 * server through the same accessors as a nested API.
 */
class SplitServiceTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PKG = "io.discogen.split";

  @TempDir Path work;

  /**
   * A method on the service itself and two top-level resources, one with a sub-resource; a model
   * takes the name the other resource's class would have.
   */
  ApiModel api() throws Exception {
    ObjectNode root = JSON.createObjectNode();
    root.put("kind", "discovery#restDescription").put("discoveryVersion", "v1").put("name", "big")
        .put("version", "v1").put("rootUrl", "https://big.example.com/").put("servicePath", "v1/");
    root.putObject("schemas").putObject("Orders").put("id", "Orders").put("type", "object")
        .putObject("properties").putObject("count").put("type", "integer").put("format", "int32");
    method(root.putObject("methods"), "ping", "GET", "ping", null);
    ObjectNode resources = root.putObject("resources");
    ObjectNode items = resources.putObject("items");
    method(items.putObject("methods"), "get", "GET", "items/{name}", "name");
    method(items.putObject("resources").putObject("parts").putObject("methods"), "list", "GET", "items/{name}/parts", "name");
    method(resources.putObject("orders").putObject("methods"), "delete", "DELETE", "orders/{id}", "id");
    Path file = work.resolve("big.json");
    Files.write(file, JSON.writeValueAsBytes(root));
    return SpecReader.read(file, "big.json");
  }

  /** Classes nested in the service class when nothing is split: 4 request classes, 3 resource classes. */
  static final int NESTED = 7;

  static void method(ObjectNode methods, String name, String verb, String path, String param) {
    ObjectNode m = methods.putObject(name).put("id", "big." + name).put("path", path).put("httpMethod", verb);
    if (param != null) {
      m.putObject("parameters").putObject(param).put("type", "string").put("location", "path").put("required", true);
      m.putArray("parameterOrder").add(param);
    }
  }

  List<GeneratedFile> render(ApiModel api, int maxNestMembers) {
    return render(api, maxNestMembers, false);
  }

  List<GeneratedFile> render(ApiModel api, int maxNestMembers, boolean cli) {
    NamePlan names = NamePlan.of(api, PKG, maxNestMembers);
    List<GeneratedFile> files = new ArrayList<>();
    for (Supplier<JavaFile> f : JavaEmitter.plan(names, api, PKG, cli)) {
      JavaFile file = f.get();
      files.add(new GeneratedFile(file.packageName().replace('.', '/') + "/" + file.typeSpec().name() + ".java",
          file.toString().getBytes(StandardCharsets.UTF_8)));
    }
    return files;
  }

  static List<String> fileNames(List<GeneratedFile> files) {
    // Below the package: models are in model/.
    return files.stream().map(f -> f.path().substring(PKG.length() + 1)).sorted().toList();
  }

  @Test
  void nestedWhileTheServiceClassHoldsEverything() throws Exception {
    ApiModel api = api();
    NamePlan names = NamePlan.of(api, PKG, NESTED);
    assertEquals(List.of(), names.topLevelResources());
    assertEquals(PKG + ".Big.Items", names.resourceClass(api.resources().get(0)).canonicalName());
    assertEquals(List.of("Big.java", "BigRequest.java", "model/Orders.java"), fileNames(render(api, NESTED)));
  }

  /** The command line's nested command classes are named like the top-level resource classes it calls. */
  @Test
  void theCommandLineOfASplitApiCompilesAndBuilds() throws Exception {
    List<GeneratedFile> files = render(api(), NESTED - 1, true);
    Compilation.Result c = Compilation.compile(files, work.resolve("cli"));
    assertTrue(c.success(), c.report());
    assertEquals(List.of(), c.warnings(), c.report());
    CliEmitterTest.assertCommandLinesBuild(files, c);
  }

  @Test
  void splitIntoAClassPerTopLevelResource() throws Throwable {
    ApiModel api = api();
    List<GeneratedFile> files = render(api, NESTED - 1);
    assertEquals(List.of("Big.java", "BigRequest.java", "Items.java", "Orders.java", "model/Orders.java"),
        fileNames(files), "the model and the resource class each keep the name, in their packages");
    NamePlan names = NamePlan.of(api, PKG, NESTED - 1);
    assertEquals(PKG + ".Items.Parts.List", names.requestClass("big.list").canonicalName());
    assertEquals(PKG + ".Big.Ping", names.requestClass("big.ping").canonicalName(), "the service's own methods stay nested");

    Compilation.Result c = Compilation.compile(files, work.resolve("compile"));
    assertTrue(c.success(), c.report());
    assertEquals(List.of(), c.warnings(), c.report());

    List<String> seen = new ArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      synchronized (seen) {
        seen.add(ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath());
      }
      byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {c.classes().toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> items = loader.loadClass(PKG + ".Items");
      assertNull(items.getEnclosingClass(), "a top-level class");
      assertTrue(Modifier.isPublic(items.getModifiers()) && Modifier.isFinal(items.getModifiers()));
      assertEquals(0, items.getConstructors().length, "made only through the service's accessor");
      assertEquals(loader.loadClass(PKG + ".Big"), loader.loadClass(PKG + ".Big$Ping").getEnclosingClass());

      Object big = loader.loadClass(PKG + ".Big").getConstructor(ClientOptions.class).newInstance(
          ClientOptions.builder().rootUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/")
              .credentials(Credentials.none()).build());
      call(call(call(call(big, "items"), "parts"), "list", "a b"), "execute");
      call(call(call(big, "items"), "get", "x"), "execute");
      call(call(call(big, "orders"), "delete", "7"), "execute");
      call(call(big, "ping"), "execute");
    } finally {
      server.stop(0);
    }
    assertEquals(List.of("GET /v1/items/a%20b/parts", "GET /v1/items/x", "DELETE /v1/orders/7", "GET /v1/ping"), seen);
  }

  @Test
  void aTopLevelResourceTooLargeForOneClassIsRejected() throws Exception {
    ApiModel api = api();
    // Items would hold 3 nested classes (Get, Parts, Parts.List): over a limit of 2.
    NamePlan.TooLargeException e = assertThrows(NamePlan.TooLargeException.class, () -> NamePlan.of(api, PKG, 2));
    assertEquals("/resources/items", e.pointer());
    assertTrue(e.getMessage().startsWith("too many operations for one resource class (items): its 3 nested"), e.getMessage());
  }
}
