package io.discogen.cli;

import io.discogen.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar discogen.jar <command>}. */
@Command(
    name = "discogen",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Generates Java clients from Google API Discovery documents and OpenAPI 3.x / Swagger 2.0 specs (JSON or YAML).")
public final class Main implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // swagger-parser logs through SLF4J; the CLI has no logging backend, so SLF4J's own
    // "no providers" notice would be the only thing on stderr of a successful run.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    readAhead(args);
    System.exit(run(args));
  }

  /**
   * Starts reading the first spec file a {@code generate} line names ({@code --spec PATH} or {@code
   * --spec=PATH}), before picocli has parsed the line: see {@link SpecReader#readAhead}. The
   * generator takes the read over when it reads that file under that name, as it does when picocli
   * parses the line the same way; anything else (a directory, no such file, an odd line) is left
   * to the normal read and its messages.
   *
   * @return the file being read ahead, or null
   */
  static Path readAhead(String[] args) {
    if (args.length == 0 || !args[0].equals("generate")) {
      return null;
    }
    for (int i = 1; i < args.length; i++) {
      String value = args[i].startsWith("--spec=") ? args[i].substring("--spec=".length())
          : args[i].equals("--spec") && i + 1 < args.length ? args[i + 1] : null;
      if (value != null) {
        try {
          Path file = Path.of(value);
          if (Files.isRegularFile(file)) {
            SpecReader.readAhead(file, file.toString()); // as Generator names a spec file given by path
            return file;
          }
        } catch (InvalidPathException e) {
          // picocli reports it
        }
        return null;
      }
    }
    return null;
  }

  /**
   * Runs the CLI and returns its exit code: 0 ok, 1 a spec was rejected, 2 usage error, 3 breaking
   * changes found by {@code diff --fail-on-breaking}.
   */
  public static int run(String... args) {
    return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
  }

  /** As {@link #run(String...)}, printing to the given streams. */
  public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    // Subcommands are added before the settings below, which apply to those present. Picocli
    // reflects over each command's annotations when it is added (a fifth of a one-spec run's
    // start-up for all three): a run names its command first, so only that one is built; help,
    // errors and anything else get all of them.
    String command = args.length > 0 ? args[0] : "";
    if (command.equals("generate")) {
      cli.addSubcommand(new GenerateCommand());
    } else if (command.equals("diff")) {
      cli.addSubcommand(new DiffCommand());
    } else {
      cli.addSubcommand(new GenerateCommand());
      cli.addSubcommand(new DiffCommand());
      cli.addSubcommand(new CommandLine.HelpCommand());
    }
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(UsageErrors::handle);
    cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      // Never a stack trace for a failure: one line, exit 1.
      cmd.getErr().println("discogen: internal error: " + ex);
      if (System.getenv("DISCOGEN_DEBUG") != null) {
        ex.printStackTrace(cmd.getErr());
      }
      return 1;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try: discogen generate --help, discogen diff --help)");
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"discogen " + io.discogen.Generator.version()};
    }
  }
}
