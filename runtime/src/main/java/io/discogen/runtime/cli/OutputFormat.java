package io.discogen.runtime.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.discogen.runtime.json.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a generated command line prints what it got, as gcloud users expect ({@code --format}):
 * {@code json} (the default: pretty on a terminal, one line when piped, one line a value with
 * {@code --all}), {@code value(name,status.state)} (the fields' values tab-separated, one line a
 * value, for scripts) and {@code table(name,state,createTime)} (a header and aligned columns).
 * Field paths are dotted, each name as JSON has it or in kebab-case.
 */
public final class OutputFormat {
  private enum Kind { JSON, VALUE, TABLE }

  private final Kind kind;
  private final List<String> fields;

  private OutputFormat(Kind kind, List<String> fields) {
    this.kind = kind;
    this.fields = fields;
  }

  /**
   * The format {@code --format} names; null for the default.
   *
   * @throws UsageException for any other text
   */
  public static OutputFormat parse(String format) {
    String f = format == null ? "json" : format.trim();
    if (f.equals("json")) {
      return new OutputFormat(Kind.JSON, List.of());
    }
    for (Kind k : List.of(Kind.VALUE, Kind.TABLE)) {
      String open = k.name().toLowerCase(Locale.ROOT) + "(";
      if (f.startsWith(open) && f.endsWith(")")) {
        List<String> fields = new ArrayList<>();
        for (String field : f.substring(open.length(), f.length() - 1).split(",")) {
          if (!field.isBlank()) {
            fields.add(field.trim());
          }
        }
        if (!fields.isEmpty()) {
          return new OutputFormat(k, List.copyOf(fields));
        }
      }
    }
    throw new UsageException("--format: json, value(FIELD,...) or table(FIELD,...), not " + format);
  }

  /** A printer to {@code out}; {@code terminal}: whether a person reads it (JSON is then indented). */
  public Printer printer(PrintWriter out, boolean terminal) {
    return new Printer(out, terminal);
  }

  /** Prints one response, or the items of every page one by one ({@code --all}), then {@link #finish}. */
  public final class Printer {
    private final PrintWriter out;
    private final boolean terminal;
    private final List<List<String>> rows = new ArrayList<>();

    private Printer(PrintWriter out, boolean terminal) {
      this.out = out;
      this.terminal = terminal;
    }

    /** A whole response. */
    public void response(Object value) {
      if (kind == Kind.JSON) {
        out.println(json(value, terminal));
      } else {
        item(value);
      }
    }

    /** One of many values: JSON on one line each, so that a stream of pages can be read line by line. */
    public void item(Object value) {
      switch (kind) {
        case JSON -> out.println(json(value, false));
        case VALUE -> out.println(String.join("\t", cells(value)));
        case TABLE -> rows.add(cells(value));
      }
      out.flush();
    }

    /** Prints what waits for the end (a table's columns are as wide as their widest value). */
    public void finish() {
      if (kind == Kind.TABLE) {
        List<String> header = fields.stream().map(f -> ModelFields.kebab(f).replace('-', '_').replace('.', '_')
            .toUpperCase(Locale.ROOT)).toList();
        int[] width = new int[fields.size()];
        for (List<String> row : concat(header, rows)) {
          for (int i = 0; i < row.size(); i++) {
            width[i] = Math.max(width[i], row.get(i).length());
          }
        }
        for (List<String> row : concat(header, rows)) {
          StringBuilder line = new StringBuilder();
          for (int i = 0; i < row.size(); i++) {
            line.append(row.get(i));
            if (i < row.size() - 1) {
              line.append(" ".repeat(width[i] - row.get(i).length() + 2));
            }
          }
          out.println(line.toString().stripTrailing());
        }
        rows.clear();
      }
      out.flush();
    }

    private List<String> cells(Object value) {
      JsonNode tree = Json.get().mapper().valueToTree(value);
      List<String> cells = new ArrayList<>();
      for (String field : fields) {
        JsonNode v = tree;
        for (String part : field.split("\\.")) {
          JsonNode next = v == null ? null : v.get(part);
          v = next != null || v == null ? next : v.get(ModelFields.camel(part));
        }
        cells.add(v == null || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString());
      }
      return cells;
    }
  }

  private static List<List<String>> concat(List<String> header, List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>(rows.size() + 1);
    all.add(header);
    all.addAll(rows);
    return all;
  }

  private static String json(Object value, boolean pretty) {
    try {
      return pretty ? Json.get().mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value)
          : Json.get().writeString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print the response as JSON", e);
    }
  }
}
