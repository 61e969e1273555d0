package io.discogen.it;

import io.discogen.runtime.cli.CommandGroup;
import io.discogen.runtime.cli.CommandTree;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** A generated command line run in-process against an emulator: its exit code and what it printed. */
public record CliRun(int exit, String out, String err) {

  /**
   * Runs {@code program} as its {@code main} does (only the commands the arguments name built), with
   * {@code --root-url=ROOT} added and its output captured.
   */
  public static CliRun run(CommandGroup program, String root, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--root-url=" + root);
    String[] argv = all.toArray(String[]::new);
    CommandLine cl = CommandTree.along(program, argv);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(argv);
    return new CliRun(exit, out.toString(), err.toString());
  }
}
