package io.discogen.runtime.cli;

import io.discogen.runtime.ApiException;
import io.discogen.runtime.ClientOptions;
import io.discogen.runtime.Credentials;
import io.discogen.runtime.GoogleCredentialsAdapter;
import io.discogen.runtime.HttpSender;
import io.discogen.runtime.TransportException;
import io.discogen.runtime.json.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * What every method command of a generated command line does around its call: the client's
 * options from the connection flags, printing the result in the chosen {@link OutputFormat}, and
 * failures as one line and an exit code: 0 done, 1 the API answered with an error (its HTTP status
 * first), 2 usage (a {@link UsageException}, which the command turns into picocli's), 3 the API
 * could not be reached. The generated commands only parse arguments and build the typed request.
 */
public final class CommandRunner {
  /** Exit code: the API answered with an error. */
  public static final int API_ERROR = 1;
  /** Exit code: the API could not be reached. */
  public static final int UNREACHABLE = 3;

  private CommandRunner() {}

  /**
   * What {@code --all} (and a server-streaming method) returns: the items of every page, or the
   * messages of a stream, printed as they come, at most {@code limit} (null: all); a closeable one
   * is closed after.
   */
  public record Items(Iterable<?> items, Integer limit) { }

  /**
   * The flags every command has: where to send ({@code rootUrl}, null: the API's), how to
   * authenticate ({@code accessToken}, {@code apiKey}, {@code user} as USER:PASSWORD for HTTP basic,
   * {@code scopes} for Application Default Credentials; null where not given), where to print
   * ({@code output}, null: standard output), and {@code --dry-run}, {@code --verbose}.
   */
  public record Connection(String rootUrl, String accessToken, String apiKey, String user, List<String> scopes,
      String output, boolean dryRun, boolean verbose) { }

  /**
   * The client options for {@code c}: credentials from the flags, else, for a Google API ({@code
   * google}) sent to an https root, Application Default Credentials; an API key sent where the API's
   * security scheme says ({@code keyName} in {@code keyIn}; null for Google's {@code key} query
   * parameter).
   */
  public static ClientOptions.Builder options(Connection c, String keyName, Credentials.KeyLocation keyIn,
      boolean google) {
    // A command makes a call or a few and exits: HttpURLConnection where it can, so that no JDK
    // HttpClient is built (0.1 s) and holds the exit (0.3 s) for most commands.
    ClientOptions.Builder options = ClientOptions.builder().sender(HttpSender.urlConnectionFirst());
    if (c.rootUrl() != null) {
      options.rootUrl(c.rootUrl());
    }
    if (c.accessToken() != null) {
      options.credentials(Credentials.bearerToken(c.accessToken()));
    } else if (c.apiKey() != null) {
      options.credentials(keyIn == null ? Credentials.apiKey(c.apiKey()) : Credentials.apiKey(keyName, keyIn, c.apiKey()));
    } else if (c.user() != null) {
      int colon = c.user().indexOf(':');
      if (colon < 0) {
        throw new UsageException("--user: USER:PASSWORD, not " + c.user());
      }
      options.credentials(Credentials.basic(c.user().substring(0, colon), c.user().substring(colon + 1)));
    } else if (google && !c.dryRun() && (c.rootUrl() == null || !c.rootUrl().startsWith("http:"))) {
      // Plain http is an emulator or a mock on this machine, which needs no credentials.
      options.credentials(applicationDefault(c.scopes()));
    }
    if (c.verbose()) {
      options.addPolicy(new VerboseLog(new PrintWriter(System.err, true)));
    }
    if (c.dryRun()) {
      options.addPolicy(CurlCommand.policy());
    }
    return options;
  }

  /**
   * Application Default Credentials (google-auth-library: {@code GOOGLE_APPLICATION_CREDENTIALS},
   * gcloud's {@code application-default login}, the metadata server), looked for when the first
   * request needs them, so that a command sent to an emulator or a mock, or not sent at all ({@code
   * --dry-run}), never waits for the search. Where there are none, the call fails with a usage error
   * that says what to do. {@code scopes}: asked for instead of each method's (null or empty: the
   * method's).
   */
  public static Credentials applicationDefault(List<String> scopes) {
    return new Credentials() {
      private Credentials found;

      private synchronized Credentials found() {
        if (found == null) {
          try {
            Class.forName("com.google.auth.oauth2.GoogleCredentials");
          } catch (ClassNotFoundException e) {
            throw new UsageException("no credentials: pass --access-token or --api-key"
                + " (or put google-auth-library on the class path for Application Default Credentials)");
          }
          try {
            GoogleCredentialsAdapter adc = GoogleCredentialsAdapter.applicationDefault();
            found = scopes == null || scopes.isEmpty() ? adc : GoogleCredentialsAdapter.of(adc.credentials(), scopes);
          } catch (java.io.UncheckedIOException e) {
            throw new UsageException("no Application Default Credentials: run `gcloud auth application-default login`"
                + " or set GOOGLE_APPLICATION_CREDENTIALS, or pass --access-token or --api-key", e);
          }
        }
        return found;
      }

      @Override
      public Authorization authorize(List<String> scopes) {
        return found().authorize(scopes);
      }

      @Override
      public java.util.concurrent.CompletableFuture<Authorization> authorizeAsync(List<String> scopes) {
        try {
          return found().authorizeAsync(scopes);
        } catch (RuntimeException e) {
          return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
      }

      @Override
      public boolean invalidate(Authorization rejected) {
        return found().invalidate(rejected);
      }

      @Override
      public String kind() {
        return "application-default";
      }
    };
  }

  /**
   * {@code --upload FILE}: the file's content, typed by {@code type} or else by its name (as the
   * platform guesses it; {@code application/octet-stream} when it cannot).
   *
   * @throws UsageException when the file cannot be read
   */
  public static io.discogen.runtime.MediaContent media(String file, String type) {
    java.nio.file.Path path = java.nio.file.Path.of(file);
    if (!java.nio.file.Files.isReadable(path) || java.nio.file.Files.isDirectory(path)) {
      throw new UsageException("--upload: cannot read " + file);
    }
    String t = type;
    if (t == null) {
      try {
        t = java.nio.file.Files.probeContentType(path);
      } catch (java.io.IOException e) {
        t = null;
      }
    }
    return io.discogen.runtime.MediaContent.of(t == null ? "application/octet-stream" : t, path);
  }

  /** Upload progress on standard error, as a bar redrawn in place, where a person watches (a terminal). */
  public static io.discogen.runtime.UploadProgress.Listener uploadProgress() {
    boolean terminal = System.console() != null;
    return p -> {
      if (terminal) {
        System.err.print("\r" + bar(p.bytesSent(), p.totalBytes()));
        if (p.state() == io.discogen.runtime.UploadProgress.State.MEDIA_COMPLETE) {
          System.err.println();
        }
        System.err.flush();
      }
    };
  }

  /** The sink a download writes to. */
  @FunctionalInterface
  public interface Download {
    void to(java.io.OutputStream out) throws java.io.IOException;
  }

  /**
   * {@code --download FILE}: writes the media to {@code file} ({@code -}: standard output), with the
   * bytes so far on standard error on a terminal. The file is written beside its place and moved
   * there when complete, so a failed download leaves no partial file where the whole one goes.
   */
  public static void download(String file, Download download) throws java.io.IOException {
    boolean terminal = System.console() != null;
    if (file.equals("-")) {
      download.to(System.out);
      System.out.flush();
      return;
    }
    java.nio.file.Path target = java.nio.file.Path.of(file).toAbsolutePath();
    java.nio.file.Path part = target.resolveSibling(target.getFileName() + ".part");
    boolean done = false;
    try (java.io.OutputStream out = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(part), 64 * 1024) {
      private long total;
      private long shown = -1;

      @Override
      public void write(byte[] b, int off, int len) throws java.io.IOException {
        super.write(b, off, len);
        total += len;
        if (terminal && total - shown >= 256 * 1024) {
          shown = total;
          System.err.print("\r" + bar(total, -1));
          System.err.flush();
        }
      }
    }) {
      download.to(out);
      done = true;
    } finally {
      if (!done) {
        java.nio.file.Files.deleteIfExists(part);
      }
    }
    java.nio.file.Files.move(part, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    if (terminal) {
      System.err.println("\r" + bar(java.nio.file.Files.size(target), java.nio.file.Files.size(target)));
    }
  }

  /** {@code [#####     ]  12.5 MB of 25.0 MB}, or the bytes alone when the total is unknown. */
  static String bar(long done, long total) {
    String size = String.format(java.util.Locale.ROOT, "%.1f MB", done / 1e6);
    if (total <= 0) {
      return size;
    }
    int filled = (int) Math.min(30, 30 * done / total);
    return "[" + "#".repeat(filled) + " ".repeat(30 - filled) + "] " + size
        + String.format(java.util.Locale.ROOT, " of %.1f MB", total / 1e6);
  }

  /**
   * Runs {@code call} and prints what it returns ({@link Items} one by one) into {@code output} (a
   * file; null: {@code out}); returns the exit code.
   *
   * @throws UsageException a usage error found before anything was sent
   */
  public static int run(PrintWriter out, PrintWriter err, String format, String output, Callable<?> call)
      throws Exception {
    OutputFormat f = OutputFormat.parse(format);
    if (output == null) {
      return run(out, err, f.printer(out, System.console() != null), call);
    }
    java.nio.file.Path file = java.nio.file.Path.of(output);
    try (PrintWriter w = new PrintWriter(java.nio.file.Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8))) {
      return run(w, err, f.printer(w, false), call);
    } catch (java.io.IOException e) {
      throw new UsageException("--output: cannot write " + output + ": " + e.getMessage(), e);
    }
  }

  private static int run(PrintWriter out, PrintWriter err, OutputFormat.Printer printer, Callable<?> call)
      throws Exception {
    try {
      Object response = call.call();
      if (response instanceof Items all) {
        // Counted before asking for more: the page after the last item wanted is never fetched.
        java.util.Iterator<?> items = all.items().iterator();
        try {
          for (long n = 0; (all.limit() == null || n < all.limit()) && items.hasNext(); n++) {
            printer.item(items.next());
          }
        } finally {
          if (all.items() instanceof AutoCloseable stream) {
            stream.close(); // a server stream: ends the exchange
          }
        }
      } else if (response != null) {
        printer.response(response);
      }
      printer.finish();
      return 0;
    } catch (CurlCommand dryRun) {
      out.println(dryRun.command());
      out.flush();
      return 0;
    } catch (ApiException e) {
      err.println("error: HTTP " + e.getMessage()); // the message opens with the status
      if (e.details() != null) {
        for (Map<String, Object> detail : e.details()) {
          err.println("  " + Json.get().writeString(detail));
        }
      }
      err.flush();
      return API_ERROR;
    } catch (TransportException e) {
      err.println("error: cannot reach the API: " + e.getMessage());
      err.flush();
      return UNREACHABLE;
    }
  }
}
