package io.discogen.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The static description of one API method that a generated request class hands to the runtime:
 * verb, path template, parameters and their places, scopes, and the facts retries depend on.
 * Built once per request class.
 */
public final class RestMethod {

  /** Where a parameter travels. */
  public enum Location {
    PATH,
    QUERY,
    HEADER,
    /** Sent as {@code name=value} in the {@code Cookie} header. */
    COOKIE
  }

  /**
   * How a list or object value is serialized (OpenAPI's {@code style}). Scalars travel as {@code
   * name=value} in every query style.
   */
  public enum Style {
    /** {@code a=1&a=2} exploded (Discovery's repeated parameters), {@code a=1,2} when not. */
    FORM,
    /** {@code a=1%202}. */
    SPACE_DELIMITED,
    /** {@code a=1%7C2}. */
    PIPE_DELIMITED,
    /** {@code a[k]=v} for each property of an object. */
    DEEP_OBJECT,
    /** Headers and paths: {@code 1,2}; objects {@code k,v} or, exploded, {@code k=v}. */
    SIMPLE,
    /** Paths (RFC 6570 {@code {.x}}): {@code .1,2}, exploded {@code .1.2}; objects {@code .k,v} or {@code .k=v}. */
    LABEL,
    /**
     * Paths (RFC 6570 {@code {;x}}): {@code ;x=1,2}, exploded {@code ;x=1;x=2}; objects {@code
     * ;x=k,v} or, exploded, {@code ;k=v}.
     */
    MATRIX
  }

  /**
   * One declared parameter.
   *
   * @param name wire name
   * @param location where it travels
   * @param pattern for path parameters: the value must match it entirely, or null
   * @param style how lists and objects are serialized
   * @param explode whether lists and objects are exploded into one item per element or property
   * @param base64Url whether {@code byte[]} values travel in URL-safe base64 (Discovery's {@code
   *     format: byte}) rather than standard base64 (OpenAPI's)
   */
  public record Param(String name, Location location, Pattern pattern, Style style, boolean explode, boolean base64Url) {
    /** A parameter in the default style of its location (query: form, exploded). */
    public Param(String name, Location location, Pattern pattern) {
      this(name, location, pattern, location == Location.QUERY ? Style.FORM : Style.SIMPLE,
          location == Location.QUERY);
    }

    /** A parameter whose bytes travel in standard base64. */
    public Param(String name, Location location, Pattern pattern, Style style, boolean explode) {
      this(name, location, pattern, style, explode, false);
    }
  }

  /**
   * Media upload support of a method, as its API description declares it.
   *
   * @param accept accepted MIME ranges ({@code image/*}); empty accepts any type
   * @param maxSize the largest upload in bytes, or -1 for no limit
   * @param simplePath path template of simple and multipart uploads, relative to the root URL
   *     when it starts with {@code /}; null when only resumable uploads are declared
   * @param resumablePath path template of resumable uploads, or null when not declared; sessions
   *     start at {@code simplePath} when both are declared, as Google's clients do
   * @param multipart whether metadata and content may travel together ({@code multipart/related})
   */
  public record MediaUpload(
      List<String> accept, long maxSize, String simplePath, String resumablePath, boolean multipart) {
    public MediaUpload {
      accept = List.copyOf(accept);
    }
  }

  private final String id;
  private final String httpMethod;
  private final String path;
  private final Map<String, Param> params;
  private final List<String> scopes;
  private final String requestIdParameter;
  private final boolean mediaDownload;
  private final boolean useMediaDownloadService;
  private final boolean altMedia;
  private final MediaUpload mediaUpload;
  private final String contentType;
  private final Set<String> binaryParts;

  private RestMethod(Builder b) {
    this.contentType = b.contentType;
    this.binaryParts = Set.copyOf(b.binaryParts);
    this.id = b.id;
    this.httpMethod = b.httpMethod;
    this.path = b.path;
    this.params = Map.copyOf(b.params);
    this.scopes = List.copyOf(b.scopes);
    this.requestIdParameter = b.requestIdParameter;
    this.mediaDownload = b.mediaDownload;
    this.useMediaDownloadService = b.useMediaDownloadService;
    this.altMedia = b.altMedia;
    this.mediaUpload = b.mediaUpload;
  }

  public static Builder builder(String id, String httpMethod, String path) {
    return new Builder(id, httpMethod, path);
  }

  public String id() {
    return id;
  }

  public String httpMethod() {
    return httpMethod;
  }

  /** RFC 6570 template relative to the service path. */
  public String path() {
    return path;
  }

  /** Declared parameters by wire name; a name not here travels in the query. */
  public Map<String, Param> params() {
    return params;
  }

  public List<String> scopes() {
    return scopes;
  }

  /** The query parameter that de-duplicates retried calls, or null. */
  public String requestIdParameter() {
    return requestIdParameter;
  }

  public boolean supportsMediaDownload() {
    return mediaDownload;
  }

  public boolean useMediaDownloadService() {
    return useMediaDownloadService;
  }

  /**
   * Whether a download asks for the media with {@code alt=media} (Discovery); false when the
   * method's response is the content itself (an OpenAPI binary response).
   */
  public boolean altMedia() {
    return altMedia;
  }

  /** Media upload support, or null when the method takes no media. */
  public MediaUpload mediaUpload() {
    return mediaUpload;
  }

  /** The request body's media type; null for JSON. */
  public String contentType() {
    return contentType;
  }

  /** Multipart fields sent as raw-byte file parts (byte arrays in the model). */
  public Set<String> binaryParts() {
    return binaryParts;
  }

  @Override
  public String toString() {
    return httpMethod + " " + path + " (" + id + ")";
  }

  /** Builds a {@link RestMethod}. */
  public static final class Builder {
    private final String id;
    private final String httpMethod;
    private final String path;
    private final Map<String, Param> params = new LinkedHashMap<>();
    private final List<String> scopes = new ArrayList<>();
    private String requestIdParameter;
    private boolean mediaDownload;
    private boolean useMediaDownloadService;
    private boolean altMedia;
    private MediaUpload mediaUpload;
    private String contentType;
    private final Set<String> binaryParts = new LinkedHashSet<>();

    private Builder(String id, String httpMethod, String path) {
      this.id = Objects.requireNonNull(id);
      this.httpMethod = Objects.requireNonNull(httpMethod);
      this.path = Objects.requireNonNull(path);
    }

    /** A path parameter; {@code pattern} (may be null) is the spec's regular expression. */
    public Builder pathParam(String name, String pattern) {
      params.put(name, new Param(name, Location.PATH, pattern == null ? null : Pattern.compile(pattern)));
      return this;
    }

    public Builder queryParam(String name) {
      params.put(name, new Param(name, Location.QUERY, null));
      return this;
    }

    /**
     * A path parameter serialized in {@code style}: {@link Style#SIMPLE}, {@link Style#LABEL} or
     * {@link Style#MATRIX}; {@code pattern} (may be null) constrains single values.
     */
    public Builder pathParam(String name, String pattern, Style style, boolean explode) {
      if (style != Style.SIMPLE && style != Style.LABEL && style != Style.MATRIX) {
        throw new IllegalArgumentException(id + ": " + name + ": " + style + " is not a path style");
      }
      params.put(name, new Param(name, Location.PATH, pattern == null ? null : Pattern.compile(pattern), style, explode));
      return this;
    }

    /** A query parameter serialized in {@code style} (simple, label and matrix are no query styles). */
    public Builder queryParam(String name, Style style, boolean explode) {
      if (style == Style.SIMPLE || style == Style.LABEL || style == Style.MATRIX) {
        throw new IllegalArgumentException(id + ": " + name + ": " + style + " is not a query style");
      }
      params.put(name, new Param(name, Location.QUERY, null, style, explode));
      return this;
    }

    public Builder headerParam(String name) {
      params.put(name, new Param(name, Location.HEADER, null));
      return this;
    }

    /** A header whose object values travel as {@code k=v,k=v} when {@code explode}. */
    public Builder headerParam(String name, boolean explode) {
      params.put(name, new Param(name, Location.HEADER, null, Style.SIMPLE, explode));
      return this;
    }

    public Builder cookieParam(String name) {
      params.put(name, new Param(name, Location.COOKIE, null));
      return this;
    }

    /**
     * Marks the parameter declared last under {@code name} as one whose {@code byte[]} values
     * travel in URL-safe base64 with padding (RFC 4648 section 5), as Discovery's {@code format:
     * byte} says; unmarked, bytes travel in standard base64.
     */
    public Builder base64Url(String name) {
      Param p = params.get(name);
      if (p == null) {
        throw new IllegalArgumentException(id + ": no parameter " + name);
      }
      params.put(name, new Param(p.name(), p.location(), p.pattern(), p.style(), p.explode(), true));
      return this;
    }

    /**
     * The request body's media type: {@code application/x-www-form-urlencoded}, {@code
     * multipart/form-data}, or any other type for raw bytes or text. Default: JSON.
     */
    public Builder contentType(String contentType) {
      this.contentType = contentType;
      return this;
    }

    /** A multipart field sent as a file part of raw bytes. */
    public Builder binaryPart(String name) {
      this.binaryParts.add(name);
      return this;
    }

    public Builder scopes(String... scopes) {
      this.scopes.addAll(List.of(scopes));
      return this;
    }

    /** Marks {@code name} as the de-duplicating request id: POSTs become safe to retry. */
    public Builder requestId(String name) {
      this.requestIdParameter = name;
      return this;
    }

    public Builder mediaDownload(boolean useDownloadService) {
      this.mediaDownload = true;
      this.useMediaDownloadService = useDownloadService;
      this.altMedia = true;
      return this;
    }

    /**
     * A GET whose response is raw content (not JSON): besides {@code execute()}, it may be
     * downloaded as a stream that resumes with ranged GETs, from the method's own URL without
     * {@code alt=media}. (Any method's raw response may be streamed without resuming: {@link
     * ClientRequest#openResponseStream()}.)
     */
    public Builder binaryResponse() {
      this.mediaDownload = true;
      this.useMediaDownloadService = false;
      this.altMedia = false;
      return this;
    }

    /**
     * Declares media upload support.
     *
     * @param simplePath simple and multipart upload path template, or null
     * @param resumablePath resumable upload path template, or null
     * @param multipart whether multipart uploads (metadata with content) are accepted
     * @param maxSize the largest upload in bytes, or -1 for none
     * @param accept accepted MIME ranges; none accepts any
     */
    public Builder mediaUpload(String simplePath, String resumablePath, boolean multipart, long maxSize, String... accept) {
      if (simplePath == null && resumablePath == null) {
        throw new IllegalArgumentException(id + ": a media upload needs a simple or resumable path");
      }
      this.mediaUpload = new MediaUpload(List.of(accept), maxSize, simplePath, resumablePath, multipart);
      return this;
    }

    public RestMethod build() {
      return new RestMethod(this);
    }
  }
}
