package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.runtime.testapi.Widget;
import io.discogen.runtime.testapi.Widgets;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Batches with the hand-written Widgets client: wire format, request ids, retries of the whole batch. */
class BatchTest {
  private FakeServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** Answers each part with 200 and its Content-ID, in reverse order (matching is by ID). */
  static void answerAll(com.sun.net.httpserver.HttpExchange ex, FakeServer.Received req) throws java.io.IOException {
    Matcher ids = Pattern.compile("Content-ID: <(\\d+)>").matcher(req.bodyText());
    List<String> found = new ArrayList<>();
    while (ids.find()) {
      found.add(ids.group(1));
    }
    StringBuilder sb = new StringBuilder();
    for (int i = found.size() - 1; i >= 0; i--) {
      String json = "{\"name\":\"w" + found.get(i) + "\"}";
      sb.append("--resp\r\nContent-Type: application/http\r\nContent-ID: <response-").append(found.get(i))
          .append(">\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n").append(json).append("\r\n");
    }
    sb.append("--resp--\r\n");
    FakeServer.respondRaw(ex, 200, "multipart/mixed; boundary=resp", sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void wireFormatAndAnswersMatchedByContentId() throws Exception {
    server = new FakeServer((ex, req, n) -> answerAll(ex, req));
    Widgets w = new Widgets(server.options().credentials(Credentials.bearerToken("tok")).build());
    BatchRequest batch = new BatchRequest(w.client());
    List<String> names = new ArrayList<>();
    batch.queue(w.get("projects/p/widgets/a"), x -> names.add("get:" + x.getName()), e -> {});
    batch.queue(w.create("projects/p", new Widget().setName("new")), op -> names.add("create:" + op.getName()), e -> {});
    batch.execute();
    assertEquals(List.of("get:w1", "create:w2"), names,
        "answers came in reverse order; matched by Content-ID, callbacks run in queue order");
    FakeServer.Received r = server.last();
    assertEquals("/batch", r.rawPath());
    assertEquals("Bearer tok", r.header("Authorization"), "the outer request carries the credentials");
    assertTrue(r.header("Content-Type").startsWith("multipart/mixed; boundary="), r.header("Content-Type"));
    String body = r.bodyText();
    assertTrue(body.contains("GET /v1/projects/p/widgets/a?prettyPrint=false HTTP/1.1\r\n"), body);
    assertTrue(body.contains("Content-Type: application/http\r\n"), body);
    Matcher create = Pattern.compile("POST /v1/projects/p/widgets\\?requestId=([0-9a-f-]{36})&prettyPrint=false HTTP/1.1\r\n"
        + "Accept: application/json\r\nContent-Type: application/json; charset=UTF-8\r\nContent-Length: 14\r\n\r\n"
        + "\\{\"name\":\"new\"\\}").matcher(body);
    assertTrue(create.find(), body);
  }

  @Test
  void wholeBatchRetriedOnlyWhenEveryPartIsSafe() throws Exception {
    server = new FakeServer((ex, req, n) -> {
      if (n == 1) {
        FakeServer.respond(ex, 503, "{\"error\":{\"code\":503}}");
      } else {
        answerAll(ex, req);
      }
    });
    Widgets w = new Widgets(server.options().build());
    BatchRequest safe = new BatchRequest(w.client());
    List<String> got = new ArrayList<>();
    safe.queue(w.get("projects/p/widgets/a"), x -> got.add(x.getName()), e -> {});
    safe.queue(w.create("projects/p", new Widget()), x -> got.add(x.getName()), e -> {}); // has a request id
    safe.execute();
    assertEquals(2, got.size());
    assertEquals(2, server.count());
    String first = server.received().get(0).bodyText();
    String second = server.received().get(1).bodyText();
    Matcher id1 = Pattern.compile("requestId=([0-9a-f-]{36})").matcher(first);
    Matcher id2 = Pattern.compile("requestId=([0-9a-f-]{36})").matcher(second);
    assertTrue(id1.find() && id2.find());
    assertEquals(id1.group(1), id2.group(1), "the request id is kept across retries");

    server.close();
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 503, "{\"error\":{\"code\":503}}"));
    Widgets w2 = new Widgets(server.options().build());
    BatchRequest unsafe = new BatchRequest(w2.client());
    unsafe.queue(w2.insert("projects/p", new Widget()), x -> {}, e -> {}); // POST without request id
    ApiException e = assertThrows(ApiException.class, unsafe::execute);
    assertEquals(503, e.statusCode());
    assertEquals(1, server.count());
  }

  @Test
  void requestsOfAnotherApiAreRefused() throws Exception {
    server = new FakeServer((ex, req, n) -> answerAll(ex, req));
    Widgets w = new Widgets(server.options().build());
    ApiClient other = new ApiClient(new ServiceInfo("other", "v1", "https://o.googleapis.com/", null, "", "batch",
        List.of()), server.options().build());
    BatchRequest batch = new BatchRequest(other);
    assertThrows(IllegalArgumentException.class, () -> batch.queue(w.get("projects/p/widgets/a"), x -> {}, e -> {}));
    assertThrows(IllegalArgumentException.class,
        () -> new BatchRequest(w.client()).queue(w.get("bad"), x -> {}, e -> {}), "parameters checked when queued");
    new BatchRequest(w.client()).execute(); // empty: nothing sent
    assertEquals(0, server.count());
  }
}
