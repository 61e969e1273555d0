package io.discogen.docs;

import java.util.List;

/** A Markdown page being written: paragraphs, headings, tables and code blocks, blank-line separated. */
final class Page {
  private final String path;
  private final StringBuilder sb = new StringBuilder();

  Page(String path) {
    this.path = path;
  }

  String path() {
    return path;
  }

  /** A block (paragraph, heading, list) followed by a blank line; empty blocks are skipped. */
  Page block(String markdown) {
    if (markdown != null && !markdown.isEmpty()) {
      sb.append(markdown).append("\n\n");
    }
    return this;
  }

  Page heading(int level, String anchorId, String markdown) {
    return block("#".repeat(level) + " " + (anchorId == null ? "" : Markdown.anchor(anchorId)) + markdown);
  }

  /** A table; every cell must already be cell-safe Markdown. */
  Page table(List<String> header, List<List<String>> rows) {
    StringBuilder t = new StringBuilder();
    t.append("| ").append(String.join(" | ", header)).append(" |\n|");
    for (int i = 0; i < header.size(); i++) {
      t.append(" --- |");
    }
    for (List<String> row : rows) {
      t.append("\n|");
      for (String cell : row) {
        t.append(' ').append(cell).append(" |");
      }
    }
    return block(t.toString());
  }

  /** A fenced code block; the fence is longer than any run of backticks inside, which cannot end it. */
  Page code(String language, List<String> lines) {
    String text = String.join("\n", lines);
    int longest = 0;
    for (int i = 0, run = 0; i < text.length(); i++) {
      run = text.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(Math.max(3, longest + 1));
    return block(fence + language + "\n" + text + "\n" + fence);
  }

  String text() {
    String s = sb.toString();
    return s.endsWith("\n\n") ? s.substring(0, s.length() - 1) : s;
  }
}
