package io.discogen.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.ir.ApiModel;
import io.discogen.ir.Method;
import io.discogen.ir.ObjectSchema;
import io.discogen.ir.Property;
import io.discogen.ir.TypeRef;
import io.discogen.spec.SpecException;
import io.discogen.spec.SpecReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small inline documents: multi-file references, Swagger 2.0, names, rejections. */
class OpenApiParserTest {

  @Test
  void swaggerParsersMessagesBecomeLocatedWarnings() {
    assertEquals("f.json: /paths/~1pets~1{id}/get/responses: attribute responses is missing",
        OpenApiParser.warning("attribute paths.'/pets/{id}'(get).responses is missing", "f.json").toString());
    assertEquals("f.json: /components/schemas/Pet.v2/required: attribute required is not of type `array`",
        OpenApiParser.warning("attribute components.schemas.'Pet.v2'.required is not of type `array`", "f.json")
            .toString());
    assertEquals("f.json: /paths/~1a/get/parameters/limit/in: attribute in is missing",
        OpenApiParser.warning("attribute paths.'/a'(get).parameters.[limit].in is missing", "f.json").toString());
    assertEquals("f.json: /openapi: attribute openapi is missing",
        OpenApiParser.warning("attribute openapi is missing", "f.json").toString());
    assertEquals("f.json: /paths/~1x: declared path parameter id needs to be defined as a path parameter",
        OpenApiParser.warning("paths.'/x'. Declared path parameter id needs to be defined as a path parameter",
            "f.json").toString());
    assertEquals("f.json: /info/license/url: not a valid URL: ./LICENSE",
        OpenApiParser.warning("info.license../LICENSE", "f.json").toString());
    assertEquals("f.json: /components/schemas/P/$ref: target #/components/parameters/id/schema is not of expected"
            + " type Schema",
        OpenApiParser.warning(".components.schemas.P.$ref target #/components/parameters/id/schema is not of"
            + " expected type Schema", "f.json").toString());
    assertEquals("f.json: /components/schemas/T/default: attribute default is not of type `date-time`",
        OpenApiParser.warning("attribute components.schemas.T.default=`<built-in method now of datetime object at 0x7f>`"
            + " is not of type `date-time`", "f.json").toString());
    assertEquals(List.of(new io.discogen.spec.SpecProblem("specs/a.yaml", "",
            "Unable to load RELATIVE ref: m.yml path: specs")),
        OpenApiParser.warnings(List.of("Unable to load RELATIVE ref: m.yml path: "
            + Path.of("specs/a.yaml").toAbsolutePath().getParent()), Path.of("specs/a.yaml"), "specs/a.yaml"),
        "the spec's directory as the user named it, never an absolute path");
    assertEquals(List.of(new io.discogen.spec.SpecProblem("f.json", "/components/schemas/E/examples",
            "attribute examples is not of type `array`")),
        OpenApiParser.warnings(List.of("attribute components.schemas.E.examples is not of type `array`",
            "attribute components.schemas.E.examples is not of type `array` (#/components/schemas/E)"), "f.json"),
        "said twice, once with the component named again: one warning");
    assertEquals("f.json: /paths/~1a/post/requestBody/content: attribute content with no media type is unsupported",
        OpenApiParser.warning("attribute paths.'/a'(post).requestBody.content with no media type is unsupported",
            "f.json").toString());
    assertEquals("f.json: something else entirely", OpenApiParser.warning("something else entirely", "f.json")
        .toString());
    assertEquals(List.of(), OpenApiParser.warnings(null, "f.json"));
    assertEquals(1, OpenApiParser.warnings(List.of("attribute a is missing", "attribute a is missing", " "), "f.json")
        .size(), "duplicates and blanks dropped");
  }

  @Test
  void aReadableDocumentWithMessagesCarriesThemAsWarnings() throws Exception {
    ApiModel api = SpecReader.parse("""
        {"openapi": "3.0.3", "info": {"title": "t", "version": "1", "x": 1},
         "paths": {"/a": {"get": {"operationId": "getA"}}}}""".getBytes(StandardCharsets.UTF_8), "a.json");
    assertEquals(List.of("a.json: /info/x: attribute x is unexpected",
            "a.json: /paths/~1a/get/responses: attribute responses is missing"),
        api.warnings().stream().map(Object::toString).toList());
  }

  static ApiModel parse(String text) throws SpecException {
    return SpecReader.parse(text.getBytes(StandardCharsets.UTF_8), "api.yaml");
  }

  @Test
  void relativeReferencesToOtherFilesResolve(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("models.yaml"), """
        Pet:
          type: object
          properties:
            name: {type: string}
        """);
    Files.writeString(dir.resolve("api.yaml"), """
        openapi: 3.0.3
        info: {title: Multi, version: '1'}
        paths:
          /pets:
            get:
              operationId: listPets
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: array
                        items: {$ref: './models.yaml#/Pet'}
        """);
    ApiModel api = SpecReader.read(dir.resolve("api.yaml"), "api.yaml");
    Method m = api.allMethods().get(0);
    assertEquals(new TypeRef.ListOf(new TypeRef.Named("Pet")), m.response());
    ObjectSchema pet = (ObjectSchema) api.schemaIndex().get("Pet");
    assertEquals(List.of("name"), pet.properties().stream().map(Property::name).toList());
  }

  @Test
  void referencesToMissingFilesAreRefusedSayingWhatIsMissing(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("models.yaml"), "Pet: {type: string}\n");
    Files.writeString(dir.resolve("api.yaml"), """
        openapi: 3.0.3
        info: {title: Multi, version: '1'}
        paths:
          /pets:
            get:
              operationId: listPets
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: './missing.yaml#/components/schemas/X'}
        components:
          schemas:
            Owner:
              type: object
              properties:
                pet: {$ref: 'models.yaml#/Cat'}
        """);
    SpecException e = assertThrows(SpecException.class, () -> SpecReader.read(dir.resolve("api.yaml"), "api.yaml"));
    assertEquals(List.of(
        "api.yaml: /paths/~1pets/get/responses/200/content/application~1json/schema/$ref: $ref"
            + " ./missing.yaml#/components/schemas/X resolves to nothing: no file ./missing.yaml",
        "api.yaml: /components/schemas/Owner/properties/pet/$ref: $ref ./models.yaml#/Cat resolves to nothing:"
            + " no /Cat in ./models.yaml"),
        e.problems().stream().map(Object::toString).toList());
  }

  @Test
  void swagger2FormParametersBecomeAFormBody() throws Exception {
    ApiModel api = parse("""
        swagger: '2.0'
        info: {title: Old, version: '1'}
        host: old.example.com
        basePath: /v2
        schemes: [https]
        paths:
          /login:
            post:
              consumes: [application/x-www-form-urlencoded]
              parameters:
                - {name: user, in: formData, type: string, required: true}
                - {name: remember, in: formData, type: boolean}
              responses:
                '200': {description: ok}
        """);
    assertEquals("https://old.example.com/v2/", api.endpoints().rootUrl());
    Method m = api.allMethods().get(0);
    assertEquals("post login", m.name());
    assertEquals("application/x-www-form-urlencoded", m.requestContentType());
    ObjectSchema body = (ObjectSchema) api.schemaIndex().get(((TypeRef.Named) m.request()).schemaId());
    assertEquals(List.of("user", "remember"), body.properties().stream().map(Property::name).toList());
    assertTrue(body.properties().get(0).required());
  }

  @Test
  void fallbackNamesComeFromVerbAndPath() {
    assertEquals("get pets photos by petId", OperationConverter.fallbackName("GET", "/pets/{petId}/photos"));
    assertEquals("delete", OperationConverter.fallbackName("DELETE", "/"));
    assertEquals("pets/%20x/{id}", OperationConverter.template("/pets/ x/{id}"));
  }

  @Test
  void undeclaredPathVariablesBecomeRequiredStrings() throws Exception {
    ApiModel api = parse("""
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /things/{id}:
            get:
              responses:
                '204': {description: ok}
        """);
    Method m = api.allMethods().get(0);
    assertEquals("id", m.parameters().get(0).name());
    assertTrue(m.parameters().get(0).required());
  }

  @Test
  void referencesToNothingAreRefusedWithTheirPlace() {
    String doc = """
        openapi: 3.0.3
        info: {title: Broken, version: '1'}
        paths:
          /books/{id}:
            parameters:
              - {$ref: '#/components/parameters/NoSuchParam'}
            post:
              operationId: createBook
              requestBody: {$ref: '#/components/requestBodies/Missing'}
              responses:
                '200': {$ref: '#/components/responses/Gone'}
                '400':
                  description: bad
                  content:
                    application/json:
                      schema: {$ref: '#/components/parameters/Book'}
        components:
          parameters:
            Book: {name: b, in: query, schema: {type: string}}
          schemas:
            Book:
              type: object
              properties:
                author: {$ref: '#/components/schemas/Author'}
                tags: {type: array, items: {$ref: '#/components/schemas/Tag'}}
                extra: {$ref: 'elsewhere.yaml#/Extra'}
                deep: {$ref: '#/components/schemas/Book/properties/author'}
        """;
    SpecException e = assertThrows(SpecException.class, () -> parse(doc));
    List<String> lines = e.problems().stream().map(Object::toString).toList();
    assertEquals(List.of(
        // swagger-parser moves path-level parameters into each operation: named there
        "api.yaml: /paths/~1books~1{id}/post/parameters/0/$ref: $ref #/components/parameters/NoSuchParam resolves to nothing:"
            + " no parameter named NoSuchParam in components.parameters",
        "api.yaml: /paths/~1books~1{id}/post/requestBody/$ref: $ref #/components/requestBodies/Missing resolves to"
            + " nothing: no request body named Missing in components.requestBodies",
        "api.yaml: /paths/~1books~1{id}/post/responses/200/$ref: $ref #/components/responses/Gone resolves to nothing:"
            + " no response named Gone in components.responses",
        "api.yaml: /paths/~1books~1{id}/post/responses/400/content/application~1json/schema/$ref: $ref"
            + " #/components/parameters/Book names a component of kind parameters where a schema is needed"),
        lines.subList(0, 4));
    assertTrue(lines.contains("api.yaml: /components/schemas/Book/properties/author/$ref: $ref #/components/schemas/Author"
        + " resolves to nothing: no schema named Author in components.schemas"), lines.toString());
    assertTrue(lines.contains("api.yaml: /components/schemas/Book/properties/tags/items/$ref: $ref"
        + " #/components/schemas/Tag resolves to nothing: no schema named Tag in components.schemas"), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("api.yaml: /components/schemas/Book/properties/extra/$ref:")
        && l.endsWith("cannot be resolved")), lines.toString());
    assertEquals(7, lines.size(), lines.toString());
  }

  @Test
  void unreadableDocumentsAreRejectedInOneLine() {
    SpecException e = assertThrows(SpecException.class, () -> parse("openapi: [unclosed\n"));
    assertEquals(1, e.problems().size());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertTrue(e.getMessage().startsWith("api.yaml: "), e.getMessage());
  }

  @Test
  void describedReferencesAreReferences() throws Exception {
    // AWS style: every property is {allOf: [{$ref: X}, {description: ...}]}, and Type and
    // ColumnInfo refer to each other. Each is a reference, not a merged inline copy (which
    // expanded the recursion inline until the nested class names were too long).
    ApiModel api = parse("""
        openapi: 3.0.3
        info: {title: Described, version: '1'}
        paths: {}
        components:
          schemas:
            Type:
              type: object
              properties:
                ArrayColumnInfo:
                  allOf: [{$ref: '#/components/schemas/ColumnInfo'}, {description: An array.}]
            ColumnInfo:
              type: object
              properties:
                Type:
                  allOf: [{$ref: '#/components/schemas/Type'}, {description: The type.}]
                Name:
                  allOf: [{$ref: '#/components/schemas/Name'}, {description: The name.}]
            Name: {type: string}
        """);
    ObjectSchema type = (ObjectSchema) api.schemaIndex().get("Type");
    ObjectSchema column = (ObjectSchema) api.schemaIndex().get("ColumnInfo");
    assertEquals(List.of(), type.nested());
    assertEquals(List.of(), column.nested());
    assertEquals(new TypeRef.Named("ColumnInfo"), type.properties().get(0).type());
    assertEquals(new TypeRef.Named("Type"), column.properties().get(0).type());
    assertEquals(new TypeRef.Named("Name"), column.properties().get(1).type());
  }

  @Test
  void enumsTooLongForJavaStayStrings() throws Exception {
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < 1001; i++) {
      values.append(i == 0 ? "" : ", ").append("U").append(i);
    }
    ApiModel api = parse("""
        openapi: 3.0.3
        info: {title: Units, version: '1'}
        paths: {}
        components:
          schemas:
            Line:
              type: object
              properties:
                unit: {type: string, enum: [%s]}
                small: {type: string, enum: [A, B]}
        """.formatted(values));
    ObjectSchema line = (ObjectSchema) api.schemaIndex().get("Line");
    assertEquals(TypeRef.of(TypeRef.Kind.STRING), line.properties().get(0).type());
    assertTrue(line.properties().get(1).type() instanceof TypeRef.Named, "short enums stay enums");
  }
}
