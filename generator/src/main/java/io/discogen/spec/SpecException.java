package io.discogen.spec;

import java.util.List;
import java.util.stream.Collectors;

/** A spec was rejected. Carries every problem found, each printable as one line. */
public final class SpecException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<SpecProblem> problems;

  public SpecException(List<SpecProblem> problems) {
    super(problems.stream().map(SpecProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public SpecException(SpecProblem problem) {
    this(List.of(problem));
  }

  public List<SpecProblem> problems() {
    return problems;
  }
}
