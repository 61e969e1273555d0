package io.discogen.docs;

import io.discogen.ir.EnumSchema;
import io.discogen.ir.Method;
import io.discogen.ir.ObjectSchema;
import io.discogen.ir.Parameter;
import io.discogen.ir.Property;
import io.discogen.ir.Schema;
import io.discogen.ir.SecurityScheme;
import io.discogen.ir.TypeRef;
import io.discogen.java.CliNames;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * The page of one command of the generated command line ({@code --cli}), as the discovery-based
 * CLIs document theirs: synopsis, description, scopes, positional arguments, the request body's
 * fields in the {@code -r} cursor form, the options, output and exit codes, and an example that
 * the program accepts. Every name comes from {@link CliNames}, as the program's do.
 */
final class CliPage {
  /** Lines of the body structure shown at most: enough for most bodies; the model page has the rest. */
  private static final int MAX_STRUCTURE_LINES = 300;
  /** Objects nested deeper than this are named, not expanded. */
  private static final int MAX_DEPTH = 6;

  private final DocsContext ctx;

  CliPage(DocsContext ctx) {
    this.ctx = ctx;
  }

  /** {@code dataproc projects locations sessions create}. */
  static String commandLine(CliNames cli, CliNames.Command c) {
    return cli.program() + " " + String.join(" ", c.path());
  }

  Page render(CliNames.Command c) {
    Method m = c.method();
    String path = ctx.cliPage(m.id());
    Page page = new Page(path);
    String command = commandLine(ctx.cli, c);
    page.heading(1, null, Markdown.inline(command));
    DocsContext.Location java = ctx.methodLocation(m.id());
    page.block(Markdown.link("API index", DocsContext.relative(path, DocsContext.INDEX)) + " › "
        + Markdown.link("Command line", DocsContext.href(path, new DocsContext.Location(DocsContext.INDEX, ctx.commandLineAnchor)))
        + " › " + Markdown.inline(String.join(" ", c.path())) + " · Java reference: "
        + Markdown.link(Markdown.code(javaLabel(m)), DocsContext.href(path, java)));
    page.block(Sections.deprecatedNote(m.deprecated()).strip());
    page.block(Markdown.text(m.description(), ctx.site));

    page.heading(2, null, "Synopsis");
    page.code("", List.of(synopsis(c)));
    page.block("`" + m.httpMethod() + "` request; " + (m.response() == null ? "no response body."
        : "the response is " + ctx.typeMarkdown(m.response(), path) + "."));

    scopes(page, m);
    arguments(page, c);
    if (m.request() != null) {
      body(page, m);
    }
    options(page, c);
    commonOptions(page);
    output(page, m);

    page.heading(2, null, "Example");
    page.code("sh", example(c));
    page.block("Add `" + CliNames.DRY_RUN + "` to print the request as a curl command instead of sending it.");
    return page;
  }

  private String javaLabel(Method m) {
    return m.id().startsWith(ctx.api.name() + ".") ? m.id().substring(ctx.api.name().length() + 1) : m.id();
  }

  /** {@code dataproc projects locations sessions create PARENT [options]}. */
  String synopsis(CliNames.Command c) {
    StringBuilder sb = new StringBuilder(commandLine(ctx.cli, c));
    for (CliNames.Argument a : c.arguments()) {
      if (a.form() == CliNames.Form.POSITIONAL) {
        sb.append(' ').append(a.name());
      } else if (a.parameter().required()) {
        sb.append(' ').append(a.name()).append(' ').append(a.label());
      }
    }
    if (c.method().request() != null) {
      sb.append(" [").append(CliNames.BODY).append(" JSON] [").append(CliNames.FIELD).append(" FIELD...]");
    }
    return sb.append(" [options]").toString();
  }

  private void scopes(Page page, Method m) {
    if (!m.scopes().isEmpty()) {
      page.heading(2, null, "Scopes");
      List<String> items = new ArrayList<>();
      for (String s : m.scopes()) {
        items.add("- " + Markdown.code(s));
      }
      page.block("A token with any one of these OAuth scopes authorizes the call:");
      page.block(String.join("\n", items));
      page.block("Give one with `" + CliNames.ACCESS_TOKEN + " TOKEN`"
          + (ctx.cli.googleCredentials()
              ? "; without it the program uses Application Default Credentials (`gcloud auth application-default login`)."
              : "."));
    } else if (!ctx.api.securitySchemes().isEmpty()) {
      page.heading(2, null, "Security schemes");
      List<List<String>> rows = new ArrayList<>();
      for (SecurityScheme s : ctx.api.securitySchemes()) {
        rows.add(List.of(Markdown.cellCode(s.name()), schemeOption(s), Markdown.cell(s.description(), ctx.site)));
      }
      page.table(List.of("Scheme", "Command line", "Description"), rows);
    }
  }

  private static String schemeOption(SecurityScheme s) {
    return switch (s.kind()) {
      case API_KEY -> "`" + CliNames.API_KEY + " KEY`" + (s.parameterName() == null || s.location() == null ? ""
          : ", sent as the " + Markdown.cellCode(s.parameterName()) + " " + s.location().name().toLowerCase(Locale.ROOT)
              + (s.location() == Parameter.Location.QUERY ? " parameter" : ""));
      case HTTP_BEARER, OAUTH2, OPENID_CONNECT -> "`" + CliNames.ACCESS_TOKEN + " TOKEN` (a bearer token)";
      case HTTP_BASIC -> "`" + CliNames.USER + " USER:PASSWORD`";
    };
  }

  private void arguments(Page page, CliNames.Command c) {
    List<List<String>> rows = new ArrayList<>();
    for (CliNames.Argument a : c.arguments()) {
      if (a.form() == CliNames.Form.POSITIONAL) {
        Parameter p = a.parameter();
        rows.add(List.of("`" + a.name() + "`", Markdown.inline(typeText(p.type(), true)),
            Markdown.cell(p.description(), ctx.site), p.pattern() == null ? "" : Markdown.cellCode(p.pattern())));
      }
    }
    if (!rows.isEmpty()) {
      page.heading(2, null, "Arguments");
      page.block("Required, in this order.");
      page.table(List.of("Argument", "Type", "Description", "Pattern"), rows);
    }
  }

  private void body(Page page, Method m) {
    page.heading(2, null, "Request body");
    String type = ctx.typeMarkdown(m.request(), page.path());
    page.block("A " + type + ", given as JSON with `" + CliNames.BODY + " JSON` (`@FILE` reads a file, `-` standard input),"
        + " field by field with `" + CliNames.FIELD + "`, or both: `" + CliNames.FIELD + "` sets fields on top of `"
        + CliNames.BODY + "`. Without either the body is `{}`.");
    ObjectSchema o = object(m.request());
    if (o == null || properties(o).isEmpty()) {
      return;
    }
    page.block("`" + CliNames.FIELD + "` moves a cursor through the body: `NAME=VALUE` sets a field where the cursor is,"
        + " a bare `NAME` moves into that object or map (into a list of objects: a new element), `..` moves up, `.` to"
        + " the top, and `a.b=VALUE` sets below the cursor without moving it; a list field set again gets another element."
        + " The fields, indented as the cursor moves:");
    List<String> lines = new ArrayList<>();
    lines.add(ctx.javaName(o.id()));
    Deque<String> stack = new ArrayDeque<>();
    stack.push(o.id());
    structure(o, 1, stack, lines);
    page.code("", lines);
    page.block("Names may also be written as in JSON (camelCase); names and values are checked against the model"
        + " before anything is sent.");
  }

  /** One line per field: {@code name=type} for values, a bare {@code name} for what the cursor moves into. */
  private void structure(ObjectSchema o, int depth, Deque<String> stack, List<String> lines) {
    String indent = "  ".repeat(depth);
    for (Property p : properties(o)) {
      if (lines.size() >= MAX_STRUCTURE_LINES) {
        if (!lines.get(lines.size() - 1).endsWith("(more: see the model page)")) {
          lines.add(indent + "... (more: see the model page)");
        }
        return;
      }
      String name = codeSafe(CliNames.fieldName(p.name()));
      String note = p.outputOnly() ? "  (output only)" : "";
      TypeRef t = ctx.types.resolve(p.type());
      boolean list = false;
      if (t instanceof TypeRef.ListOf l) {
        list = true;
        t = ctx.types.resolve(l.element());
      }
      if (t instanceof TypeRef.MapOf mapOf) {
        TypeRef v = ctx.types.resolve(mapOf.value());
        ObjectSchema vo = object(v);
        if (list) {
          lines.add(indent + name + "=" + typeText(p.type()) + note);
        } else if (vo != null) {
          lines.add(indent + name + "  (map)" + note);
          lines.add(indent + "  KEY  (" + ctx.javaName(vo.id()) + ")");
          nested(vo, depth + 2, stack, lines);
        } else {
          lines.add(indent + name + "  (map)" + note);
          lines.add(indent + "  KEY=" + codeSafe(typeText(v)));
        }
        continue;
      }
      ObjectSchema child = object(t);
      if (child != null) {
        lines.add(indent + name + "  (" + (list ? "list: each " + CliNames.FIELD + " " + name + " adds an element; " : "")
            + ctx.javaName(child.id()) + ")" + note);
        nested(child, depth + 1, stack, lines);
      } else {
        lines.add(indent + name + "=" + codeSafe(typeText(p.type())) + note);
      }
    }
  }

  private void nested(ObjectSchema o, int depth, Deque<String> stack, List<String> lines) {
    String indent = "  ".repeat(depth);
    if (stack.contains(o.id())) {
      lines.add(indent + "... (as above)");
    } else if (depth > MAX_DEPTH) {
      lines.add(indent + "... (see the model page)");
    } else {
      stack.push(o.id());
      structure(o, depth, stack, lines);
      stack.pop();
    }
  }

  /** An object's properties, its parent's first, as the model class has them. */
  private List<Property> properties(ObjectSchema o) {
    List<Property> out = new ArrayList<>();
    if (o.parent() != null && ctx.index.get(o.parent()) instanceof ObjectSchema parent && parent != o) {
      out.addAll(properties(parent));
    }
    out.addAll(o.properties());
    return out;
  }

  /** The object schema a type is, or null. */
  private ObjectSchema object(TypeRef t) {
    return ctx.types.resolve(t) instanceof TypeRef.Named n && ctx.index.get(n.schemaId()) instanceof ObjectSchema o ? o : null;
  }

  /** A body field's type as the cursor takes it: {@code string}, {@code int64}, {@code enum (A, B)}, {@code list of string}. */
  String typeText(TypeRef type) {
    return typeText(type, false);
  }

  /**
   * A type as the command line takes it; {@code option}: as an option's or argument's value, which
   * picocli converts (a duration as ISO 8601, {@code PT3.5S}), not the cursor (as JSON has it, {@code 3.5s}).
   */
  String typeText(TypeRef type, boolean option) {
    TypeRef t = ctx.types.resolve(type);
    if (t instanceof TypeRef.ListOf l) {
      return "list of " + typeText(l.element(), option);
    } else if (t instanceof TypeRef.MapOf m) {
      return "map of " + typeText(m.value(), option);
    } else if (t instanceof TypeRef.Named n) {
      Schema s = ctx.index.get(n.schemaId());
      if (s instanceof EnumSchema e) {
        List<String> values = new ArrayList<>();
        for (EnumSchema.EnumValue v : e.values()) {
          values.add(v.value());
        }
        return "enum (" + String.join(", ", values) + ")";
      }
      return s instanceof ObjectSchema ? "object (" + ctx.javaName(n.schemaId()) + ")" : "JSON (" + ctx.javaName(n.schemaId()) + ")";
    } else if (t instanceof TypeRef.Primitive p) {
      return switch (p.kind()) {
        case STRING -> "string";
        case BOOLEAN -> "boolean";
        case INT32 -> "int32";
        case UINT32 -> "uint32";
        case INT64, INT64_NUMBER -> "int64";
        case UINT64 -> "uint64";
        case FLOAT, DOUBLE -> "number";
        case DECIMAL -> "decimal";
        case BYTES, BINARY -> "bytes (base64)";
        case BYTES_URL_SAFE -> option ? "bytes (base64, sent URL-safe)" : "bytes (URL-safe base64)";
        case DATE_TIME, OFFSET_DATE_TIME -> "timestamp (RFC 3339)";
        case DATE -> "date (2024-01-01)";
        case DURATION -> option ? "duration (ISO 8601, PT3.5S)" : "duration (3.5s)";
        case FIELD_MASK -> "field mask (name,labels)";
        case UUID -> "UUID";
        case URI -> "URI";
      };
    }
    return "any JSON value";
  }

  private void options(Page page, CliNames.Command c) {
    Method m = c.method();
    List<List<String>> rows = new ArrayList<>();
    for (CliNames.Argument a : c.arguments()) {
      if (a.form() == CliNames.Form.POSITIONAL) {
        continue;
      }
      Parameter p = a.parameter();
      String type = Markdown.inline(typeText(p.type(), a.form() == CliNames.Form.OPTION)) + (a.form() == CliNames.Form.JSON_OPTION ? ", as JSON" : "")
          + (p.repeated() || ctx.types.resolve(p.type()) instanceof TypeRef.ListOf ? "; repeat for more" : "")
          + (a.form() == CliNames.Form.OPTION && ctx.types.resolve(p.type()) instanceof TypeRef.MapOf
              ? "; `KEY=VALUE`, repeat for more" : "");
      String description = (p.deprecated() ? "**Deprecated.** " : "") + Markdown.cell(p.description(), ctx.site);
      if (p.defaultValue() != null) {
        description += (description.isEmpty() ? "" : "<br>") + "Default: " + Markdown.cellCode(p.defaultValue());
      }
      rows.add(List.of("`" + a.name() + " " + a.label() + "`", type, p.required() ? "yes" : "no", description));
    }
    if (m.request() != null) {
      rows.add(List.of("`" + CliNames.BODY + " JSON`", "JSON, `@FILE` or `-`", "no",
          "The request body, " + ctx.typeMarkdown(m.request(), page.path()) + ".")); 
      rows.add(List.of("`" + CliNames.FIELD + " FIELD...`, `" + CliNames.FIELD_LONG + "`", "cursor steps", "no",
          "Body fields on top of `" + CliNames.BODY + "` (see above). Put it after the arguments: it takes every"
              + " argument up to the next option."));
    }
    if (m.pagedItem() != null) {
      rows.add(List.of("`" + CliNames.ALL + "`", "", "no",
          "Every item of every page (" + ctx.typeMarkdown(m.pagedItem(), page.path()) + "), printed as it comes."));
      rows.add(List.of("`" + CliNames.LIMIT + " N`", "int32", "no", "With `" + CliNames.ALL + "`: stop after N items."));
    }
    if (m.longRunning() != null) {
      rows.add(List.of("`" + CliNames.WAIT + "`", "", "no", "Wait until the operation is done; print it then."));
    }
    if (m.mediaUpload() != null) {
      rows.add(List.of("`" + CliNames.UPLOAD + " FILE`", "file", "no",
          "Upload this file's content (resumable above 8 MiB; progress on a terminal)."));
      rows.add(List.of("`" + CliNames.UPLOAD_TYPE + " TYPE`", "string", "no",
          "The upload's content type; default: guessed from the file name."));
    }
    if (m.mediaDownload() != null) {
      rows.add(List.of("`" + CliNames.DOWNLOAD + " FILE`", "file", "no",
          "Download the media (`alt=media`) into FILE (`-` for standard output) instead of printing the metadata."));
    } else if (m.binaryResponse() != null) {
      rows.add(List.of("`" + CliNames.DOWNLOAD + " FILE`", "file", "no",
          "Write the response body into FILE; default: standard output."));
    }
    page.heading(2, null, "Options");
    if (rows.isEmpty()) {
      page.block("None of its own.");
    } else {
      page.table(List.of("Option", "Type", "Required", "Description"), rows);
    }
  }

  private void commonOptions(Page page) {
    page.heading(2, null, "Options of every command");
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("`" + CliNames.ROOT_URL + " URL`", "The API's root URL (an emulator, a fake); default: "
        + Markdown.cellCode(ctx.api.endpoints().rootUrl()) + "."));
    rows.add(List.of("`" + CliNames.ACCESS_TOKEN + " TOKEN`", "An OAuth access token, sent as a bearer token."));
    rows.add(List.of("`" + CliNames.API_KEY + " KEY`", "An API key."));
    rows.add(List.of("`" + CliNames.FORMAT + " FORMAT`", "`json` (the default: indented on a terminal, one line when piped),"
        + " `value(FIELD,...)`: the fields' values tab-separated, or `table(FIELD,...)`: aligned columns under a header;"
        + " dotted paths into objects."));
    rows.add(List.of("`" + CliNames.DRY_RUN + "`", "Send nothing: print the request as a curl command (credentials redacted)."));
    rows.add(List.of("`" + CliNames.VERBOSE + "`", "Log each HTTP exchange on standard error, credentials redacted."));
    rows.add(List.of("`" + CliNames.OUTPUT_SHORT + " FILE`, `" + CliNames.OUTPUT + "`",
        "Write what is printed into FILE instead of standard output."));
    if (ctx.cli.googleCredentials()) {
      rows.add(List.of("`" + CliNames.SCOPE + " SCOPE`",
          "An OAuth scope to ask Application Default Credentials for (repeatable); default: the method's."));
    }
    if (ctx.cli.basicAuth()) {
      rows.add(List.of("`" + CliNames.USER + " USER:PASSWORD`", "HTTP basic authentication, as curl's `-u` takes it."));
    }
    rows.add(List.of("`-h`, `--help`", "Show the command's help."));
    rows.add(List.of("`-V`, `--version`", "Show the API's name, version and revision."));
    for (CliNames.Argument a : ctx.cli.commonOptions()) {
      Parameter p = a.parameter();
      rows.add(List.of("`" + a.name() + " " + a.label() + "`", (p.deprecated() ? "**Deprecated.** " : "")
          + Markdown.cell(p.description(), ctx.site) + (ctx.types.enumOf(p.type()) != null
              ? (p.description() == null || p.description().isBlank() ? "" : "<br>") + "One of: "
                  + Markdown.inline(typeText(p.type(), true).replaceFirst("^enum \\((.*)\\)$", "$1"))
              : "")));
    }
    page.table(List.of("Option", "Description"), rows);
    if (!ctx.cli.commonOptions().isEmpty()) {
      page.block("The last " + ctx.cli.commonOptions().size() + " are the API's "
          + Markdown.link("common parameters", DocsContext.href(page.path(),
              new DocsContext.Location(DocsContext.INDEX, ctx.commonParametersAnchor))) + ".");
    }
  }

  private void output(Page page, Method m) {
    page.heading(2, null, "Output and exit codes");
    page.block(m.response() == null
        ? "Prints nothing when the call succeeds."
        : "Prints the response (" + ctx.typeMarkdown(m.response(), page.path()) + ") as JSON on standard output, or as `"
            + CliNames.FORMAT + "` says." + (m.pagedItem() != null ? " With `" + CliNames.ALL + "`, one item a line." : ""));
    page.block(String.join("\n",
        "- `0`: done",
        "- `1`: the API answered with an error (its status and message on standard error)",
        "- `2`: usage error (an unknown option, a missing argument, invalid JSON, an unknown field or a wrong value)",
        "- `3`: the API could not be reached"));
  }

  /** A command line the program accepts: required arguments filled in, and a short {@code -r} body. */
  List<String> example(CliNames.Command c) {
    Method m = c.method();
    List<String> words = new ArrayList<>();
    words.add(commandLine(ctx.cli, c));
    for (CliNames.Argument a : c.arguments()) {
      Parameter p = a.parameter();
      if (a.form() == CliNames.Form.POSITIONAL) {
        words.add(shellQuote(textValue(p.type(), p.name(), p.pattern(), true)));
      } else if (a.form() == CliNames.Form.OPTION && (p.required() || saysRequired(p))) {
        words.add(a.name() + " " + shellQuote(textValue(p.type(), p.name(), null, true)));
      } else if (a.form() == CliNames.Form.JSON_OPTION) {
        words.add(a.name() + " " + shellQuote(jsonValue(p.type())));
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(String.join(" ", words));
    ObjectSchema o = m.request() == null ? null : object(m.request());
    if (o != null) {
      List<String> steps = bodySteps(o);
      if (!steps.isEmpty()) {
        lines.add("    " + CliNames.FIELD + " . " + String.join(" ", steps));
      }
    } else if (m.request() != null && ctx.types.resolve(m.request()) instanceof TypeRef.ListOf) {
      lines.add("    " + CliNames.BODY + " '[]'");
    }
    for (int i = 0; i < lines.size() - 1; i++) {
      lines.set(i, lines.get(i) + " \\");
    }
    return lines;
  }

  /** An optional parameter that Google's descriptions call required ({@code sessionId}: "Required. The ID ..."). */
  private static boolean saysRequired(Parameter p) {
    return p.description() != null && p.description().startsWith("Required.");
  }

  /** A writable value field at the top, and one inside an object (or a list of objects): {@code name=my-name config image=my-image}. */
  private List<String> bodySteps(ObjectSchema o) {
    List<String> steps = new ArrayList<>();
    String top = null;
    String nested = null;
    for (Property p : properties(o)) {
      if (!settable(p)) {
        continue;
      }
      String value = simpleValue(p);
      if (value != null && top == null) {
        top = CliNames.fieldName(p.name()) + "=" + value;
      }
      TypeRef t = ctx.types.resolve(p.type());
      // Moving into a list of objects adds an element: as good an example as an object.
      ObjectSchema child = object(t instanceof TypeRef.ListOf l ? l.element() : t);
      if (value == null && nested == null && child != null && child != o) {
        for (Property q : properties(child)) {
          String v = settable(q) ? simpleValue(q) : null;
          if (v != null) {
            nested = CliNames.fieldName(p.name()) + " " + CliNames.fieldName(q.name()) + "=" + v;
            break;
          }
        }
      }
    }
    if (top != null) {
      steps.add(top);
    }
    if (nested != null) {
      steps.add(nested);
    }
    return steps;
  }

  /** Whether an example may set a property: written by callers, named as the cursor takes it plainly. */
  private boolean settable(Property p) {
    return !p.outputOnly() && !p.deprecated() && p.constValue() == null && p.name().matches("[a-z][A-Za-z0-9]*");
  }

  /** A cursor value for a scalar property that needs no shell quoting, or null. */
  private String simpleValue(Property p) {
    TypeRef t = ctx.types.resolve(p.type());
    if (t instanceof TypeRef.Named n && ctx.index.get(n.schemaId()) instanceof EnumSchema e) {
      String v = enumValue(e);
      return v != null && v.matches("[A-Za-z0-9._-]+") ? v : null;
    }
    if (!(t instanceof TypeRef.Primitive)) {
      return null;
    }
    String v = textValue(t, p.name(), null, false);
    return v.matches("[A-Za-z0-9._:/-]+") ? v : null;
  }

  /**
   * A value of a parameter ({@code option}) or body field as text the program converts: {@code
   * projects/my-project}, {@code 10}.
   */
  private String textValue(TypeRef type, String hint, String pattern, boolean option) {
    TypeRef t = ctx.types.resolve(type);
    if (t instanceof TypeRef.ListOf l) {
      return textValue(l.element(), hint, null, option);
    }
    if (t instanceof TypeRef.MapOf m && option) {
      return "key=" + textValue(m.value(), hint, null, true);
    }
    if (t instanceof TypeRef.Named n && ctx.index.get(n.schemaId()) instanceof EnumSchema e) {
      String v = enumValue(e);
      return v == null ? "value" : v;
    }
    if (t instanceof TypeRef.Primitive p) {
      return switch (p.kind()) {
        case STRING -> pattern != null ? JavaSnippet.fromPattern(pattern, hint) : "my-" + JavaSnippet.kebab(hint);
        case FIELD_MASK -> "name";
        case BOOLEAN -> "true";
        case INT32, UINT32, INT64, INT64_NUMBER, UINT64, DECIMAL -> "10";
        case FLOAT, DOUBLE -> "1.5";
        case BYTES, BYTES_URL_SAFE, BINARY -> "aGVsbG8=";
        case UUID -> "123e4567-e89b-12d3-a456-426614174000";
        case DATE_TIME, OFFSET_DATE_TIME -> "2024-01-01T00:00:00Z";
        case URI -> "https://example.com/";
        case DATE -> "2024-01-01";
        case DURATION -> option ? "PT30S" : "30s";
      };
    }
    return "value";
  }

  /** A JSON value of a type: for parameters the program reads as JSON. */
  private String jsonValue(TypeRef type) {
    TypeRef t = ctx.types.resolve(type);
    if (t instanceof TypeRef.ListOf) {
      return "[]";
    }
    if (t instanceof TypeRef.Named n && ctx.index.get(n.schemaId()) instanceof EnumSchema e) {
      String v = enumValue(e);
      return v == null ? "null" : "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
    if (t instanceof TypeRef.Primitive p) {
      String v = textValue(t, "value", null, false);
      return switch (p.kind()) {
        case BOOLEAN, INT32, UINT32, INT64_NUMBER, DECIMAL, FLOAT, DOUBLE -> v;
        default -> "\"" + v + "\"";
      };
    }
    return "{}";
  }

  /** The value an example uses: the first not deprecated, not the {@code *_UNSPECIFIED} one. */
  private static String enumValue(EnumSchema e) {
    String pick = null;
    for (EnumSchema.EnumValue v : e.values()) {
      if (!v.deprecated() && !v.value().endsWith("_UNSPECIFIED")) {
        return v.value();
      }
      if (pick == null) {
        pick = v.value();
      }
    }
    return pick;
  }

  /** A word as the shell takes it literally: as it is when plain, else in single quotes. */
  static String shellQuote(String s) {
    if (!s.isEmpty() && s.matches("[A-Za-z0-9._/:=@%+,-]+")) {
      return s;
    }
    return "'" + codeSafe(s).replace("'", "'\\''") + "'";
  }

  /** Spec text for a line of a code block: no line breaks or control characters. */
  private static String codeSafe(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
    }
    return sb.toString();
  }
}
