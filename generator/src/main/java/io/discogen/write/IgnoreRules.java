package io.discogen.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The user's {@code .discogen-ignore}: generated files they have taken over, in gitignore syntax
 * (as OpenAPI Generator's {@code .openapi-generator-ignore}). Discogen neither writes nor deletes an
 * ignored path. Supported: {@code #} comments, {@code !} negation (the last matching rule wins),
 * {@code *}, {@code ?}, {@code [a-z]} and {@code [!x]}, {@code **} across directories, a trailing
 * {@code /} for directories only, and a {@code /} anywhere but the end anchoring the pattern to the
 * output directory; a path inside an ignored directory is ignored, as in git. Written by hand, not
 * taken from JGit: that library is 3 MB for a hundred lines the generator's one jar would carry.
 */
public final class IgnoreRules {
  /** The file's name, in the output directory. */
  public static final String FILE = ".discogen-ignore";

  private record Rule(Pattern pattern, boolean negated, boolean directoryOnly) {}

  private final List<Rule> rules;

  private IgnoreRules(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** No rules: nothing is ignored. */
  public static IgnoreRules none() {
    return new IgnoreRules(List.of());
  }

  /** The rules of {@code outputDirectory}'s ignore file, or none when it has none. */
  public static IgnoreRules read(Path outputDirectory) throws IOException {
    Path file = outputDirectory.resolve(FILE);
    return Files.isRegularFile(file) ? parse(Files.readString(file, StandardCharsets.UTF_8)) : none();
  }

  public static IgnoreRules parse(String text) {
    List<Rule> rules = new ArrayList<>();
    for (String raw : text.split("\r?\n", -1)) {
      String line = stripTrailingSpaces(raw);
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      boolean negated = line.startsWith("!");
      if (negated || line.startsWith("\\!") || line.startsWith("\\#")) {
        line = line.substring(1);
      }
      boolean directoryOnly = line.endsWith("/");
      if (directoryOnly) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.isEmpty()) {
        continue;
      }
      // A slash at the start or in the middle anchors the pattern; otherwise it matches at any depth.
      boolean anchored = line.contains("/");
      if (line.startsWith("/")) {
        line = line.substring(1);
      }
      String regex = (anchored ? "" : "(?:.*/)?") + globToRegex(line);
      rules.add(new Rule(Pattern.compile(regex), negated, directoryOnly));
    }
    return new IgnoreRules(rules);
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /** Whether the file at {@code path} (relative, {@code /}-separated) is ignored. */
  public boolean ignores(String path) {
    if (rules.isEmpty()) {
      return false;
    }
    // As git: once a directory is excluded, nothing inside it can be re-included.
    for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
      if (decide(path.substring(0, slash), true)) {
        return true;
      }
    }
    return decide(path, false);
  }

  private boolean decide(String path, boolean directory) {
    boolean ignored = false;
    for (Rule r : rules) {
      if ((directory || !r.directoryOnly()) && r.pattern().matcher(path).matches()) {
        ignored = !r.negated();
      }
    }
    return ignored;
  }

  private static String stripTrailingSpaces(String line) {
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ' && !(end > 1 && line.charAt(end - 2) == '\\')) {
      end--;
    }
    return line.substring(0, end);
  }

  /** gitignore's glob, as a regular expression over a whole relative path. */
  static String globToRegex(String glob) {
    StringBuilder re = new StringBuilder();
    int n = glob.length();
    for (int i = 0; i < n; i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < n && glob.charAt(i + 1) == '*'
          && (i == 0 || glob.charAt(i - 1) == '/') && (i + 2 == n || glob.charAt(i + 2) == '/')) {
        if (i + 2 == n) {
          re.append(".*"); // trailing "/**": everything inside
        } else {
          re.append("(?:.*/)?"); // "**/": zero or more directories
          i++; // the slash after the stars
        }
        i++;
      } else if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else if (c == '[') {
        int close = glob.indexOf(']', i + 2);
        if (close < 0) {
          re.append("\\[");
          continue;
        }
        String body = glob.substring(i + 1, close);
        boolean negate = body.startsWith("!") || body.startsWith("^");
        if (negate) {
          body = body.substring(1);
        }
        re.append('[').append(negate ? "^/" : "");
        for (char b : body.toCharArray()) {
          re.append(b == '\\' || b == '[' || b == ']' || b == '^' || b == '&' ? "\\" + b : String.valueOf(b));
        }
        re.append(']');
        i = close;
      } else if (c == '\\' && i + 1 < n) {
        re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return re.toString();
  }
}
