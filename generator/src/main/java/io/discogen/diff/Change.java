package io.discogen.diff;

/**
 * One change between two revisions of an API.
 *
 * @param kind what changed
 * @param severity how it affects users of the generated client (always {@code kind.severity()})
 * @param where the element that changed
 * @param oldValue the old value (a Java type, a name, a default, ...), or null when nothing was there
 * @param newValue the new value, or null when it is gone
 * @param description one line for humans; names are quoted with backticks
 */
public record Change(
    ChangeKind kind, Severity severity, Location where, String oldValue, String newValue, String description) {

  public Change {
    if (severity != kind.severity()) {
      throw new IllegalArgumentException(kind + " is " + kind.severity() + ", not " + severity);
    }
  }

  Change(ChangeKind kind, Location where, String oldValue, String newValue, String description) {
    this(kind, kind.severity(), where, oldValue, newValue, description);
  }
}
