package io.discogen.docs;

import io.discogen.GeneratedFile;
import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rendered docs of some specs, with what the tests read from them: links, anchors, Java examples. */
record DocPages(Generator.Result result, Map<String, String> pages) {
  private static final Pattern LINK = Pattern.compile("(?<!\\\\)\\]\\(([^)\\s]*)\\)");
  private static final Pattern ANCHOR = Pattern.compile("<a id=\"([^\"]+)\"></a>");

  static DocPages render(List<Path> specs, String packageName) throws Exception {
    GeneratorOptions o = new GeneratorOptions(specs, Path.of("unused"), packageName, true, Path.of("unused-docs"));
    Generator.Result r = Generator.render(o, p -> {});
    Map<String, String> pages = new LinkedHashMap<>();
    for (GeneratedFile f : r.docs()) {
      pages.put(f.path(), new String(f.content(), StandardCharsets.UTF_8));
    }
    return new DocPages(r, pages);
  }

  String page(String path) {
    String p = pages.get(path);
    if (p == null) {
      throw new AssertionError("no page " + path + " in " + pages.keySet());
    }
    return p;
  }

  /** Every problem with relative links: a missing page, a missing anchor, a duplicate anchor. */
  List<String> brokenLinks() {
    List<String> problems = new ArrayList<>();
    Map<String, Set<String>> anchors = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : pages.entrySet()) {
      Set<String> ids = new LinkedHashSet<>();
      Matcher m = ANCHOR.matcher(e.getValue());
      while (m.find()) {
        if (!ids.add(m.group(1))) {
          problems.add(e.getKey() + ": duplicate anchor " + m.group(1));
        }
      }
      anchors.put(e.getKey(), ids);
    }
    for (Map.Entry<String, String> e : pages.entrySet()) {
      Matcher m = LINK.matcher(withoutCode(e.getValue()));
      while (m.find()) {
        String target = m.group(1);
        if (target.startsWith("https://") || target.startsWith("http://")) {
          continue;
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        String resolved = file.isEmpty() ? e.getKey() : resolve(e.getKey(), file);
        if (resolved == null || !pages.containsKey(resolved)) {
          problems.add(e.getKey() + ": link to missing page " + target);
        } else if (anchor != null && !anchors.get(resolved).contains(anchor)) {
          problems.add(e.getKey() + ": link to missing anchor " + target);
        }
      }
    }
    return problems.subList(0, Math.min(problems.size(), 30));
  }

  /** The text with fenced code blocks and code spans blanked out: links inside them are not links. */
  static String withoutCode(String text) {
    StringBuilder out = new StringBuilder();
    boolean fenced = false;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("```")) {
        fenced = !fenced;
        out.append('\n');
        continue;
      }
      if (fenced) {
        out.append('\n');
        continue;
      }
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == '\\' && i + 1 < line.length()) {
          out.append(c).append(line.charAt(++i));
        } else if (c == '`') {
          int j = i;
          while (j < line.length() && line.charAt(j) == '`') {
            j++;
          }
          String fence = line.substring(i, j);
          int close = line.indexOf(fence, j);
          while (close >= 0 && close + fence.length() < line.length() && line.charAt(close + fence.length()) == '`') {
            int k = close;
            while (k < line.length() && line.charAt(k) == '`') {
              k++;
            }
            close = line.indexOf(fence, k);
          }
          if (close < 0) {
            out.append(fence);
            i = j - 1;
          } else {
            out.append("CODE");
            i = close + fence.length() - 1;
          }
        } else {
          out.append(c);
        }
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** {@code file} relative to the directory of {@code page}, normalised; null if it leaves the docs. */
  static String resolve(String page, String file) {
    List<String> parts = new ArrayList<>(List.of(page.split("/")));
    parts.remove(parts.size() - 1);
    for (String seg : file.split("/")) {
      if (seg.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.remove(parts.size() - 1);
      } else if (!seg.equals(".") && !seg.isEmpty()) {
        parts.add(seg);
      }
    }
    return String.join("/", parts);
  }

  /** The body of every {@code ```java} block of every page, in page order. */
  List<String> javaBlocks() {
    List<String> blocks = new ArrayList<>();
    for (String text : pages.values()) {
      int i = 0;
      while ((i = text.indexOf("```java\n", i)) >= 0) {
        int end = text.indexOf("\n```", i + 8);
        blocks.add(text.substring(i + 8, end + 1));
        i = end + 4;
      }
    }
    return blocks;
  }

  /** The Markdown table rows (lines starting with a pipe) of a page section that mention {@code key}. */
  static String row(String page, String start) {
    for (String line : page.split("\n")) {
      if (line.startsWith(start)) {
        return line;
      }
    }
    throw new AssertionError("no line starting with " + start);
  }

  /** The cells of a table row, split at unescaped pipes. */
  static List<String> cells(String row) {
    List<String> cells = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 1; i < row.length(); i++) {
      char c = row.charAt(i);
      if (c == '\\' && i + 1 < row.length()) {
        cur.append(c).append(row.charAt(++i));
      } else if (c == '|') {
        cells.add(cur.toString().strip());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    return cells;
  }
}
