package io.discogen.spec;

/**
 * One thing wrong with a spec, reported as a single line: {@code file: location: message}.
 *
 * @param file the spec file as the user named it
 * @param location a JSON pointer ({@code /resources/sessions/methods/get}) or {@code line:column}
 *     for syntax errors; empty when the whole file is at fault
 * @param message what is wrong, in one line
 */
public record SpecProblem(String file, String location, String message) {

  public SpecProblem {
    message = oneLine(message);
  }

  @Override
  public String toString() {
    return location == null || location.isEmpty()
        ? file + ": " + message
        : file + ": " + location + ": " + message;
  }

  private static String oneLine(String s) {
    if (s == null) {
      return "unknown problem";
    }
    String flat = s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').strip();
    return flat.length() > 500 ? flat.substring(0, 500) + "..." : flat;
  }
}
