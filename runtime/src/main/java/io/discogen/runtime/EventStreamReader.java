package io.discogen.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.discogen.runtime.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Server-sent events ({@code text/event-stream}, what {@code alt=sse} asks for): each event's data
 * is one JSON message. Only the framing is read here (the WHATWG rules: {@code data:} lines joined
 * by newlines, an empty line ends the event); comments and the {@code event}, {@code id} and {@code
 * retry} fields carry nothing a message needs and are skipped. The JSON is Jackson's.
 */
final class EventStreamReader implements MessageReader {
  private final BufferedReader lines;

  EventStreamReader(InputStream body) {
    this.lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
  }

  @Override
  public JsonNode next() throws IOException {
    StringBuilder data = null;
    String line;
    while ((line = lines.readLine()) != null) {
      if (line.isEmpty()) {
        if (data != null && !data.toString().isBlank()) {
          return Json.get().mapper().readTree(data.toString());
        }
        data = null; // an event without data (a keep-alive) dispatches nothing
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      if (!field.equals("data")) {
        continue; // a comment (empty field name), event, id, retry
      }
      String value = colon < 0 ? "" : line.substring(line.startsWith(" ", colon + 1) ? colon + 2 : colon + 1);
      data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
    }
    // The body ended inside an event. The standard drops it; parsing it instead makes a cut-off
    // message fail the read rather than vanish (and keeps a last event whose blank line is missing).
    return data == null || data.toString().isBlank() ? null : Json.get().mapper().readTree(data.toString());
  }
}
