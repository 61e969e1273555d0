package io.discogen.runtime.cli;

import java.util.List;

/**
 * A command that holds others (the program, a resource): its sub-commands by name, each made
 * only when asked for, so that a command line builds the commands along its own path rather than
 * the whole API's (see {@link CommandTree}).
 */
public interface CommandGroup {

  /** The sub-commands' names, in the order help lists them. */
  List<String> subcommandNames();

  /** A new sub-command named {@code name}, or null when there is none. */
  Object subcommand(String name);
}
