package io.discogen.runtime;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a generated client talks to its API: endpoint override, credentials, retries, limits,
 * logging. Immutable; build with {@link #builder()}.
 */
public final class ClientOptions {
  private final String rootUrl;
  private final boolean allowInsecureHttp;
  private final Credentials credentials;
  private final HttpClient httpClient;
  private final RetryPolicy retryPolicy;
  private final Duration requestTimeout;
  private final long maxResponseBytes;
  private final boolean logBodies;
  private final String userAgent;
  private final PollingPolicy pollingPolicy;
  private final boolean suppressPatternChecks;
  private final List<HttpPolicy> policies;
  private final HttpSender sender;
  private final boolean acceptGzip;
  private final long gzipRequestsAbove;

  private ClientOptions(Builder b) {
    this.rootUrl = b.rootUrl;
    this.allowInsecureHttp = b.allowInsecureHttp;
    this.credentials = b.credentials;
    this.httpClient = b.httpClient;
    this.retryPolicy = b.retryPolicy;
    this.requestTimeout = b.requestTimeout;
    this.maxResponseBytes = b.maxResponseBytes;
    this.logBodies = b.logBodies;
    this.userAgent = b.userAgent;
    this.pollingPolicy = b.pollingPolicy;
    this.suppressPatternChecks = b.suppressPatternChecks;
    this.policies = List.copyOf(b.policies);
    this.sender = b.sender;
    this.acceptGzip = b.acceptGzip;
    this.gzipRequestsAbove = b.gzipRequestsAbove;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Defaults: the API's own root URL, no credentials, default retries. */
  public static ClientOptions defaults() {
    return builder().build();
  }

  /** The root URL override, or null for the API's default. */
  public String rootUrl() {
    return rootUrl;
  }

  public boolean allowInsecureHttp() {
    return allowInsecureHttp;
  }

  /** Never null: {@link Credentials#none()} when none were given. */
  public Credentials credentials() {
    return credentials;
  }

  /** The HTTP client to use, or null for a shared default. */
  public HttpClient httpClient() {
    return httpClient;
  }

  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  public Duration requestTimeout() {
    return requestTimeout;
  }

  public long maxResponseBytes() {
    return maxResponseBytes;
  }

  public boolean logBodies() {
    return logBodies;
  }

  public String userAgent() {
    return userAgent;
  }

  /** How long-running operations are polled. */
  public PollingPolicy pollingPolicy() {
    return pollingPolicy;
  }

  /** Whether path values are sent without checking them against the spec's patterns. */
  public boolean suppressPatternChecks() {
    return suppressPatternChecks;
  }

  /** The user policies, in the order added (see {@link HttpPolicy} for where they run). */
  public List<HttpPolicy> policies() {
    return policies;
  }

  /** The sender at the end of the pipeline, or null for the JDK client (see {@link #httpClient()}). */
  public HttpSender sender() {
    return sender;
  }

  /**
   * Whether responses are asked for gzip-compressed (true by default, for every root: as Google's
   * official clients do; Google's front end compresses only when asked, in the header and the
   * User-Agent).
   */
  public boolean acceptGzip() {
    return acceptGzip;
  }

  /** JSON request bodies longer than this are sent gzip-compressed; 0 (the default) for never. */
  public long gzipRequestsAbove() {
    return gzipRequestsAbove;
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.rootUrl = rootUrl;
    b.allowInsecureHttp = allowInsecureHttp;
    b.credentials = credentials;
    b.httpClient = httpClient;
    b.retryPolicy = retryPolicy;
    b.requestTimeout = requestTimeout;
    b.maxResponseBytes = maxResponseBytes;
    b.logBodies = logBodies;
    b.userAgent = userAgent;
    b.pollingPolicy = pollingPolicy;
    b.suppressPatternChecks = suppressPatternChecks;
    b.policies.addAll(policies);
    b.sender = sender;
    b.acceptGzip = acceptGzip;
    b.gzipRequestsAbove = gzipRequestsAbove;
    return b;
  }

  @Override
  public String toString() {
    // Never print credentials.
    String root = rootUrl == null ? null : rootUrl.replaceAll("//[^/@]*@", "//***@");
    return "ClientOptions[rootUrl=" + root + ", credentials=" + credentials.kind()
        + ", retry=" + retryPolicy + ", polling=" + pollingPolicy + "]";
  }

  /** Builds {@link ClientOptions}. */
  public static final class Builder {
    private String rootUrl;
    private boolean allowInsecureHttp;
    private Credentials credentials = Credentials.none();
    private HttpClient httpClient;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Duration requestTimeout = Duration.ofMinutes(1);
    private long maxResponseBytes = 64L * 1024 * 1024;
    private boolean logBodies;
    private String userAgent = "discogen-java";
    private PollingPolicy pollingPolicy = PollingPolicy.defaults();
    private boolean suppressPatternChecks;
    private final List<HttpPolicy> policies = new ArrayList<>();
    private HttpSender sender;
    private boolean acceptGzip = true;
    private long gzipRequestsAbove;

    private Builder() {}

    /**
     * Adds a policy to every exchange of the client: once per call or on every attempt, as its
     * {@link HttpPolicy#position()} says; policies of one position run in the order added.
     */
    public Builder addPolicy(HttpPolicy policy) {
      policies.add(Objects.requireNonNull(policy, "policy"));
      return this;
    }

    /**
     * What puts requests on the wire, instead of the JDK client (takes precedence over {@link
     * #httpClient(HttpClient)}).
     */
    public Builder sender(HttpSender sender) {
      this.sender = sender;
      return this;
    }

    /**
     * Whether to ask for gzip-compressed responses ({@code Accept-Encoding: gzip}, and {@code
     * (gzip)} appended to the user agent, which Google's front ends require). By default on over
     * https, off for plain {@code http://} roots. Compressed responses are decoded either way.
     */
    public Builder acceptGzip(boolean acceptGzip) {
      this.acceptGzip = acceptGzip;
      return this;
    }

    /**
     * Sends JSON request bodies longer than {@code bytes} gzip-compressed ({@code Content-Encoding:
     * gzip}); 0, the default, for never (not every server accepts compressed requests). Media
     * content is never compressed.
     */
    public Builder gzipRequestsAbove(long bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("gzipRequestsAbove must not be negative");
      }
      this.gzipRequestsAbove = bytes;
      return this;
    }

    /**
     * Sends requests to this root instead of the API's (emulators, regional endpoints, tests). A
     * plain {@code http://} root is refused unless it is a loopback address or {@link
     * #allowInsecureHttp(boolean)} is set.
     */
    public Builder rootUrl(String rootUrl) {
      this.rootUrl = rootUrl;
      return this;
    }

    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    public Builder credentials(Credentials credentials) {
      this.credentials = credentials == null ? Credentials.none() : credentials;
      return this;
    }

    /**
     * The HTTP client to send with. It must not follow redirects ({@code Redirect.NEVER}, the
     * default of {@link HttpClient#newBuilder()}): a redirect could carry credentials to another
     * host, so {@link ApiClient} refuses a client that follows them.
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = retryPolicy == null ? RetryPolicy.none() : retryPolicy;
      return this;
    }

    /** The longest one attempt may take, response body included. */
    public Builder requestTimeout(Duration requestTimeout) {
      if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
        throw new IllegalArgumentException("requestTimeout must be positive");
      }
      this.requestTimeout = requestTimeout;
      return this;
    }

    /**
     * The largest response body accepted (64 MiB by default). A larger one fails with {@link
     * ResponseTooLargeException} after reading at most this much.
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes <= 0) {
        throw new IllegalArgumentException("maxResponseBytes must be positive");
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * Logs request and response bodies at DEBUG (logger {@code io.discogen.runtime}); off by
     * default. Bodies may hold personal data: enable only where logs are safe for it.
     */
    public Builder logBodies(boolean logBodies) {
      this.logBodies = logBodies;
      return this;
    }

    public Builder userAgent(String userAgent) {
      if (userAgent != null) {
        Headers.check("User-Agent", userAgent);
      }
      this.userAgent = userAgent;
      return this;
    }

    public Builder pollingPolicy(PollingPolicy pollingPolicy) {
      this.pollingPolicy = pollingPolicy == null ? PollingPolicy.defaults() : pollingPolicy;
      return this;
    }

    /**
     * Sends path values that do not match their parameter's {@code pattern} (Google's clients'
     * {@code setSuppressPatternChecks}): a spec's pattern is sometimes narrower than what the
     * server accepts. Off by default; {@link ClientRequest#setSuppressPatternChecks} does the same
     * for one request. Values still may not add {@code .} or {@code ..} path segments.
     */
    public Builder suppressPatternChecks(boolean suppress) {
      this.suppressPatternChecks = suppress;
      return this;
    }

    public ClientOptions build() {
      return new ClientOptions(this);
    }
  }
}
