package io.discogen.runtime.cli;

import io.discogen.runtime.ApiException;
import io.discogen.runtime.ClientOptions;
import io.discogen.runtime.Credentials;
import io.discogen.runtime.GoogleCredentialsAdapter;
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
   * The client options for the connection flags: {@code rootUrl} (null: the API's), an access
   * token or an API key (else {@code defaultCredentials}, which may be null, for an https root), and
   * {@code --dry-run}.
   */
  public static ClientOptions.Builder options(String rootUrl, String accessToken, String apiKey, boolean dryRun,
      java.util.function.Supplier<Credentials> defaultCredentials) {
    return options(rootUrl, accessToken, apiKey, null, null, dryRun, defaultCredentials);
  }

  /**
   * As {@link #options(String, String, String, boolean, java.util.function.Supplier)}, with the API key
   * sent where the API's security scheme says ({@code keyName} in {@code keyIn}); null for Google's
   * {@code key} query parameter.
   */
  public static ClientOptions.Builder options(String rootUrl, String accessToken, String apiKey, String keyName,
      Credentials.KeyLocation keyIn, boolean dryRun, java.util.function.Supplier<Credentials> defaultCredentials) {
    return options(rootUrl, accessToken, apiKey, keyName, keyIn, dryRun, false, defaultCredentials);
  }

  /** As above; with {@code verbose}, each exchange is logged on standard error ({@link VerboseLog}). */
  public static ClientOptions.Builder options(String rootUrl, String accessToken, String apiKey, String keyName,
      Credentials.KeyLocation keyIn, boolean dryRun, boolean verbose,
      java.util.function.Supplier<Credentials> defaultCredentials) {
    ClientOptions.Builder options = ClientOptions.builder();
    if (rootUrl != null) {
      options.rootUrl(rootUrl);
    }
    if (accessToken != null) {
      options.credentials(Credentials.bearerToken(accessToken));
    } else if (apiKey != null) {
      options.credentials(keyIn == null ? Credentials.apiKey(apiKey) : Credentials.apiKey(keyName, keyIn, apiKey));
    } else if (defaultCredentials != null && !dryRun && (rootUrl == null || !rootUrl.startsWith("http:"))) {
      // Plain http is an emulator or a mock on this machine, which needs no credentials.
      Credentials c = defaultCredentials.get();
      if (c != null) {
        options.credentials(c);
      }
    }
    if (verbose) {
      options.addPolicy(new VerboseLog(new PrintWriter(System.err, true)));
    }
    if (dryRun) {
      options.addPolicy(CurlCommand.policy());
    }
    return options;
  }

  /**
   * Application Default Credentials (google-auth-library: {@code GOOGLE_APPLICATION_CREDENTIALS},
   * gcloud's {@code application-default login}, the metadata server), looked for when the first
   * request needs them, so that a command sent to an emulator or a mock, or not sent at all ({@code
   * --dry-run}), never waits for the search. Where there are none, the call fails with a usage error
   * that says what to do.
   */
  public static Credentials applicationDefault() {
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
            found = GoogleCredentialsAdapter.applicationDefault();
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
   * Runs {@code call} and prints what it returns ({@link Items} one by one); returns the exit code.
   *
   * @throws UsageException a usage error found before anything was sent
   */
  public static int run(PrintWriter out, PrintWriter err, String format, Callable<?> call) throws Exception {
    OutputFormat.Printer printer = OutputFormat.parse(format).printer(out, System.console() != null);
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
