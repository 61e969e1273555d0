package io.discogen.openapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.discogen.GeneratedFile;
import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.runtime.ApiException;
import io.discogen.runtime.ClientOptions;
import io.discogen.runtime.Credentials;
import io.discogen.testing.Compilation;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated petstore client against Stoplight Prism's mock of the same spec: Prism checks
 * every request against the spec (422 for an invalid one, 401 without the API key) and answers
 * with responses generated from it, which the client must decode.
 *
 * <p>Prism is installed outside git by {@code .ci/prism.sh} into {@code generator/target/prism};
 * {@code -Ddiscogen.prism=PATH} names another {@code prism} executable. Skipped when absent,
 * except on CI.
 */
class PrismTest {
  static Process prism;
  static String rootUrl;
  static URLClassLoader loader;

  static Path prismExecutable() {
    String prop = System.getProperty("discogen.prism");
    Path p = prop != null && !prop.isBlank() ? Paths.get(prop)
        : Paths.get("").toAbsolutePath().resolve("target/prism/node_modules/.bin/prism");
    return Files.isExecutable(p) ? p : null;
  }

  @BeforeAll
  static void start(@TempDir Path work) throws Exception {
    Path exe = prismExecutable();
    if (exe == null && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("Prism is missing on CI: run .ci/prism.sh");
    }
    assumeTrue(exe != null, "Prism not installed; run .ci/prism.sh");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    prism = new ProcessBuilder(exe.toString(), "mock", "-h", "127.0.0.1", "-p", String.valueOf(port),
        PetstoreTest.SPEC.toAbsolutePath().toString())
        .redirectErrorStream(true)
        .start();
    CompletableFuture<Boolean> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(prism.getInputStream(), StandardCharsets.UTF_8))) {
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
    rootUrl = "http://127.0.0.1:" + port + "/";

    List<GeneratedFile> files = Generator.render(
        new GeneratorOptions(List.of(PetstoreTest.SPEC), Path.of("unused"), "io.discogen.prism", true), p -> {}).files();
    Compilation.Result c = Compilation.compile(files, work);
    assertTrue(c.success(), c.report());
    loader = new URLClassLoader(new URL[] {c.classes().toUri().toURL()}, PrismTest.class.getClassLoader());
  }

  @AfterAll
  static void stop() throws Exception {
    if (prism != null) {
      prism.destroy();
      prism.waitFor(10, TimeUnit.SECONDS);
    }
    if (loader != null) {
      loader.close();
    }
  }

  static Object service(Credentials credentials) throws Exception {
    Class<?> cls = loader.loadClass("io.discogen.prism.Petstore");
    return cls.getConstructor(ClientOptions.class)
        .newInstance(ClientOptions.builder().rootUrl(rootUrl).credentials(credentials).build());
  }

  static Credentials apiKey() throws Exception {
    return (Credentials) loader.loadClass("io.discogen.prism.Petstore")
        .getMethod("apiKeyCredentials", String.class).invoke(null, "secret");
  }

  /** Calls the one public method called {@code name} that takes {@code args.length} arguments. */
  static Object call(Object target, String name, Object... args) throws Throwable {
    for (Method m : target.getClass().getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == args.length) {
        try {
          return m.invoke(target, args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }
    }
    throw new NoSuchMethodException(name);
  }

  static Object model(String simpleName) throws Exception {
    return loader.loadClass("io.discogen.prism." + simpleName).getConstructor().newInstance();
  }

  static Object kind(String value) throws Throwable {
    return loader.loadClass("io.discogen.prism.Kind").getMethod("fromValue", String.class).invoke(null, value);
  }

  @Test
  void listDecodesPrismsExample() throws Throwable {
    Object request = call(call(service(apiKey()), "pets"), "listPets");
    call(request, "setLimit", 10);
    call(request, "setXRequestId", java.util.UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
    Object page = call(request, "execute");
    assertNotNull(page);
    List<?> items = (List<?>) call(page, "getItems");
    assertNotNull(items);
    // Items are Pets (which extend NewPet); their details, a oneOf with a discriminator, decode
    // to the variant class the example's petType names.
    Object pet = items.get(0);
    assertEquals(loader.loadClass("io.discogen.prism.Pet"), pet.getClass());
    assertEquals(loader.loadClass("io.discogen.prism.NewPet"), pet.getClass().getSuperclass());
    Object details = call(pet, "getDetails");
    assertTrue(loader.loadClass("io.discogen.prism.NewPet$Details").isInstance(details));
    assertEquals(loader.loadClass("io.discogen.prism.Dog"), details.getClass());
    assertEquals(true, call(details, "getBarks"));
  }

  @Test
  void validJsonBodyIsAccepted() throws Throwable {
    Object pet = model("NewPet");
    call(pet, "setName", "Rex");
    call(pet, "setKind", kind("dog"));
    Object created = call(call(call(service(Credentials.bearerToken("token")), "pets"), "createPet", pet), "execute");
    assertNotNull(created);
  }

  @Test
  void invalidBodyIsRejectedWith422() throws Throwable {
    Object pet = model("NewPet"); // name and kind are required
    Object request = call(call(service(Credentials.bearerToken("token")), "pets"), "createPet", pet);
    ApiException e = assertThrows(ApiException.class, () -> call(request, "execute"));
    assertEquals(422, e.statusCode());
  }

  @Test
  void missingApiKeyIsRejectedWith401() throws Throwable {
    Object request = call(call(service(Credentials.none()), "pets"), "listPets");
    ApiException e = assertThrows(ApiException.class, () -> call(request, "execute"));
    assertEquals(401, e.statusCode());
  }

  @Test
  void formAndMultipartBodiesAreAccepted() throws Throwable {
    Object order = model("PlaceOrderBody");
    call(order, "setPetId", 7L);
    call(order, "setQuantity", 2);
    Object placed = call(call(call(service(apiKey()), "store"), "placeOrder", order), "execute");
    assertNotNull(placed);

    Object photo = model("UploadPhotoBody");
    call(photo, "setFile", new byte[] {1, 2, 3});
    call(photo, "setCaption", "hi");
    call(call(call(service(apiKey()), "pets"), "uploadPhoto", 7L, photo), "execute");
  }

  @Test
  void binaryDownloadReturnsBytes() throws Throwable {
    Object bytes = call(call(call(service(apiKey()), "pets"), "downloadPhoto", 7L), "execute");
    assertTrue(bytes instanceof byte[]);
    assertArrayEquals((byte[]) bytes, (byte[]) bytes);
  }
}
