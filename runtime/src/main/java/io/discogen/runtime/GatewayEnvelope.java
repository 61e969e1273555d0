package io.discogen.runtime;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.discogen.runtime.json.Json;

/**
 * grpc-gateway (the REST front of emulators such as Spanner's) wraps each streamed message as
 * {@code {"result": message}} and a failure after the first message as {@code {"error": status}};
 * Google's front end sends messages bare. An object whose only key is one of those is taken as the
 * envelope, unless the message type itself has a property of that name.
 */
final class GatewayEnvelope {
  private final boolean typeHasResult;
  private final boolean typeHasError;

  GatewayEnvelope(JavaType messageType) {
    boolean result = false;
    boolean error = false;
    for (BeanPropertyDefinition p : Json.get().mapper().getDeserializationConfig().introspect(messageType)
        .findProperties()) {
      result |= p.getName().equals("result");
      error |= p.getName().equals("error");
    }
    this.typeHasResult = result;
    this.typeHasError = error;
  }

  /**
   * The message inside {@code node}.
   *
   * @throws ApiException the node is a gateway's error
   */
  JsonNode open(JsonNode node, String methodId, long messagesRead) {
    if (!node.isObject() || node.size() != 1) {
      return node;
    }
    JsonNode result = node.get("result");
    if (result != null && result.isObject() && !typeHasResult) {
      return result;
    }
    JsonNode error = node.get("error");
    if (error != null && error.isObject() && !typeHasError) {
      throw ApiErrors.inStream(error, methodId + ", in the response stream after "
          + ResponseStream.messages(messagesRead));
    }
    return node;
  }
}
