package io.discogen.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.discogen.runtime.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The messages of a streamed response ({@link ClientRequest#executeStream()}), decoded one at a
 * time as they arrive: the body is never held in memory whole. Reads the wire forms server-streaming
 * methods answer with over REST: a JSON array of messages, messages one after another
 * (newline-delimited JSON), and server-sent events ({@code text/event-stream}, from {@code
 * alt=sse}). A single-object body is a stream of one message.
 *
 * <p>Iterate it once, in a try-with-resources block: closing it ends the HTTP exchange, also before
 * the last message, without reading the rest. It is closed by itself when the messages end or the
 * stream breaks. Not thread-safe, except {@link #close()}.
 *
 * <pre>{@code
 * try (ResponseStream<PartialResultSet> results = request.executeStream()) {
 *   for (PartialResultSet r : results) { ... }
 * }
 * }</pre>
 *
 * <p>Nothing is retried once the stream is open: when the connection breaks or the body is cut
 * short or malformed, {@link #hasNext()} and {@link #next()} throw {@link ResponseStreamException},
 * which tells how many messages were read. A failure the server reports inside the stream (as gRPC
 * gateways do) is an {@link ApiException}.
 *
 * @param <T> the message type: the method's response type
 */
public final class ResponseStream<T> implements Iterable<T>, Iterator<T>, AutoCloseable {
  private final String methodId;
  private final InputStream body;
  private final MessageBudget budget;
  private final java.time.Duration idleTimeout;
  private final MessageReader messages;
  private final ObjectReader reader;
  private final GatewayEnvelope envelope;
  private T next;
  private long read;
  private boolean done;
  /** Set by {@link #close()}, which may come from another thread while this one waits. */
  private volatile boolean closed;
  /** Set when no message came within the idle timeout, and the stream was closed for it. */
  private volatile boolean idle;
  private boolean iterated;

  /**
   * @param contentType the response's content type, or null
   * @param maxMessageBytes the most bytes one message may take
   * @param idleTimeout the longest wait for the next message; then the stream is closed and fails
   * @throws InvalidResponseException the content type is neither JSON nor server-sent events
   */
  ResponseStream(String methodId, Type messageType, InputStream body, String contentType, long maxMessageBytes,
      java.time.Duration idleTimeout) {
    if (!MessageReader.accepts(contentType)) {
      throw new InvalidResponseException(methodId + ": expected a stream of JSON messages, got content type "
          + Transport.printable(contentType, 100));
    }
    JavaType type = Json.get().mapper().constructType(messageType);
    this.methodId = methodId;
    this.body = body;
    this.budget = new MessageBudget(body, maxMessageBytes);
    this.idleTimeout = idleTimeout;
    this.messages = MessageReader.of(budget, contentType);
    this.reader = Json.get().mapper().readerFor(type);
    this.envelope = new GatewayEnvelope(type);
  }

  /**
   * Whether another message follows; waits for it to arrive.
   *
   * @throws ResponseStreamException the stream broke
   * @throws ApiException the server reported a failure inside the stream
   */
  @Override
  public boolean hasNext() {
    while (next == null && !done) {
      // A server that stops sending without closing the connection must not hang the reader.
      java.util.concurrent.ScheduledFuture<?> timer = Transport.scheduleTimeout(() -> {
        idle = true;
        close();
      }, idleTimeout.toNanos());
      try {
        budget.startMessage();
        JsonNode node = messages.next();
        timer.cancel(false);
        if (idle) {
          throw stalled(); // closing may look like the end of the body
        }
        if (node == null) {
          close();
        } else {
          next = reader.readValue(envelope.open(node, methodId, read)); // null for a JSON null: skipped
        }
      } catch (IOException e) {
        timer.cancel(false);
        if (idle) {
          throw stalled();
        }
        if (closed) {
          return false; // closed by another thread while waiting: not a failure
        }
        close();
        throw broken(e);
      } catch (RuntimeException e) {
        timer.cancel(false);
        close();
        throw e;
      }
    }
    return next != null;
  }

  /**
   * The next message; waits for it to arrive.
   *
   * @throws NoSuchElementException there are no more
   * @throws ResponseStreamException the stream broke
   * @throws ApiException the server reported a failure inside the stream
   */
  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T value = next;
    next = null;
    read++;
    return value;
  }

  /**
   * This stream itself, as an iterator: it can be iterated once.
   *
   * @throws IllegalStateException it was iterated before
   */
  @Override
  public Iterator<T> iterator() {
    if (iterated) {
      throw new IllegalStateException("a ResponseStream can be iterated only once");
    }
    iterated = true;
    return this;
  }

  /**
   * The messages as a {@link Stream} (sequential, ordered); closing it closes this. Like {@link
   * #iterator()}, once only.
   */
  public Stream<T> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(this::close);
  }

  /** How many messages {@link #next()} has returned. */
  public long messagesRead() {
    return read;
  }

  /**
   * Ends the exchange (the connection is closed if the body was not read to its end). Idempotent;
   * may be called from another thread, which ends a waiting {@link #hasNext()} with false.
   */
  @Override
  public void close() {
    closed = true;
    done = true;
    try {
      body.close();
    } catch (IOException ignored) {
      // the exchange is abandoned either way
    }
  }

  private ResponseStreamException broken(IOException e) {
    String why;
    if (e instanceof JsonProcessingException j) {
      why = (j instanceof StreamReadException ? "the body is not valid JSON: " : "a message does not fit its type: ")
          + Transport.printable(String.valueOf(j.getOriginalMessage()), 300);
    } else {
      why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
    return new ResponseStreamException(methodId + ": the response stream broke after " + messages(read) + ": " + why,
        read, e);
  }

  private ResponseStreamException stalled() {
    return new ResponseStreamException(methodId + ": no message within " + idleTimeout.toMillis() + " ms after "
        + messages(read) + " (ClientOptions.requestTimeout); the stream was closed", read, null);
  }

  static String messages(long n) {
    return n + (n == 1 ? " message" : " messages");
  }

  @Override
  public String toString() {
    return "ResponseStream[" + methodId + ", " + messages(read) + " read" + (done ? ", closed" : "") + "]";
  }
}
