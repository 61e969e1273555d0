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

  /**
   * Reads the error body in the shapes it can be trusted to mean: Google's envelope, the flat form
   * of gRPC gateways (a string {@code status}, or a google.rpc code whose shape or HTTP status
   * says it is one), OAuth's, and RFC 7807 problem details. A gRPC status name is given only by
   * the first two: {@code {"code": 5, "message": ...}} answered with 400 by some other API is not
   * NOT_FOUND. Anything else keeps its {@code message} (when a JSON object has one) and the raw
   * body, and the exception's message the HTTP status text.
   */
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
        // Google: {"error": {"code": 404, "message": "...", "status": "NOT_FOUND", "details": []}};
        // its older APIs leave out "status", which the HTTP status then stands for.
        code = error.path("code").isIntegralNumber() ? error.path("code").asInt() : null;
        errorStatus = text(error.get("status"));
        if (errorStatus == null) {
          errorStatus = RpcCodes.forHttpStatus(status);
        }
        message = text(error.get("message"));
        details = details(error.get("details"));
      } else if (isGatewayError(root, status)) {
        // gRPC gateway (the Spanner emulator): {"code": 3, "message": "...", "details": []}
        code = root.get("code").asInt();
        errorStatus = root.path("status").isTextual() ? root.get("status").asText() : RpcCodes.name(code);
        message = text(root.get("message"));
        details = details(root.get("details"));
      } else if (error != null && error.isTextual()) {
        // OAuth 2.0: {"error": "invalid_grant", "error_description": "..."}
        errorStatus = error.asText();
        message = text(root.get("error_description"));
      } else if (isProblem(root)) {
        // RFC 7807: {"type": ..., "title": "...", "status": 422, "detail": "..."}
        code = root.path("status").isIntegralNumber() ? root.get("status").asInt() : null;
        String title = text(root.get("title"));
        String detail = text(root.get("detail"));
        message = title == null ? detail : detail == null ? title : title + ": " + detail;
      } else if (root.path("message").isTextual()) {
        message = root.get("message").asText();
      }
    }
    return new ApiException(status, code, errorStatus, message, details, raw, methodId);
  }

  /**
   * The flat form gRPC gateways answer with: a google.rpc code and a message, and either a string
   * {@code status}, the {@code details} array gateways always write, or an HTTP status that is the
   * code's own (404 for 5).
   */
  private static boolean isGatewayError(JsonNode root, int httpStatus) {
    JsonNode code = root.get("code");
    if (code == null || !code.isIntegralNumber() || RpcCodes.name(code.asInt()) == null || code.asInt() == 0
        || !root.path("message").isTextual()) {
      return false;
    }
    return root.path("status").isTextual() || root.path("details").isArray()
        || RpcCodes.httpStatus(code.asInt()) == httpStatus;
  }

  /** RFC 7807 problem details: by their members (the content type is not at hand everywhere). */
  private static boolean isProblem(JsonNode root) {
    return root.path("title").isTextual() || root.path("detail").isTextual();
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
