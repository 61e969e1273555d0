package io.discogen.openapi;

import static io.discogen.testing.Reflect.call;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.GeneratedFile;
import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.runtime.ApiException;
import io.discogen.runtime.ClientOptions;
import io.discogen.runtime.Credentials;
import io.discogen.testing.Compilation;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated petstore client against Stoplight Prism's mock of the same spec: Prism checks
 * every request against the spec (422 for an invalid one, 401 without the API key) and answers
 * with responses generated from it, which the client must decode.
 *
 * <p>See {@link Prism} for where Prism comes from; skipped when absent, except on CI.
 */
class PrismTest {
  static Prism prism;
  static String rootUrl;
  static URLClassLoader loader;

  @BeforeAll
  static void start(@TempDir Path work) throws Exception {
    prism = Prism.start(PetstoreTest.SPEC);
    rootUrl = prism.rootUrl();

    List<GeneratedFile> files = Generator.render(
        new GeneratorOptions(List.of(PetstoreTest.SPEC), Path.of("unused"), "io.discogen.prism", true), p -> {}).files();
    Compilation.Result c = Compilation.compile(files, work);
    assertTrue(c.success(), c.report());
    loader = new URLClassLoader(new URL[] {c.classes().toUri().toURL()}, PrismTest.class.getClassLoader());
  }

  @AfterAll
  static void stop() throws Exception {
    if (prism != null) {
      prism.close();
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

  static Object model(String simpleName) throws Exception {
    return loader.loadClass("io.discogen.prism.model." + simpleName).getConstructor().newInstance();
  }

  static Object kind(String value) throws Throwable {
    return loader.loadClass("io.discogen.prism.model.Kind").getMethod("fromValue", String.class).invoke(null, value);
  }

  @Test
  void listDecodesPrismsExample() throws Throwable {
    Object request = call(call(service(apiKey()), "pets"), "listPets");
    call(request, "setLimit", 10);
    call(request, "setXRequestId", java.util.UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
    // Every query style, which Prism parses by the spec's style and validates against the schema.
    call(request, "setTags", List.of("a", "b"));
    // One id only: Prism 5 splits spaceDelimited values on a literal "%20" after decoding the
    // query, so it reads the spec's own "1%202" as the single item "1 2".
    call(request, "setIds", List.of(1L));
    call(request, "setSort", List.of("name", "age"));
    Object filter = model("Filter");
    call(filter, "setName", "Rex");
    call(filter, "setMinAge", 3);
    call(request, "setFilter", filter);
    Object page = call(request, "execute");
    assertNotNull(page);
    List<?> items = (List<?>) call(page, "getItems");
    assertNotNull(items);
    // Items are Pets (which extend NewPet); their details, a oneOf with a discriminator, decode
    // to the variant class the example's petType names.
    Object pet = items.get(0);
    assertEquals(loader.loadClass("io.discogen.prism.model.Pet"), pet.getClass());
    assertEquals(loader.loadClass("io.discogen.prism.model.NewPet"), pet.getClass().getSuperclass());
    Object details = call(pet, "getDetails");
    assertTrue(loader.loadClass("io.discogen.prism.model.NewPet$Details").isInstance(details));
    assertEquals(loader.loadClass("io.discogen.prism.model.Dog"), details.getClass());
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
  void headerListIsAccepted() throws Throwable {
    Object counts = call(call(call(service(apiKey()), "store"), "getInventory", List.of("x", "y")), "execute");
    assertTrue(counts instanceof java.util.Map);
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
    Object request = call(call(service(apiKey()), "pets"), "downloadPhoto", 7L);
    byte[] bytes = (byte[]) call(request, "execute");
    assertTrue(bytes.length > 0);
    try (InputStream in = (InputStream) call(request, "executeMediaAsInputStream")) {
      assertArrayEquals(bytes, in.readAllBytes()); // Prism answers a binary schema without example alike
    }
  }

  /**
   * A POST with a JSON body and a PDF response: Prism validates the body (422 without the
   * required owner) and serves the response's example, which streams like a GET's download;
   * asked for its 404 ({@code Prefer: code=404}), the declared error model decodes.
   */
  @Test
  void postBinaryResponseStreams() throws Throwable {
    Object body = model("CertificateRequest");
    call(body, "setOwner", "Ann");
    call(body, "setLanguage", loader.loadClass("io.discogen.prism.model.CertificateRequest$Language")
        .getMethod("fromValue", String.class).invoke(null, "de"));
    Object request = call(call(service(apiKey()), "pets"), "issueCertificate", 7L, body);
    byte[] example = "%PDF-1.4 certificate".getBytes(StandardCharsets.US_ASCII);
    try (InputStream in = (InputStream) call(request, "executeMediaAsInputStream")) {
      assertArrayEquals(example, in.readAllBytes());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    call(request, "executeMediaAndDownloadTo", out);
    assertArrayEquals(example, out.toByteArray());
    assertArrayEquals(example, (byte[]) call(request, "execute"));

    Object invalid = call(call(service(apiKey()), "pets"), "issueCertificate", 7L, model("CertificateRequest"));
    assertEquals(422, assertThrows(ApiException.class, () -> call(invalid, "executeMediaAsInputStream")).statusCode());

    call(request, "setHeader", "Prefer", "code=404");
    ApiException e = assertThrows(ApiException.class, () -> call(request, "executeMediaAsInputStream"));
    assertEquals(404, e.statusCode());
    Class<?> errorType = (Class<?>) request.getClass().getField("ERROR_TYPE").get(null);
    assertNotNull(call(e.errorAs(errorType), "getMessage"));
  }

  /**
   * Field semantics against Prism's validation of NewPet: an explicit null where the spec allows
   * one, an integer enum sent as a number, an RFC 3339 date-time with its offset, a URI, a
   * write-only field. The same body with an integer enum value the spec does not list is refused,
   * so Prism does check these fields.
   */
  @Test
  void fieldSemanticsPassPrismsValidation() throws Throwable {
    Object pet = model("NewPet");
    call(pet, "setName", "Rex");
    call(pet, "setKind", kind("dog"));
    call(pet, "clearTag");
    call(pet, "setPriority", loader.loadClass("io.discogen.prism.model.NewPet$Priority")
        .getMethod("fromValue", Long.class).invoke(null, 2L));
    call(pet, "setAdoptedAt", java.time.OffsetDateTime.parse("2024-01-02T03:04:05.5+02:00"));
    call(pet, "setHomepage", java.net.URI.create("https://rex.example/"));
    call(pet, "setMicrochipCode", "985112345678901");
    Object created = call(call(call(service(Credentials.bearerToken("token")), "pets"), "createPet", pet), "execute");
    assertTrue(call(created, "getCreatedAt") instanceof java.time.OffsetDateTime);
    assertNotNull(call(created, "getId"));

    call(pet, "setPriorityValue", 5L);
    Object invalid = call(call(service(Credentials.bearerToken("token")), "pets"), "createPet", pet);
    ApiException e = assertThrows(ApiException.class, () -> call(invalid, "execute"));
    assertEquals(422, e.statusCode());
  }
}
