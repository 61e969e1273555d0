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
    OpenAPI api = read(text, file, displayPath);
    List<SpecProblem> broken = References.check(api, displayPath);
    if (!broken.isEmpty()) {
      throw new SpecException(broken);
    }
    try {
      return convert(api, displayPath);
    } catch (RuntimeException | StackOverflowError e) {
      throw new SpecException(new SpecProblem(displayPath, "",
          "cannot convert this OpenAPI document (" + e.getClass().getSimpleName() + ")"));
    }
  }

  private static OpenAPI read(String text, Path file, String displayPath) throws SpecException {
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
    return result.getOpenAPI();
  }

  private static ApiModel convert(OpenAPI api, String displayPath) {
    Info info = api.getInfo() != null ? api.getInfo() : new Info();
    String title = info.getTitle() != null && !info.getTitle().isBlank() ? info.getTitle() : "api";
    String version = info.getVersion() != null && !info.getVersion().isBlank() ? info.getVersion() : "v1";

    SchemaConverter schemas = new SchemaConverter(
        api.getComponents() == null ? null : api.getComponents().getSchemas());
    schemas.readComponents();
    OperationConverter operations = new OperationConverter(api, schemas);
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
        Security.schemes(api));
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
