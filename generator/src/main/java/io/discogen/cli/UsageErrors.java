package io.discogen.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * How the CLI reports usage errors. Kept out of {@link Main}: exec-maven-plugin's
 * {@code blockSystemExit} rewrites the class that calls {@code System.exit}, and gives up (letting
 * the exit end the whole Maven build, silently) on a class whose stack frames it cannot compute
 * without loading picocli, as this code's would need.
 */
final class UsageErrors {
  private UsageErrors() {}

  /**
   * A usage error: the error first, suggestions for a mistyped option, and one line pointing to
   * the help, not the whole help (which pushed the error off the screen); exit 2. An unknown
   * option is named even where picocli would first report the required option it was meant to
   * be ({@code --spce} for {@code --spec}).
   */
  static int handle(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    CommandLine.ParameterException shown = ex;
    if (ex instanceof CommandLine.MissingParameterException) {
      List<String> unknown = unknownOptions(cmd.getCommandSpec(), args);
      if (!unknown.isEmpty()) {
        shown = new CommandLine.UnmatchedArgumentException(cmd, unknown);
      }
    }
    err.println("discogen: " + shown.getMessage());
    if (shown instanceof CommandLine.UnmatchedArgumentException u) {
      CommandLine.UnmatchedArgumentException.printSuggestions(u, err);
    }
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    return 2;
  }

  /** Arguments shaped like options ({@code --x}, {@code --x=v}) that {@code spec} does not have. */
  private static List<String> unknownOptions(CommandLine.Model.CommandSpec spec, String[] args) {
    List<String> unknown = new ArrayList<>();
    for (String a : args) {
      String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      if (name.startsWith("--") && name.length() > 2 && spec.findOption(name) == null) {
        unknown.add(name);
      }
    }
    return unknown;
  }
}
