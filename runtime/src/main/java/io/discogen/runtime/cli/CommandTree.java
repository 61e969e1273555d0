package io.discogen.runtime.cli;

import picocli.CommandLine;

/**
 * Builds a program's picocli command line from its {@link CommandGroup}s. Picocli reads every
 * command's annotations by reflection when the command is added, which for a whole API (Dataproc:
 * about 700 commands) took most of a command's start-up; {@link #along} adds only the commands the
 * arguments name, and every sub-command of the level where they stop (so that help lists them and
 * a mistyped name gets suggestions). Shell completion needs the whole tree, and gets it.
 */
public final class CommandTree {
  /** picocli's {@code AutoComplete.GenerateCompletion}: it prints the script of the whole tree. */
  public static final String COMPLETION = "generate-completion";

  private CommandTree() {
  }

  /** The whole command line: every command of the program. */
  public static CommandLine whole(CommandGroup program) {
    CommandLine root = new CommandLine(program);
    addAll(root, program, true);
    return configure(root);
  }

  /** The command line that {@code args} need: the commands they name and the level they stop at. */
  public static CommandLine along(CommandGroup program, String... args) {
    if (args.length > 0 && args[0].equals(COMPLETION)) {
      return whole(program);
    }
    CommandLine root = new CommandLine(program);
    CommandLine at = root;
    CommandGroup group = program;
    for (int i = 0; ; i++) {
      Object next = i < args.length ? group.subcommand(args[i]) : null;
      if (next == null) {
        addAll(at, group, false);
        break;
      }
      CommandLine sub = new CommandLine(next);
      at.addSubcommand(args[i], sub);
      if (!(next instanceof CommandGroup g)) {
        break;
      }
      at = sub;
      group = g;
    }
    return configure(root);
  }

  private static void addAll(CommandLine at, CommandGroup group, boolean deep) {
    for (String name : group.subcommandNames()) {
      Object sub = group.subcommand(name);
      CommandLine line = new CommandLine(sub);
      at.addSubcommand(name, line);
      if (deep && sub instanceof CommandGroup g) {
        addAll(line, g, true);
      }
    }
  }

  /** {@code @FILE} arguments are not expanded: {@code --body @FILE} reads the file itself. */
  private static CommandLine configure(CommandLine root) {
    return root.setExpandAtFiles(false);
  }
}
