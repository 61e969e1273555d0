package io.discogen.runtime;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.discogen.runtime.json.Json;
import java.io.IOException;
import java.io.InputStream;

/**
 * The JSON forms of a streamed response, told apart by the first token: a JSON array of messages
 * (what Google's front end sends), or messages one after another, newline-delimited or not (what
 * gRPC gateways such as the Spanner emulator send, and a single-object body). Jackson's streaming
 * parser reads one message at a time.
 */
final class JsonSequenceReader implements MessageReader {
  private final InputStream body;
  private final ObjectMapper mapper = Json.get().mapper();
  private JsonParser parser;
  private boolean inArray;

  JsonSequenceReader(InputStream body) {
    this.body = body;
  }

  @Override
  public JsonNode next() throws IOException {
    JsonToken token;
    if (parser == null) {
      // Created here, not in the constructor: Jackson reads the first bytes to detect the encoding.
      parser = mapper.createParser(body);
      token = parser.nextToken();
      inArray = token == JsonToken.START_ARRAY;
      if (inArray) {
        token = parser.nextToken();
      }
    } else {
      token = parser.nextToken();
    }
    // Inside an array the parser fails at the end of input; between top-level messages it is the end.
    if (token == null || (inArray && token == JsonToken.END_ARRAY)) {
      return null;
    }
    return mapper.readTree(parser);
  }
}
