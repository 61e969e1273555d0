package io.discogen.java;

import com.palantir.javapoet.ClassName;

/** The runtime and library types generated code refers to, in one place. */
final class Runtime {
  private Runtime() {}

  static final String PKG = "io.discogen.runtime";
  static final ClassName API_CLIENT = ClassName.get(PKG, "ApiClient");
  static final ClassName CLIENT_REQUEST = ClassName.get(PKG, "ClientRequest");
  static final ClassName CLIENT_OPTIONS = ClassName.get(PKG, "ClientOptions");
  static final ClassName CREDENTIALS = ClassName.get(PKG, "Credentials");
  static final ClassName REST_METHOD = ClassName.get(PKG, "RestMethod");
  static final ClassName SERVICE_INFO = ClassName.get(PKG, "ServiceInfo");
  static final ClassName PAGED_ITERABLE = ClassName.get(PKG, "PagedIterable");
  static final ClassName OPERATIONS = ClassName.get(PKG, "Operations");
  static final ClassName MEDIA_CONTENT = ClassName.get(PKG, "MediaContent");
  static final ClassName UPLOAD_PROTOCOL = ClassName.get(PKG, "UploadProtocol");
  static final ClassName UPLOAD_PROGRESS_LISTENER = ClassName.get(PKG, "UploadProgress", "Listener");
  static final ClassName BATCH_REQUEST = ClassName.get(PKG, "BatchRequest");
  static final ClassName JSON_MODEL = ClassName.get(PKG + ".json", "JsonModel");
  static final ClassName JSON = ClassName.get(PKG + ".json", "Json");
  static final ClassName WIRE_ENUM = ClassName.get(PKG + ".json", "WireEnum");
  static final ClassName WIRE_ENUMS = ClassName.get(PKG + ".json", "WireEnums");
  static final ClassName BASE64_URL = ClassName.get(PKG + ".json", "Base64Url");
  static final ClassName WIRE_VIEWS_SERVER_ONLY = ClassName.get(PKG + ".json", "WireViews", "ServerOnly");

  static final ClassName JSON_PROPERTY = ClassName.get("com.fasterxml.jackson.annotation", "JsonProperty");
  static final ClassName JSON_FORMAT = ClassName.get("com.fasterxml.jackson.annotation", "JsonFormat");
  static final ClassName JSON_VIEW = ClassName.get("com.fasterxml.jackson.annotation", "JsonView");
  static final ClassName JSON_SETTER = ClassName.get("com.fasterxml.jackson.annotation", "JsonSetter");
  static final ClassName JSON_FORMAT_SHAPE = JSON_FORMAT.nestedClass("Shape");

  static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
  static final ClassName DURATION = ClassName.get("java.time", "Duration");
  static final ClassName TYPE = ClassName.get("java.lang.reflect", "Type");
  static final ClassName INPUT_STREAM = ClassName.get("java.io", "InputStream");
  static final ClassName OUTPUT_STREAM = ClassName.get("java.io", "OutputStream");
}
