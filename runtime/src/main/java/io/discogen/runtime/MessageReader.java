package io.discogen.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Splits a streamed response body into its messages, as JSON trees, reading only as far as the
 * next one. Nothing is read before the first call to {@link #next()}, so opening a stream never
 * waits for the body.
 */
interface MessageReader {

  /** The next message, or null at the end of the body. */
  JsonNode next() throws IOException;

  /**
   * The reader for a body of this content type (null when absent): server-sent events for {@code
   * text/event-stream}, else JSON (an array of messages, or messages one after another).
   */
  static MessageReader of(InputStream body, String contentType) {
    String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return mediaType.equals("text/event-stream") ? new EventStreamReader(body) : new JsonSequenceReader(body);
  }

  /** Whether a streamed body of this content type (null when absent) can be read. */
  static boolean accepts(String contentType) {
    if (contentType == null) {
      return true;
    }
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    // application/json, +json, application/x-ndjson, application/jsonl, text/event-stream
    return mediaType.contains("json") || mediaType.equals("text/event-stream");
  }
}
