package io.discogen.runtime.cli;

/**
 * A command line that cannot be run as given (an unknown field, a value of the wrong type, a file
 * that cannot be read): the generated program prints the message with the command's usage and
 * exits with 2, before anything is sent.
 */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
