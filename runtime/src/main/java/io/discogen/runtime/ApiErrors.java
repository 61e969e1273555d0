package io.discogen.runtime;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.discogen.runtime.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a non-2xx response into an {@link ApiException}. */
final class ApiErrors {
  private ApiErrors() {}

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  static ApiException toException(int status, byte[] body, String methodId) {
    String raw = body == null || body.length == 0 ? null : new String(body, StandardCharsets.UTF_8);
    Integer code = null;
    String errorStatus = null;
    String message = null;
    List<Map<String, Object>> details = List.of();
    JsonNode root = parse(body);
    if (root != null && root.isObject()) {
      JsonNode error = root.get("error");
      if (error != null && error.isObject()) {
        // Google: {"error": {"code": 404, "message": "...", "status": "NOT_FOUND", "details": []}}
        code = error.path("code").isIntegralNumber() ? error.path("code").asInt() : null;
        errorStatus = text(error.get("status"));
        message = text(error.get("message"));
        details = details(error.get("details"));
      } else if (error != null && error.isTextual()) {
        // OAuth 2.0: {"error": "invalid_grant", "error_description": "..."}
        errorStatus = error.asText();
        message = text(root.get("error_description"));
      } else if (root.path("code").isIntegralNumber()) {
        // gRPC gateway (e.g. the Spanner emulator): {"code": 3, "message": "...", "details": []}
        code = root.get("code").asInt();
        errorStatus = RpcCodes.name(code);
        message = text(root.get("message"));
        details = details(root.get("details"));
      }
    }
    if (errorStatus == null) {
      errorStatus = RpcCodes.forHttpStatus(status);
    }
    return new ApiException(status, code, errorStatus, message, details, raw, methodId);
  }

  /**
   * A failure a gRPC gateway reports inside a 2xx streamed response, {@code {"code": <google.rpc
   * code>, "message": ...}}: the HTTP status is the response's 200, the status name the code's.
   */
  static ApiException inStream(JsonNode error, String description) {
    Integer code = error.path("code").isIntegralNumber() ? error.get("code").asInt() : null;
    String status = text(error.get("status"));
    if (status == null && code != null) {
      status = RpcCodes.name(code);
    }
    return new ApiException(200, code, status, text(error.get("message")), details(error.get("details")),
        error.toString(), description);
  }

  private static JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      return Json.get().mapper().readTree(body);
    } catch (Exception e) {
      return null; // not JSON: the raw body is all there is
    }
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private static List<Map<String, Object>> details(JsonNode n) {
    if (n == null || !n.isArray()) {
      return List.of();
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (JsonNode d : n) {
      if (d.isObject()) {
        out.add(Json.get().mapper().convertValue(d, MAP));
      }
    }
    return out;
  }
}
