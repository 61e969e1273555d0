package io.discogen.openapi;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;

/** Inline documents for the schema passes' tests: read as {@link OpenApiParser} reads them. */
final class InlineSpecs {
  private InlineSpecs() {}

  /** The document {@code openapi: 3.0.3}, no paths, with {@code components.schemas} as given (YAML, indented 4). */
  static OpenAPI document(String schemasYaml) {
    return parse("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        + schemasYaml.stripIndent().indent(4));
  }

  static OpenAPI parse(String yaml) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(false);
    options.setFlatten(false);
    return new OpenAPIParser().readContents(yaml, null, options).getOpenAPI();
  }

  /** The component schemas of {@link #document}, read into the typed view. */
  static ComponentSchemas components(String schemasYaml) {
    return new ComponentSchemas(new SchemaReader().components(document(schemasYaml).getComponents().getSchemas()));
  }
}
