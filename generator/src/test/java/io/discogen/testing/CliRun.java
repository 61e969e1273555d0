package io.discogen.testing;

import io.discogen.runtime.cli.CommandGroup;
import io.discogen.runtime.cli.CommandTree;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/** A generated command line run in-process: its exit code and what it printed (line ends as {@code \n}). */
public record CliRun(int exit, String out, String err) {

  /**
   * Runs {@code program} (a generated {@code <Service>Cli}, by class name, from {@code loader}) as
   * its {@code main} does, only the commands the arguments name built ({@link CommandTree#along}),
   * with its output captured.
   */
  public static CliRun run(ClassLoader loader, String program, List<String> args) throws Exception {
    String[] argv = args.toArray(String[]::new);
    CommandGroup root = (CommandGroup) loader.loadClass(program).getDeclaredConstructor().newInstance();
    CommandLine cl = CommandTree.along(root, argv);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(argv);
    return new CliRun(exit, out.toString().replace("\r\n", "\n"), err.toString().replace("\r\n", "\n"));
  }

  public static CliRun run(ClassLoader loader, String program, String... args) throws Exception {
    return run(loader, program, List.of(args));
  }
}
