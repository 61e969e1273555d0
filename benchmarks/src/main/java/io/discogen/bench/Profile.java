package io.discogen.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Summarises {@code jfr print --stack-depth 200 --events jdk.ExecutionSample FILE} (read from stdin)
 * as Markdown: the share of samples per top (self) method, and per class anywhere on the stack
 * (inclusive: each class counted once per sample), for classes of interest.
 */
public final class Profile {
  private Profile() {}

  public static void main(String[] args) throws IOException {
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> inclusive = new HashMap<>();
    int samples = 0;
    List<String> stack = null;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        String t = line.trim();
        if (t.startsWith("stackTrace = [")) {
          stack = new ArrayList<>();
        } else if (stack != null && t.equals("]")) {
          if (!stack.isEmpty()) {
            samples++;
            self.merge(stack.get(0), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (String f : stack) {
              String cls = className(f);
              if (seen.add(cls)) {
                inclusive.merge(cls, 1, Integer::sum);
              }
            }
          }
          stack = null;
        } else if (stack != null && !t.isEmpty() && !t.equals("...")) {
          stack.add(method(t));
        }
      }
    }
    final int n = samples;
    StringBuilder md = new StringBuilder();
    md.append("JFR execution samples: ").append(samples).append(" (all threads).\n\n");
    md.append("| Self (top frame) | share |\n|---|---:|\n");
    top(self, 15).forEach(e -> md.append("| `").append(e.getKey()).append("` | ")
        .append(pct(e.getValue(), n)).append(" |\n"));
    md.append("\n| Inclusive (class anywhere on the stack) | share |\n|---|---:|\n");
    top(filter(inclusive), 20).forEach(e -> md.append("| `").append(e.getKey()).append("` | ")
        .append(pct(e.getValue(), n)).append(" |\n"));
    System.out.print(md);
  }

  private static Map<String, Integer> filter(Map<String, Integer> m) {
    Map<String, Integer> out = new HashMap<>();
    m.forEach((k, v) -> {
      if (k.startsWith("io.discogen.") || k.startsWith("com.palantir.javapoet.")
          || k.startsWith("com.fasterxml.jackson.") || k.startsWith("java.util.regex.")) {
        out.put(k, v);
      }
    });
    return out;
  }

  private static List<Map.Entry<String, Integer>> top(Map<String, Integer> m, int k) {
    return m.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(k).toList();
  }

  private static String pct(int v, int total) {
    return String.format("%.1f%%", 100.0 * v / Math.max(1, total));
  }

  /** "a.b.C.m(Args) line: 12" -> "a.b.C.m". */
  private static String method(String frame) {
    int paren = frame.indexOf('(');
    return paren < 0 ? frame : frame.substring(0, paren);
  }

  private static String className(String method) {
    int dot = method.lastIndexOf('.');
    String cls = dot < 0 ? method : method.substring(0, dot);
    int dollar = cls.indexOf('$');
    return dollar < 0 ? cls : cls.substring(0, dollar);
  }
}
