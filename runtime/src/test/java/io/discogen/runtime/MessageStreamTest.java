package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Responses read as a stream of messages ({@link ClientRequest#executeStream()}): the three wire
 * forms, decoded as they arrive, retried only before the headers, broken streams and early close.
 */
@Timeout(60)
class MessageStreamTest {
  static final ServiceInfo SERVICE = new ServiceInfo("msgs", "v1", "https://msgs.example.com/", null, "v1/", null,
      List.of());

  /** A message: public fields, as Jackson reads them. */
  static final class Msg {
    public int n;
    public String s;
  }

  static final class Fetch extends ClientRequest<Msg, Fetch> {
    Fetch(ApiClient client, String verb) {
      super(client, RestMethod.builder("msgs.stream", verb, "msgs:stream").build(), null, Msg.class);
    }
  }

  static final class Raw extends ClientRequest<byte[], Raw> {
    Raw(ApiClient client) {
      super(client, RestMethod.builder("msgs.raw", "GET", "raw").build(), null, byte[].class);
    }
  }

  private FakeServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private ApiClient client() {
    return new ApiClient(SERVICE, server.options().build());
  }

  /** Sends 200 with a chunked body of this content type; the caller writes it. */
  static OutputStream open(HttpExchange ex, String contentType) throws IOException {
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.sendResponseHeaders(200, 0);
    return ex.getResponseBody();
  }

  static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  static List<Integer> ns(ResponseStream<Msg> stream) {
    return stream.stream().map(m -> m.n).collect(Collectors.toList());
  }

  static String messages(int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"n\":").append(i).append(",\"s\":\"message ").append(i).append("\"}");
    }
    return sb.toString();
  }

  @Test
  void altSseIsSetByNameAsWithTheOfficialClients() throws Exception {
    server = new FakeServer((ex, req, n) -> {
      if (!req.query("alt").equals(List.of("sse"))) {
        FakeServer.respond(ex, 400, "{\"error\":{\"code\":400,\"message\":\"no alt=sse\"}}");
        return;
      }
      OutputStream out = open(ex, "text/event-stream");
      write(out, "data: {\"n\":1}\n\ndata: {\"n\":2}\n\n");
      out.close();
    });
    try (ResponseStream<Msg> stream = new Fetch(client(), "POST").set("alt", "sse").executeStream()) {
      assertEquals(List.of(1, 2), ns(stream));
    }
  }

  @Test
  void aMessageOverTheResponseLimitFailsTheStreamNotTheHeap() throws Exception {
    // One endless server-sent-events line, and one huge JSON message after a small one.
    server = new FakeServer((ex, req, n) -> {
      OutputStream out = open(ex, n == 1 ? "text/event-stream" : "application/json");
      write(out, n == 1 ? "data: {\"s\":\"" : "[{\"n\":1},{\"s\":\"");
      byte[] chunk = "x".repeat(8192).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 10_000; i++) { // 80 MB unless the client stops reading
        out.write(chunk);
      }
    });
    ApiClient client = new ApiClient(SERVICE, server.options().maxResponseBytes(100_000).build());
    for (int expectedRead = 0; expectedRead <= 1; expectedRead++) {
      try (ResponseStream<Msg> stream = new Fetch(client, "GET").executeStream()) {
        if (expectedRead == 1) {
          assertEquals(1, stream.next().n);
        }
        ResponseStreamException e = assertThrows(ResponseStreamException.class, stream::hasNext);
        assertEquals(expectedRead, e.messagesRead());
        assertTrue(e.getMessage().contains("larger than 100000 bytes (ClientOptions.maxResponseBytes)"), e.getMessage());
      }
    }
  }

  @Test
  void aStreamThatStallsFailsAfterTheRequestTimeout() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    server = new FakeServer((ex, req, n) -> {
      OutputStream out = open(ex, "application/json");
      write(out, "[{\"n\":1},");
      try {
        done.await(30, TimeUnit.SECONDS); // then nothing more, the connection kept open
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    ApiClient client = new ApiClient(SERVICE, server.options().requestTimeout(java.time.Duration.ofMillis(500)).build());
    try (ResponseStream<Msg> stream = new Fetch(client, "GET").executeStream()) {
      assertEquals(1, stream.next().n);
      long start = System.nanoTime();
      ResponseStreamException e = assertThrows(ResponseStreamException.class, stream::hasNext);
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals(1, e.messagesRead());
      assertTrue(e.getMessage().contains("no message within 500 ms after 1 message"), e.getMessage());
      assertTrue(ms >= 400 && ms < 10_000, "waited " + ms + " ms");
    } finally {
      done.countDown();
    }
  }

  @Test
  void aLargeJsonArrayIsDecodedAsItArrives() throws Exception {
    // The server sends half, then waits until the test has read the first message: a client that
    // buffered the body would wait forever (here: until the server gives up and cuts the body).
    CountDownLatch firstRead = new CountDownLatch(1);
    server = new FakeServer((ex, req, n) -> {
      OutputStream out = open(ex, "application/json; charset=UTF-8");
      write(out, "[" + messages(0, 50_000));
      try {
        if (!firstRead.await(20, TimeUnit.SECONDS)) {
          return; // the body stays cut: the test fails
        }
      } catch (InterruptedException e) {
        return;
      }
      write(out, messages(50_000, 100_000) + "]");
    });
    try (ResponseStream<Msg> stream = new Fetch(client(), "GET").executeStream()) {
      Msg first = stream.next();
      assertEquals(0, first.n);
      assertEquals("message 0", first.s);
      firstRead.countDown();
      int expected = 1;
      for (Msg m : stream) {
        assertEquals(expected++, m.n);
      }
      assertEquals(100_000, expected);
      assertEquals(100_000, stream.messagesRead());
      assertFalse(stream.hasNext());
      assertThrows(NoSuchElementException.class, stream::next);
    }
    assertEquals(1, server.count());
    assertEquals("application/json", server.last().header("Accept"));
  }

  @Test
  void newlineDelimitedAndConcatenatedJson() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respondRaw(ex, 200, "application/x-ndjson",
        "{\"n\":1}\n{\"n\":2}\r\n\n{\"n\":3}{\"n\":4}\n".getBytes(StandardCharsets.UTF_8)));
    try (ResponseStream<Msg> stream = new Fetch(client(), "GET").executeStream()) {
      assertEquals(List.of(1, 2, 3, 4), ns(stream));
    }
  }

  @Test
  void serverSentEvents() throws Exception {
    String body = ": keep-alive comment\n"
        + "event: message\nid: 7\ndata: {\"n\":1,\ndata:\"s\":\ndata:  \"two lines\"}\n\n"
        + "retry: 100\n\n" // an event without data: nothing
        + "data: {\"n\":2}\r\n\r\n"
        + "data: {\"n\":3}\n"; // no blank line before the end: still a message
    server = new FakeServer((ex, req, n) -> FakeServer.respondRaw(ex, 200, "text/event-stream; charset=utf-8",
        body.getBytes(StandardCharsets.UTF_8)));
    try (ResponseStream<Msg> stream = new Fetch(client(), "GET").set("alt", "sse").executeStream()) {
      Msg first = stream.next();
      assertEquals(1, first.n);
      assertEquals("two lines", first.s); // one message in three data lines
      assertEquals(List.of(2, 3), ns(stream));
    }
    assertEquals(List.of("sse"), server.last().query("alt"));
  }

  @Test
  void aSingleObjectIsOneMessageAndAnEmptyBodyNone() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 200, n == 1 ? "{\"n\":42}" : "[]"));
    try (ResponseStream<Msg> stream = new Fetch(client(), "GET").executeStream()) {
      assertEquals(List.of(42), ns(stream));
    }
    try (ResponseStream<Msg> stream = new Fetch(client(), "GET").executeStream()) {
      assertFalse(stream.hasNext());
    }
  }

  @Test
  void gatewayEnvelopesAreOpenedAndTheirErrorsThrown() throws Exception {
    // grpc-gateway's form (the Spanner emulator): each message in "result", a failure in "error".
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 200,
        "{\"result\":{\"n\":1}}\n{\"result\":{\"n\":2}}\n{\"error\":{\"code\":10,\"message\":\"aborted\"}}\n"));
    try (ResponseStream<Msg> stream = new Fetch(client(), "GET").executeStream()) {
      assertEquals(1, stream.next().n);
      assertEquals(2, stream.next().n);
      ApiException e = assertThrows(ApiException.class, stream::hasNext);
      assertEquals("ABORTED", e.errorStatus());
      assertEquals("aborted", e.errorMessage());
      assertTrue(e.getMessage().contains("after 2 messages"), e.getMessage());
    }
  }

  @Test
  void aBodyCutInsideAMessageFailsTheReadWithTheCount() throws Exception {
    // A chunked body that ends cleanly half-way through the third message.
    server = new FakeServer((ex, req, n) -> write(open(ex, "application/json"), "[{\"n\":1},{\"n\":2},{\"n\":3,\"s\":\"ha"));
    try (ResponseStream<Msg> stream = new Fetch(client(), "GET").executeStream()) {
      assertEquals(1, stream.next().n);
      assertEquals(2, stream.next().n);
      ResponseStreamException e = assertThrows(ResponseStreamException.class, stream::hasNext);
      assertEquals(2, e.messagesRead());
      assertTrue(e.getMessage().contains("broke after 2 messages"), e.getMessage());
      assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
      assertFalse(stream.hasNext()); // closed
    }
    assertEquals(1, server.count()); // the stream had started: not repeated
  }

  @Test
  void aDroppedConnectionFailsTheReadWithTheCount() throws Exception {
    // Content-Length announces more than is sent: the server drops the connection.
    server = new FakeServer((ex, req, n) -> {
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, 100_000);
      write(ex.getResponseBody(), "[{\"n\":1},{\"n\":");
    });
    try (ResponseStream<Msg> stream = new Fetch(client(), "GET").executeStream()) {
      assertEquals(1, stream.next().n);
      ResponseStreamException e = assertThrows(ResponseStreamException.class, stream::next);
      assertEquals(1, e.messagesRead());
      assertTrue(e.getMessage().contains("broke after 1 message:"), e.getMessage());
      assertTrue(e.getCause() instanceof IOException, String.valueOf(e.getCause()));
    }
    assertEquals(1, server.count());
  }

  @Test
  void aMessageOfTheWrongShapeFailsTheRead() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 200, "[{\"n\":1},{\"n\":\"not a number\"}]"));
    try (ResponseStream<Msg> stream = new Fetch(client(), "GET").executeStream()) {
      assertEquals(1, stream.next().n);
      ResponseStreamException e = assertThrows(ResponseStreamException.class, stream::next);
      assertTrue(e.getMessage().contains("does not fit"), e.getMessage());
    }
  }

  @Test
  void errorStatusesAreApiExceptions() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 404, "{\"error\":{\"code\":404,\"message\":\"gone\"}}"));
    ApiException e = assertThrows(ApiException.class, () -> new Fetch(client(), "GET").executeStream());
    assertEquals(404, e.statusCode());
    assertEquals("gone", e.errorMessage());
    assertEquals(1, server.count());
  }

  @Test
  void retriedBeforeTheFirstMessage() throws Exception {
    server = new FakeServer((ex, req, n) -> {
      if (n == 1) {
        FakeServer.respond(ex, 503, "{\"error\":{\"code\":503,\"message\":\"busy\"}}");
      } else {
        FakeServer.respond(ex, 200, "[" + messages(0, 3) + "]");
      }
    });
    try (ResponseStream<Msg> stream = new Fetch(client(), "GET").executeStream()) {
      assertEquals(List.of(0, 1, 2), ns(stream));
    }
    assertEquals(2, server.count());
  }

  @Test
  void aNonIdempotentCallIsNotRetriedOnAnErrorStatus() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 503, "{\"error\":{\"code\":503,\"message\":\"busy\"}}"));
    ApiException e = assertThrows(ApiException.class, () -> new Fetch(client(), "POST").executeStream());
    assertEquals(503, e.statusCode());
    assertEquals(1, server.count());
  }

  @Test
  void executeOnAnArrayNamesExecuteStream() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 200, "[{\"n\":1},{\"n\":2}]"));
    InvalidResponseException e = assertThrows(InvalidResponseException.class, () -> new Fetch(client(), "GET").execute());
    assertTrue(e.getMessage().contains("executeStream()"), e.getMessage());
    // A malformed object is still reported as such.
    server.handler((ex, req, n) -> FakeServer.respond(ex, 200, "{\"n\":\"x\"}"));
    e = assertThrows(InvalidResponseException.class, () -> new Fetch(client(), "GET").execute());
    assertFalse(e.getMessage().contains("executeStream()"), e.getMessage());
  }

  @Test
  void closingEarlyEndsTheConnectionWithoutReadingTheRest() throws Exception {
    // The server writes until the client goes away (at most 1 GiB): closing after the first
    // message must make its writes fail long before that.
    CountDownLatch gone = new CountDownLatch(1);
    AtomicLong written = new AtomicLong();
    server = new FakeServer((ex, req, n) -> {
      OutputStream out = open(ex, "application/json");
      byte[] chunk = ("," + messages(1, 1000)).getBytes(StandardCharsets.UTF_8);
      try {
        write(out, "[{\"n\":0}");
        while (written.get() < (1L << 30)) {
          out.write(chunk);
          written.addAndGet(chunk.length);
        }
      } catch (IOException e) {
        gone.countDown();
      }
    });
    try (ResponseStream<Msg> stream = new Fetch(client(), "GET").executeStream()) {
      assertEquals(0, stream.next().n);
    }
    assertTrue(gone.await(20, TimeUnit.SECONDS), "the server was still writing after " + written.get() + " bytes");
    assertTrue(written.get() < (1L << 28), written.get() + " bytes written");
  }

  @Test
  void closingFromAnotherThreadEndsAWaitingRead() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    server = new FakeServer((ex, req, n) -> {
      write(open(ex, "application/json"), "[{\"n\":1}");
      try {
        done.await(20, TimeUnit.SECONDS); // the second message never comes
      } catch (InterruptedException e) {
        // stop
      }
    });
    try (ResponseStream<Msg> stream = new Fetch(client(), "GET").executeStream()) {
      assertEquals(1, stream.next().n);
      CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS).execute(stream::close);
      assertFalse(stream.hasNext()); // not a ResponseStreamException
    } finally {
      done.countDown();
    }
  }

  @Test
  void theAsyncStreamIsReadyAtTheHeaders() throws Exception {
    CountDownLatch headersSeen = new CountDownLatch(1);
    server = new FakeServer((ex, req, n) -> {
      OutputStream out = open(ex, "application/json");
      try {
        if (!headersSeen.await(20, TimeUnit.SECONDS)) {
          return;
        }
      } catch (InterruptedException e) {
        return;
      }
      write(out, "[{\"n\":5}]");
    });
    CompletableFuture<ResponseStream<Msg>> f = new Fetch(client(), "GET").executeStreamAsync();
    try (ResponseStream<Msg> stream = f.get(20, TimeUnit.SECONDS)) { // before any message was sent
      headersSeen.countDown();
      assertEquals(List.of(5), ns(stream));
    }
  }

  @Test
  void theStreamViewClosesTheStreamAndIteratesOnce() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 200, "[" + messages(0, 5) + "]"));
    ResponseStream<Msg> stream = new Fetch(client(), "GET").executeStream();
    List<Integer> firstTwo = new ArrayList<>();
    try (Stream<Msg> s = stream.stream()) {
      s.limit(2).forEach(m -> firstTwo.add(m.n));
    }
    assertEquals(List.of(0, 1), firstTwo);
    assertFalse(stream.hasNext()); // closed with the Stream
    assertThrows(IllegalStateException.class, stream::iterator);
  }

  @Test
  void onlyJsonResponsesStream() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respondRaw(ex, 200, "text/html", "<html>".getBytes(StandardCharsets.UTF_8)));
    ApiClient client = client();
    ClientRequest<byte[], ?> raw = new Raw(client);
    assertThrows(IllegalStateException.class, raw::executeStream);
    assertEquals(0, server.count());
    InvalidResponseException e = assertThrows(InvalidResponseException.class, () -> new Fetch(client, "GET").executeStream());
    assertTrue(e.getMessage().contains("text/html"), e.getMessage());
  }
}
