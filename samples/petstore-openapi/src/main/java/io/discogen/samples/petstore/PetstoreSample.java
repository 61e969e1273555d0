package io.discogen.samples.petstore;

import io.discogen.runtime.ApiException;
import io.discogen.runtime.ClientOptions;
import io.discogen.runtime.Credentials;
import io.discogen.samples.petstore.client.Petstore;
import io.discogen.samples.petstore.client.model.CertificateRequest;
import io.discogen.samples.petstore.client.model.Dog;
import io.discogen.samples.petstore.client.model.Error;
import io.discogen.samples.petstore.client.model.Filter;
import io.discogen.samples.petstore.client.model.Kind;
import io.discogen.samples.petstore.client.model.NewPet;
import io.discogen.samples.petstore.client.model.Order;
import io.discogen.samples.petstore.client.model.Pet;
import io.discogen.samples.petstore.client.model.PetPage;
import io.discogen.samples.petstore.client.model.PlaceOrderBody;
import io.discogen.samples.petstore.client.model.UploadPhotoBody;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives a client generated from {@code specs/petstore.openapi.yaml}: creates a pet (JSON body
 * with an enum, a nullable field and a oneOf), reads it back (allOf), lists with every query
 * style, places an order (form body), uploads a photo (multipart) and streams it back, streams a
 * POST's PDF response into a file, uses API-key and bearer auth, and decodes the declared error
 * model from failures.
 *
 * <p>By default it talks to an embedded fake of the API that it starts itself, and checks every
 * value. With {@code --root-url URL} it talks to that server instead, for example Stoplight
 * Prism's mock of the same spec ({@code prism mock specs/petstore.openapi.yaml}, then {@code
 * --root-url http://127.0.0.1:4010/}), which validates every request against the spec and answers
 * with examples: then only the shapes are checked, not the values. Any failure ends it with an
 * exception (non-zero exit).
 */
public final class PetstoreSample {
  static final String API_KEY = "sample-key";
  static final String TOKEN = "sample-token";

  private PetstoreSample() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> flags = flags(args);
    String rootUrl = flags.get("root-url");
    FakePetstoreServer fake = null;
    if (rootUrl == null) {
      fake = FakePetstoreServer.start(API_KEY, TOKEN);
      rootUrl = fake.rootUrl();
      System.out.println("Using the embedded fake petstore at " + rootUrl);
    } else {
      System.out.println("Using " + rootUrl + " (values not checked: a mock answers with examples)");
    }
    try {
      run(rootUrl, fake != null);
    } finally {
      if (fake != null) {
        fake.close();
      }
    }
  }

  /**
   * The whole tour.
   *
   * @param strict whether the server is the fake, whose answers are known exactly
   */
  public static void run(String rootUrl, boolean strict) throws IOException {
    // Two schemes, two clients: reads take the API key, createPet a bearer token.
    Petstore petstore = new Petstore(options(rootUrl, Petstore.apiKeyCredentials(API_KEY)));
    Petstore bearer = new Petstore(options(rootUrl, Credentials.bearerToken(TOKEN)));
    Petstore anonymous = new Petstore(options(rootUrl, Credentials.none()));

    // 1. Create: a JSON body with an enum (kind), a nullable field left null (tag), and a oneOf
    // (details: the sealed interface NewPet.Details, a Dog or a Cat told apart by petType).
    NewPet rex = new NewPet()
        .setName("Rex")
        .setKind(Kind.DOG)
        .setBirthday(LocalDate.of(2020, 5, 17))
        .setDetails(new Dog().setPetType("dog").setBarks(true));
    Pet created = bearer.pets().createPet(rex).execute();
    check(created.getId() != null, "a created pet has an id");
    check(created.getKind() != null, "a created pet has a kind");
    if (strict) {
      check("Rex".equals(created.getName()), "created name: " + created.getName());
      check(created.getKind() == Kind.DOG, "created kind: " + created.getKind());
      check(created.getTag() == null, "tag is null: " + created.getTag());
      check(created.getDetails() instanceof Dog dog && Boolean.TRUE.equals(dog.getBarks()), "details are a barking dog");
      check(created.getStatus() == Pet.Status.AVAILABLE, "status: " + created.getStatus());
    }
    System.out.println("Created pet " + created.getId() + " (" + created.getName() + ", " + created.getKind() + ")");
    bearer.pets().createPet(new NewPet().setName("Tom").setKind(Kind.CAT).setTag("indoor")).execute();

    // 2. Read it back: Pet is NewPet's fields plus its own (allOf).
    Pet got = petstore.pets().getPet(created.getId()).execute();
    check(got.getName() != null && got.getCreatedAt() != null, "a pet has a name and a creation time");
    if (strict) {
      check(got.equals(created), "get returns what create returned");
    }
    System.out.println("Got pet " + got.getId() + ", created at " + got.getCreatedAt());

    // 3. List with every query style: form exploded (status=a&status=b), form not exploded
    // (tags=a,b), spaceDelimited (ids), pipeDelimited (sort), deepObject (filter[name]=...).
    PetPage page = petstore.pets().listPets()
        .setLimit(10)
        .setStatusValue(List.of("available", "pending"))
        .setIds(List.of(created.getId()))
        .setSort(List.of("name", "id"))
        .setFilter(new Filter().setName("Rex").setMinAge(1))
        .execute();
    check(page.getItems() != null, "a page has items");
    if (strict) {
      check(page.getItems().size() == 1 && page.getItems().get(0).getName().equals("Rex"),
          "the filter keeps only Rex: " + page.getItems());
      PetPage tagged = petstore.pets().listPets().setTags(List.of("indoor", "x,y")).execute();
      check(tagged.getItems().isEmpty(), "no pet has both tags 'indoor' and 'x,y'");
      tagged = petstore.pets().listPets().setTags(List.of("indoor")).setIds(List.of(1L, 2L, 3L)).execute();
      check(tagged.getItems().size() == 1 && tagged.getItems().get(0).getName().equals("Tom"),
          "tags=indoor and ids=1 2 3 find Tom: " + tagged.getItems());
    }
    System.out.println("Listed " + page.getItems().size() + " pet(s) with every query style");

    // 4. A form body (application/x-www-form-urlencoded).
    Order order = petstore.store().placeOrder(new PlaceOrderBody().setPetId(created.getId()).setQuantity(2).setRush(true))
        .execute();
    check(order.getId() != null, "an order has an id");
    if (strict) {
      check(order.getQuantity() == 2 && order.getPetId().equals(created.getId())
          && order.getStatus() == Order.Status.PLACED, "order: " + order);
    }
    System.out.println("Placed order " + order.getId() + " (" + order.getStatus() + ")");

    // 5. A multipart upload, then the photo back as a stream (and into an OutputStream).
    byte[] photo = new byte[100_000];
    for (int i = 0; i < photo.length; i++) {
      photo[i] = (byte) (i * 7 + i / 256);
    }
    petstore.pets().uploadPhoto(created.getId(), new UploadPhotoBody().setFile(photo).setCaption("Rex in the sun"))
        .execute();
    try (InputStream in = petstore.pets().downloadPhoto(created.getId()).executeMediaAsInputStream()) {
      byte[] back = in.readAllBytes();
      check(!strict || Arrays.equals(photo, back), "the photo comes back as uploaded");
      System.out.println("Uploaded and streamed back a photo of " + back.length + " bytes");
    }
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    petstore.pets().downloadPhoto(created.getId()).executeMediaAndDownloadTo(copy);
    check(!strict || Arrays.equals(photo, copy.toByteArray()), "the photo downloads into a stream");

    // 6. A POST with a JSON body whose response is a PDF. execute() would return it as a byte[];
    // streamed, it goes to a file as it arrives. Unlike a GET's download it is not resumed if the
    // connection breaks (that would repeat the POST): the copy fails instead.
    CertificateRequest owner = new CertificateRequest().setOwner("Ann").setLanguage(CertificateRequest.Language.DE);
    Path pdf = Files.createTempFile("certificate", ".pdf");
    try {
      try (OutputStream file = Files.newOutputStream(pdf)) {
        petstore.pets().issueCertificate(created.getId(), owner).executeMediaAndDownloadTo(file);
      }
      byte[] written = Files.readAllBytes(pdf);
      String text = new String(written, StandardCharsets.ISO_8859_1);
      check(text.startsWith("%PDF-"), "a certificate is a PDF");
      if (strict) {
        check(text.contains("Adoption certificate: Rex, adopted by Ann (de)"), "the certificate names Rex and Ann");
        check(text.endsWith("%%EOF\n") && written.length > FakePetstoreServer.CERTIFICATE_PAGES
            * FakePetstoreServer.PAGE_BYTES, "the whole certificate arrived: " + written.length + " bytes");
      }
      System.out.println("Streamed a " + written.length + "-byte certificate (POST) into a file");
    } finally {
      Files.delete(pdf);
    }
    try (InputStream in = petstore.pets().issueCertificate(created.getId(), owner).executeMediaAsInputStream()) {
      // Only the header is read: closing the stream early ends the exchange.
      check("%PDF-".equals(new String(in.readNBytes(5), StandardCharsets.US_ASCII)), "the stream starts a PDF");
    }
    if (strict) {
      try {
        petstore.pets().issueCertificate(404_404L, owner).executeMediaAsInputStream().close();
        throw new IllegalStateException("expected a 404 for a certificate of no pet");
      } catch (ApiException e) {
        Error error = e.errorAs(Petstore.Pets.IssueCertificate.ERROR_TYPE);
        check(e.statusCode() == 404 && error.getCode() == 404, "certificate of no pet: " + e.getMessage());
      }
    }

    // 7. A header list (simple style) and a map response.
    Map<String, Integer> inventory = petstore.store().getInventory(List.of("sample", "inventory")).execute();
    check(inventory != null, "an inventory");
    if (strict) {
      check(Integer.valueOf(2).equals(inventory.get("available")), "inventory: " + inventory);
    }
    System.out.println("Inventory: " + inventory);

    // 8. Errors: the declared error model decodes from the exception; no key is a 401.
    try {
      bearer.pets().createPet(new NewPet()).execute(); // name and kind are required
      throw new IllegalStateException("expected a 422 for a pet without name and kind");
    } catch (ApiException e) {
      check(e.statusCode() == 422, "invalid pet: " + e.statusCode());
      Error error = e.errorAs(Petstore.Pets.CreatePet.ERROR_TYPE);
      check(error != null && error.getMessage() != null, "the 422 carries an Error");
      System.out.println("Invalid pet rejected: " + e.statusCode() + " " + error.getMessage());
    }
    try {
      anonymous.pets().listPets().execute();
      throw new IllegalStateException("expected a 401 without the API key");
    } catch (ApiException e) {
      check(e.statusCode() == 401, "no key: " + e.statusCode());
      System.out.println("Without the API key: " + e.statusCode());
    }
    if (strict) {
      petstore.pets().deletePet(created.getId()).execute();
      try {
        petstore.pets().getPet(created.getId()).execute();
        throw new IllegalStateException("expected a 404 after delete");
      } catch (ApiException e) {
        Error error = e.errorAs(Error.class);
        check(e.statusCode() == 404 && error.getCode() == 404, "deleted pet: " + e.getMessage());
        System.out.println("Get after delete: " + e.statusCode() + " " + error.getMessage());
      }
    }
    System.out.println("Done.");
  }

  private static ClientOptions options(String rootUrl, Credentials credentials) {
    return ClientOptions.builder().rootUrl(rootUrl).credentials(credentials).build();
  }

  static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("check failed: " + what);
    }
  }

  private static Map<String, String> flags(String[] args) {
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --flag value pairs, got " + args[i]);
      }
      flags.put(args[i].substring(2), args[i + 1]);
    }
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("expected --flag value pairs, got " + String.join(" ", args));
    }
    return flags;
  }
}
