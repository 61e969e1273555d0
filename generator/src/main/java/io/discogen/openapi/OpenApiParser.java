package io.discogen.openapi;

import io.discogen.ir.ApiModel;
import io.discogen.ir.Endpoints;
import io.discogen.ir.SpecSource;
import io.discogen.spec.SpecException;
import io.discogen.spec.SpecProblem;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.servers.ServerVariable;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Builds the IR from an OpenAPI 3.x or Swagger 2.0 document (JSON or YAML), read with
 * swagger-parser, which also converts Swagger 2.0 and resolves relative multi-file {@code $ref}s.
 * swagger-parser's types never leave this package.
 *
 * <p>Normally reached through {@code SpecReader}, which reads and checks the file and tells the
 * formats apart.
 */
public final class OpenApiParser {
  private OpenApiParser() {}

  /**
   * Parses an OpenAPI or Swagger document.
   *
   * @param text the document's text (JSON or YAML)
   * @param file where it was read from, so relative {@code $ref}s to other files resolve; may be
   *     null for a document held in memory (then only references inside it resolve)
   * @param displayPath the file as the user named it, used in every problem
   * @return the API
   * @throws SpecException one line per problem
   */
  public static ApiModel parse(String text, Path file, String displayPath) throws SpecException {
    SwaggerParseResult result = read(text, file, displayPath);
    OpenAPI api = result.getOpenAPI();
    // Schemas are read from swagger-parser once, then checked and converted in their typed view.
    SchemaReader reader = new SchemaReader();
    List<SpecProblem> broken = References.check(api, reader, file, displayPath);
    if (!broken.isEmpty()) {
      throw new SpecException(broken);
    }
    try {
      return convert(api, reader, displayPath, warnings(result.getMessages(), file, displayPath));
    } catch (RuntimeException | StackOverflowError e) {
      throw new SpecException(new SpecProblem(displayPath, "",
          "cannot convert this OpenAPI document (" + e.getClass().getSimpleName() + ")"));
    }
  }

  private static SwaggerParseResult read(String text, Path file, String displayPath) throws SpecException {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(false);
    options.setFlatten(false);
    SwaggerParseResult result;
    try {
      result = file != null
          ? new OpenAPIParser().readLocation(file.toAbsolutePath().toString(), null, options)
          : new OpenAPIParser().readContents(text, null, options);
    } catch (RuntimeException | StackOverflowError e) {
      throw new SpecException(new SpecProblem(displayPath, "",
          "swagger-parser cannot read this document (" + e.getClass().getSimpleName() + ")"));
    }
    if (result == null || result.getOpenAPI() == null) {
      String why = result == null || result.getMessages() == null || result.getMessages().isEmpty()
          ? "not a readable OpenAPI or Swagger document"
          : "not a readable OpenAPI or Swagger document: " + result.getMessages().get(0);
      throw new SpecException(new SpecProblem(displayPath, "", why));
    }
    return result;
  }

  /**
   * swagger-parser's messages on a document it did read, one located warning each, in its order,
   * duplicates dropped ({@code attribute paths.'/pets'(get).responses is missing} becomes
   * {@code file: /paths/~1pets/get/responses: attribute responses is missing}).
   */
  static List<SpecProblem> warnings(List<String> messages, String displayPath) {
    return warnings(messages, null, displayPath);
  }

  /**
   * As {@link #warnings(List, String)}; the directory of {@code file}, which swagger-parser read by
   * its absolute path, is named as the user named it (messages on relative references carry it).
   */
  static List<SpecProblem> warnings(List<String> messages, Path file, String displayPath) {
    if (messages == null) {
      return List.of();
    }
    String dir = file == null || file.toAbsolutePath().getParent() == null ? null
        : file.toAbsolutePath().getParent().toString();
    Path shown = Path.of(displayPath).getParent();
    java.util.Set<SpecProblem> out = new java.util.LinkedHashSet<>();
    for (String m : messages) {
      if (m != null && !m.isBlank()) {
        String text = dir == null ? m.strip() : m.strip().replace(dir, shown == null ? "." : shown.toString());
        // swagger-parser says some things twice, the second time naming the component again at the end
        text = text.replaceFirst(" \\(#/[^()\\s]*\\)$", "");
        out.add(warning(text, displayPath));
      }
    }
    return List.copyOf(out);
  }

  private static final java.util.regex.Pattern ATTRIBUTE = java.util.regex.Pattern.compile(
      "attribute (.+?) (is (?:missing|unexpected|unsupported|repeated|not of type .*|reserved .*)|"
          + "has .*|should .*|must .*|cannot .*|with .*)", java.util.regex.Pattern.DOTALL);

  private static final java.util.regex.Pattern LEADING_PATH = java.util.regex.Pattern.compile(
      "[-.]?((?:paths|components|definitions|parameters|responses|info|servers|tags|security|webhooks)\\b\\S*?)"
          + "\\.?\\s+(.+)", java.util.regex.Pattern.DOTALL);

  /** swagger-parser's word for a contact or license URL it cannot parse: the location, then the URL. */
  private static final java.util.regex.Pattern BAD_URL =
      java.util.regex.Pattern.compile("(info\\.(?:contact|license))\\.(\\S+)");

  static SpecProblem warning(String message, String displayPath) {
    // "attribute a.b.default=`value` is not of type `date-time`": the value, often a long repr, left out
    java.util.regex.Matcher a = ATTRIBUTE.matcher(message.replaceFirst("^(attribute \\S+?)=`[^`]*`", "$1"));
    if (a.matches()) {
      List<String> path = pathSegments(a.group(1));
      if (path != null) {
        return new SpecProblem(displayPath, pointer(path),
            "attribute " + path.get(path.size() - 1) + " " + a.group(2));
      }
    }
    java.util.regex.Matcher url = BAD_URL.matcher(message);
    if (url.matches()) {
      return new SpecProblem(displayPath, pointer(List.of(url.group(1).split("\\."))) + "/url",
          "not a valid URL: " + url.group(2));
    }
    java.util.regex.Matcher lead = LEADING_PATH.matcher(message);
    if (lead.matches()) {
      List<String> path = pathSegments(lead.group(1));
      if (path != null) {
        String rest = lead.group(2).strip();
        return new SpecProblem(displayPath, pointer(path),
            rest.isEmpty() ? message : Character.toLowerCase(rest.charAt(0)) + rest.substring(1));
      }
    }
    return new SpecProblem(displayPath, "", message);
  }

  /**
   * swagger-parser's location ({@code paths.'/pets/{id}'(get).parameters.[limit].schema}) as
   * segments ({@code paths}, {@code /pets/{id}}, {@code get}, {@code parameters}, {@code limit},
   * {@code schema}); null when it does not read as one.
   */
  static List<String> pathSegments(String location) {
    List<String> out = new java.util.ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int i = 0;
    int n = location.length();
    while (i < n) {
      char c = location.charAt(i);
      if (c == '\'' && cur.isEmpty()) {
        int end = location.indexOf('\'', i + 1);
        if (end < 0) {
          return null;
        }
        cur.append(location, i + 1, end);
        i = end + 1;
        if (i < n && location.charAt(i) != '.' && location.charAt(i) != '(') {
          return null;
        }
        continue;
      }
      if (c == '(' ) {
        int end = location.indexOf(')', i);
        if (end < 0) {
          return null;
        }
        if (!cur.isEmpty()) {
          out.add(cur.toString());
          cur.setLength(0);
        }
        out.add(location.substring(i + 1, end));
        i = end + 1;
        continue;
      }
      if (c == '[' && cur.isEmpty()) {
        int end = location.indexOf(']', i);
        if (end < 0) {
          return null;
        }
        cur.append(location, i + 1, end);
        i = end + 1;
        continue;
      }
      if (c == '.') {
        if (!cur.isEmpty()) {
          out.add(cur.toString());
          cur.setLength(0);
        }
        i++;
        continue;
      }
      if (Character.isWhitespace(c)) {
        return null;
      }
      cur.append(c);
      i++;
    }
    if (!cur.isEmpty()) {
      out.add(cur.toString());
    }
    return out.isEmpty() ? null : out;
  }

  /** Segments as a JSON pointer (RFC 6901: {@code ~} as {@code ~0}, {@code /} as {@code ~1}). */
  static String pointer(List<String> segments) {
    StringBuilder sb = new StringBuilder();
    for (String s : segments) {
      sb.append('/').append(s.replace("~", "~0").replace("/", "~1"));
    }
    return sb.toString();
  }

  private static ApiModel convert(OpenAPI api, SchemaReader reader, String displayPath, List<SpecProblem> warnings) {
    Info info = api.getInfo() != null ? api.getInfo() : new Info();
    String title = info.getTitle() != null && !info.getTitle().isBlank() ? info.getTitle() : "api";
    String version = info.getVersion() != null && !info.getVersion().isBlank() ? info.getVersion() : "v1";

    SchemaConverter schemas = new SchemaConverter(new ComponentSchemas(
        reader.components(api.getComponents() == null ? null : api.getComponents().getSchemas())));
    schemas.readComponents();
    OperationConverter operations = new OperationConverter(api, reader, schemas);
    operations.readPaths();

    return new ApiModel(
        title,
        version,
        title,
        info.getTitle(),
        info.getDescription(),
        api.getExternalDocs() == null ? null : api.getExternalDocs().getUrl(),
        info.getVersion() == null || info.getVersion().isBlank() ? null : info.getVersion(), // the document's revision
        endpoints(api.getServers()),
        Security.scopes(api),
        List.of(),
        List.of(),
        schemas.schemas(),
        operations.topLevelMethods(),
        operations.resources(),
        new SpecSource(displayPath, SpecSource.Format.OPENAPI),
        Security.schemes(api),
        warnings);
  }

  /**
   * The first server, variables replaced by their defaults, as the root URL (it ends with {@code
   * /}; method paths are relative to it). Relative or missing servers resolve against
   * {@code http://localhost/}: callers set the real root URL in {@code ClientOptions}.
   */
  static Endpoints endpoints(List<Server> servers) {
    String url = "/";
    if (servers != null && !servers.isEmpty() && servers.get(0).getUrl() != null) {
      Server s = servers.get(0);
      url = s.getUrl();
      if (s.getVariables() != null) {
        for (Map.Entry<String, ServerVariable> v : s.getVariables().entrySet()) {
          String value = v.getValue() == null || v.getValue().getDefault() == null ? "" : v.getValue().getDefault();
          url = url.replace("{" + v.getKey() + "}", value);
        }
      }
    }
    if (!url.matches("(?i)https?://.*")) {
      url = "http://localhost" + (url.startsWith("/") ? "" : "/") + url;
    }
    url = url.replaceAll("[{}\\s]", "");
    return new Endpoints(url.endsWith("/") ? url : url + "/", null, "", null);
  }
}
