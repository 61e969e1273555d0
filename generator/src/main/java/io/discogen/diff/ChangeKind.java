package io.discogen.diff;

/**
 * What changed, each kind with one fixed {@link Severity}: the classification rules of the diff.
 *
 * <p>The rules look at the generated Java API, not at the spec text: a change is {@link
 * Severity#BREAKING} when code compiled against the old client may stop compiling (a class,
 * accessor, getter, setter, enum constant or scope constant is gone, renamed, or changes its type
 * or signature) or loses a feature it used ({@code iterateAll()}, {@code executeAndWait()}, media
 * upload or download); {@link Severity#BEHAVIOURAL} when the same code still compiles but may
 * behave differently (HTTP verb or path, defaults, required request-body fields, patterns, accepted
 * scopes, wire formats); {@link Severity#ADDITIVE} when only something new appears. Enum values may
 * be added freely: generated enums keep unknown values, so old clients tolerate new ones.
 */
public enum ChangeKind {
  // API-wide
  /** The service class ({@code Dataproc}) has a new name. */
  SERVICE_RENAMED(Severity.BREAKING),
  /** Root URL, mTLS root URL, service path or batch path changed. */
  ENDPOINT_CHANGED(Severity.BEHAVIOURAL),
  /** An OAuth scope is no longer declared: its {@code Scopes} constant is gone. */
  SCOPE_REMOVED(Severity.BREAKING),
  /** A new OAuth scope (and {@code Scopes} constant). */
  SCOPE_ADDED(Severity.ADDITIVE),
  /** A scope's {@code Scopes} constant has a new name. */
  SCOPE_RENAMED(Severity.BREAKING),

  // Resources and methods
  /** A resource and its accessor are gone (its methods are listed as removed too). */
  RESOURCE_REMOVED(Severity.BREAKING),
  /** A new resource. */
  RESOURCE_ADDED(Severity.ADDITIVE),
  /** A resource's accessor or class has a new Java name. */
  RESOURCE_RENAMED(Severity.BREAKING),
  /** A method, its accessor and request class are gone. */
  METHOD_REMOVED(Severity.BREAKING),
  /** A new method. */
  METHOD_ADDED(Severity.ADDITIVE),
  /** A method's accessor or request class has a new Java name. */
  METHOD_RENAMED(Severity.BREAKING),
  /** The HTTP verb changed; calls compile but go out differently. */
  HTTP_METHOD_CHANGED(Severity.BEHAVIOURAL),
  /** The path template changed. */
  PATH_CHANGED(Severity.BEHAVIOURAL),
  /** A method now takes a body: its accessor has a new argument. */
  REQUEST_BODY_ADDED(Severity.BREAKING),
  /** A method no longer takes a body: its accessor lost an argument. */
  REQUEST_BODY_REMOVED(Severity.BREAKING),
  /** The body argument has another Java type. */
  REQUEST_TYPE_CHANGED(Severity.BREAKING),
  /** {@code execute()} returns another Java type. */
  RESPONSE_TYPE_CHANGED(Severity.BREAKING),
  /** A scope the method accepted is no longer listed: callers authorised only by it are refused. */
  METHOD_SCOPE_REMOVED(Severity.BEHAVIOURAL),
  /** The method accepts one more scope. */
  METHOD_SCOPE_ADDED(Severity.ADDITIVE),
  /** Media upload support is gone. */
  MEDIA_UPLOAD_REMOVED(Severity.BREAKING),
  /** The method now supports media upload. */
  MEDIA_UPLOAD_ADDED(Severity.ADDITIVE),
  /** Accepted MIME types, maximum size, protocols or upload paths changed. */
  MEDIA_UPLOAD_CHANGED(Severity.BEHAVIOURAL),
  /** Media download ({@code alt=media}) support is gone. */
  MEDIA_DOWNLOAD_REMOVED(Severity.BREAKING),
  /** The method now supports media download. */
  MEDIA_DOWNLOAD_ADDED(Severity.ADDITIVE),
  /** The request class lost {@code iterateAll()}. */
  PAGINATION_REMOVED(Severity.BREAKING),
  /** The request class gained {@code iterateAll()}. */
  PAGINATION_ADDED(Severity.ADDITIVE),
  /** The request class lost {@code executeAndWait()}. */
  LONG_RUNNING_REMOVED(Severity.BREAKING),
  /** The request class gained {@code executeAndWait()}. */
  LONG_RUNNING_ADDED(Severity.ADDITIVE),
  /** The parameter the runtime fills to de-duplicate retried calls changed, appeared or disappeared. */
  REQUEST_ID_CHANGED(Severity.BEHAVIOURAL),

  // Parameters (of a method, or API-wide)
  /** A parameter and its accessors (or its accessor argument) are gone. */
  PARAMETER_REMOVED(Severity.BREAKING),
  /** A new optional parameter: a new setter. */
  PARAMETER_ADDED(Severity.ADDITIVE),
  /** A new required parameter: the accessor has a new argument. */
  REQUIRED_PARAMETER_ADDED(Severity.BREAKING),
  /** An optional parameter became required: it moves from a setter into the accessor's arguments. */
  PARAMETER_BECAME_REQUIRED(Severity.BREAKING),
  /** A required parameter became optional: it leaves the accessor's arguments. */
  PARAMETER_BECAME_OPTIONAL(Severity.BREAKING),
  /** The parameter's Java type changed. */
  PARAMETER_TYPE_CHANGED(Severity.BREAKING),
  /** The parameter's getter or setter has a new Java name. */
  PARAMETER_RENAMED(Severity.BREAKING),
  /** Required parameters come in another order: accessor arguments are positional. */
  PARAMETER_ORDER_CHANGED(Severity.BREAKING),
  /** The parameter moved (path, query, header). */
  PARAMETER_LOCATION_CHANGED(Severity.BEHAVIOURAL),
  /** The pattern a path value must match changed. */
  PARAMETER_PATTERN_CHANGED(Severity.BEHAVIOURAL),

  // Models
  /** A model or enum class is gone. */
  SCHEMA_REMOVED(Severity.BREAKING),
  /** A new model or enum class. */
  SCHEMA_ADDED(Severity.ADDITIVE),
  /** A model or enum class has a new Java name. */
  SCHEMA_RENAMED(Severity.BREAKING),
  /** A schema changed between object and enum: its class is of another kind. */
  SCHEMA_KIND_CHANGED(Severity.BREAKING),
  /** A property, its getter and setter are gone. */
  PROPERTY_REMOVED(Severity.BREAKING),
  /** A new optional property. */
  PROPERTY_ADDED(Severity.ADDITIVE),
  /** The property's Java type changed (e.g. {@code Integer} to {@code Long}, {@code String} to an enum). */
  PROPERTY_TYPE_CHANGED(Severity.BREAKING),
  /** The property's getter or setter has a new Java name (e.g. a new clashing property took its name). */
  PROPERTY_RENAMED(Severity.BREAKING),
  /** A new property of a request body that callers must set ({@code required}, or described "Required."). */
  REQUIRED_PROPERTY_ADDED(Severity.BEHAVIOURAL),
  /** An existing property of a request body became required. */
  PROPERTY_BECAME_REQUIRED(Severity.BEHAVIOURAL),
  /** A property of a request body is now output only: the server ignores what callers send. */
  PROPERTY_BECAME_OUTPUT_ONLY(Severity.BEHAVIOURAL),
  /** An enum value and its constant are gone. */
  ENUM_VALUE_REMOVED(Severity.BREAKING),
  /** A new enum value; old clients keep it as an unrecognised value. */
  ENUM_VALUE_ADDED(Severity.ADDITIVE),
  /** An enum constant has a new Java name. */
  ENUM_CONSTANT_RENAMED(Severity.BREAKING),

  // Anywhere
  /** The spec's default of a parameter or property changed (an empty default counts as none). */
  DEFAULT_CHANGED(Severity.BEHAVIOURAL),
  /** Same Java type, another wire format (e.g. {@code int64} text to {@code uint32} number). */
  WIRE_FORMAT_CHANGED(Severity.BEHAVIOURAL),
  /** A schema, property, method, parameter or enum value is newly marked deprecated. */
  DEPRECATED(Severity.ADDITIVE);

  private final Severity severity;

  ChangeKind(Severity severity) {
    this.severity = severity;
  }

  public Severity severity() {
    return severity;
  }
}
