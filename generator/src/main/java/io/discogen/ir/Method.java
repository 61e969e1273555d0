package io.discogen.ir;

import java.util.List;

/**
 * One API method.
 *
 * @param name the spec's key ({@code create})
 * @param id the unique id ({@code dataproc.projects.locations.sessions.create})
 * @param httpMethod upper case ({@code POST})
 * @param path RFC 6570 template relative to the service path ({@code v1/{+parent}/sessions})
 * @param flatPath the same with every segment spelled out, may be null
 * @param description may be null
 * @param parameters required ones first in {@code parameterOrder}, then the rest in document order
 * @param request the request body type, or null
 * @param response the response type, or null when the method returns nothing
 * @param scopes scopes the method accepts, in document order
 * @param deprecated whether the spec marks the method deprecated
 * @param enums enums declared inline by this method's parameters
 * @param mediaUpload media upload support, or null
 * @param mediaDownload media download support, or null
 * @param pagination how the method pages, or null if it does not
 * @param longRunning how to wait for the operation this method returns, or null
 * @param requestIdParameter the name of a query parameter that de-duplicates retried calls (the
 *     Google {@code requestId} convention), or null
 * @param requestContentType the request body's media type when it is not JSON ({@code
 *     application/x-www-form-urlencoded}, {@code multipart/form-data}, {@code
 *     application/octet-stream}, ...); null for JSON bodies and methods without a body
 * @param errorType the JSON body of the method's error responses (OpenAPI 4xx/5xx/default), or
 *     null when none is declared or they differ
 * @param errorTypes when the error responses declare different bodies: each error status ({@code
 *     404}, a range {@code 4XX}, or {@code default}) to its body's type, in document order; else
 *     empty
 * @param binaryResponse whether the 2xx response is raw content that may be streamed, and how;
 *     null for JSON and empty responses (and Discovery, whose downloads are {@code mediaDownload})
 * @param streamsResponse whether the method is server-streaming: its REST response is a sequence
 *     of response messages (a JSON array, newline-delimited JSON, or server-sent events), read with
 *     {@code executeStream()}. Discovery does not say so; the reader derives it (see {@code
 *     Derivations.streamsResponse})
 */
public record Method(
    String name,
    String id,
    String httpMethod,
    String path,
    String flatPath,
    String description,
    List<Parameter> parameters,
    TypeRef request,
    TypeRef response,
    List<String> scopes,
    boolean deprecated,
    List<EnumSchema> enums,
    MediaUpload mediaUpload,
    MediaDownload mediaDownload,
    Pagination pagination,
    LongRunning longRunning,
    String requestIdParameter,
    String requestContentType,
    TypeRef errorType,
    java.util.Map<String, TypeRef> errorTypes,
    BinaryResponse binaryResponse,
    boolean streamsResponse) {

  /** A method without a declared error type or a binary response (Discovery). */
  public Method(String name, String id, String httpMethod, String path, String flatPath, String description,
      List<Parameter> parameters, TypeRef request, TypeRef response, List<String> scopes, boolean deprecated,
      List<EnumSchema> enums, MediaUpload mediaUpload, MediaDownload mediaDownload, Pagination pagination,
      LongRunning longRunning, String requestIdParameter, String requestContentType, boolean streamsResponse) {
    this(name, id, httpMethod, path, flatPath, description, parameters, request, response, scopes, deprecated,
        enums, mediaUpload, mediaDownload, pagination, longRunning, requestIdParameter, requestContentType, null,
        java.util.Map.of(), null, streamsResponse);
  }

  public Method {
    errorTypes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(errorTypes));
    parameters = List.copyOf(parameters);
    scopes = List.copyOf(scopes);
    enums = List.copyOf(enums);
  }

  /**
   * The type of one item when the method's pages can be iterated ({@code iterateAll()}), else
   * null: see {@link Pagination#iterable()}.
   */
  public TypeRef pagedItem() {
    return pagination == null ? null : pagination.itemType();
  }

  /** Required parameters, in call order: they become constructor arguments. */
  public List<Parameter> requiredParameters() {
    return parameters.stream().filter(Parameter::required).toList();
  }

  /** Optional parameters: they become fluent setters. */
  public List<Parameter> optionalParameters() {
    return parameters.stream().filter(p -> !p.required()).toList();
  }
}
