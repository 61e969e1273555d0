package io.discogen.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.GeneratedFile;
import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.ir.ApiModel;
import io.discogen.ir.Method;
import io.discogen.ir.Parameter;
import io.discogen.ir.Resource;
import io.discogen.ir.SecurityScheme;
import io.discogen.ir.SpecSource;
import io.discogen.ir.TypeRef;
import io.discogen.ir.UnionSchema;
import io.discogen.runtime.json.Json;
import io.discogen.spec.SpecReader;
import io.discogen.testing.Compilation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The petstore spec in {@code specs/}: read into the IR, generated, compiled warning-free. */
class PetstoreTest {
  static final Path SPEC = Path.of("../specs/petstore.openapi.yaml");

  static ApiModel api() throws Exception {
    return SpecReader.read(SPEC, "specs/petstore.openapi.yaml");
  }

  static Method method(ApiModel api, String id) {
    return api.allMethods().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void readsIntoTheIr() throws Exception {
    ApiModel api = api();
    assertEquals(SpecSource.Format.OPENAPI, api.source().format());
    assertEquals("Petstore", api.name());
    assertEquals("https://eu.petstore.example.com/v1/", api.endpoints().rootUrl());
    assertEquals(List.of("pets", "store", "health"), api.resources().stream().map(Resource::name).toList());

    Method get = method(api, "getPet");
    assertEquals("GET", get.httpMethod());
    assertEquals("pets/{petId}", get.path());
    Parameter petId = get.parameters().get(0);
    assertEquals(Parameter.Location.PATH, petId.location());
    assertTrue(petId.required());
    assertEquals(TypeRef.of(TypeRef.Kind.INT64_NUMBER), petId.type());
    assertEquals(new TypeRef.Named("Pet"), get.response());

    Method list = method(api, "listPets");
    assertEquals(List.of("limit", "status", "X-Request-Id", "tags", "ids", "sort", "filter"), list.parameters().stream().map(Parameter::name).toList());
    assertTrue(list.parameters().get(1).type() instanceof TypeRef.ListOf);
    assertEquals(TypeRef.of(TypeRef.Kind.UUID), list.parameters().get(2).type());
    assertEquals(1, list.enums().size());

    assertEquals(List.of(
            new SecurityScheme("apiKey", SecurityScheme.Kind.API_KEY, "X-API-Key", Parameter.Location.HEADER, null),
            new SecurityScheme("bearer", SecurityScheme.Kind.HTTP_BEARER, null, null, null)),
        api.securitySchemes());

    assertEquals("application/x-www-form-urlencoded", method(api, "placeOrder").requestContentType());
    assertEquals("multipart/form-data", method(api, "uploadPhoto").requestContentType());
    assertEquals(TypeRef.of(TypeRef.Kind.BINARY), method(api, "downloadPhoto").response());
    // Binary responses stream for every verb; only a GET's resumes (with ranged GETs).
    assertEquals(new io.discogen.ir.BinaryResponse(true), method(api, "downloadPhoto").binaryResponse());
    assertEquals(TypeRef.of(TypeRef.Kind.BINARY), method(api, "issueCertificate").response());
    assertEquals(new io.discogen.ir.BinaryResponse(false), method(api, "issueCertificate").binaryResponse());
    assertEquals(null, method(api, "getPet").binaryResponse());
    assertEquals(null, method(api, "createPet").requestContentType());

    UnionSchema details = (UnionSchema) api.schemaIndex().get("NewPet.details");
    assertEquals(List.of(new TypeRef.Named("Dog"), new TypeRef.Named("Cat")), details.variants());
    assertEquals("petType", details.discriminatorProperty());
    assertEquals(java.util.Map.of("dog", "Dog", "cat", "Cat"), details.discriminatorMapping());

    Method untagged = api.allMethods().stream().filter(m -> m.path().equals("health")).findFirst().orElseThrow();
    assertEquals("get health", untagged.name());
    assertNotNull(untagged.response());
  }

  @Test
  void generatesCodeThatCompilesWithoutWarnings(@TempDir Path work) throws Exception {
    List<GeneratedFile> files = Generator.render(
        new GeneratorOptions(List.of(SPEC), Path.of("unused"), "io.discogen.petstore", true), p -> {}).files();
    Compilation.Result r = Compilation.compile(files, work);
    assertTrue(r.success(), r.report());
    assertEquals(List.of(), r.warnings(), r.report());
    String service = new String(files.stream().filter(f -> f.path().endsWith("/Petstore.java")).findFirst()
        .orElseThrow().content(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(service.contains("public static Credentials apiKeyCredentials(String key)"), service);
    assertTrue(service.contains("Credentials.apiKey(\"X-API-Key\", Credentials.KeyLocation.HEADER, key)"), service);
    assertTrue(service.contains(".contentType(\"multipart/form-data\")"), service);
    assertTrue(service.contains(".binaryPart(\"file\")"), service);

    // oneOf of objects with a discriminator: a sealed interface Dog and Cat implement, chosen by petType.
    assertTrue(new String(files.stream().filter(f -> f.path().endsWith("/Dog.java")).findFirst().orElseThrow()
        .content(), java.nio.charset.StandardCharsets.UTF_8).contains("public final class Dog extends JsonModel implements NewPet.Details"));
    try (java.net.URLClassLoader loader = new java.net.URLClassLoader(
        new java.net.URL[] {r.classes().toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> newPet = loader.loadClass("io.discogen.petstore.model.NewPet");
      Class<?> details = loader.loadClass("io.discogen.petstore.model.NewPet$Details");
      assertTrue(details.isSealed());
      String wire = "{\"name\":\"Rex\",\"kind\":\"dog\",\"details\":{\"petType\":\"dog\",\"barks\":true}}";
      Object pet = Json.get().read(wire, newPet);
      Object dog = newPet.getMethod("getDetails").invoke(pet);
      assertEquals(loader.loadClass("io.discogen.petstore.model.Dog"), dog.getClass());
      assertEquals(true, dog.getClass().getMethod("getBarks").invoke(dog));
      // Pet extends NewPet (allOf of NewPet plus its own properties).
      assertEquals(newPet, loader.loadClass("io.discogen.petstore.model.Pet").getSuperclass());
      assertEquals(Json.get().mapper().readTree(wire), Json.get().tree(pet));
    }
  }
}
