package io.discogen.discovery;

import io.discogen.spec.SpecException;
import io.discogen.spec.SpecProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem found in one document, so the user sees them all at once, and remembers
 * where the parser is so that an unexpected failure can still be reported at a JSON location.
 */
final class Problems {
  private final String file;
  private final List<SpecProblem> problems = new ArrayList<>();
  private String at = "";

  Problems(String file) {
    this.file = file;
  }

  void add(String pointer, String message) {
    problems.add(new SpecProblem(file, pointer, message));
  }

  /** Records the pointer being worked on; only used to locate unexpected failures. */
  void at(String pointer) {
    at = pointer;
  }

  String at() {
    return at;
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  SpecException exception() {
    return new SpecException(problems);
  }
}
