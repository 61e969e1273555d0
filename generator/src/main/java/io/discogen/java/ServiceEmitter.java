package io.discogen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.discogen.ir.ApiModel;
import io.discogen.ir.Endpoints;
import io.discogen.ir.Parameter;
import io.discogen.ir.Scope;
import io.discogen.ir.SecurityScheme;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits the service class: the API's endpoints and scopes as constants, construction from {@code
 * ClientOptions}, and the resource tree.
 */
final class ServiceEmitter {
  private final ApiModel api;
  private final NamePlan names;
  private final ResourceEmitter resources;

  ServiceEmitter(ApiModel api, NamePlan names, ResourceEmitter resources) {
    this.api = api;
    this.names = names;
    this.resources = resources;
  }

  TypeSpec emit() {
    ClassName cls = names.service();
    Endpoints e = api.endpoints();
    TypeSpec.Builder b = TypeSpec.classBuilder(cls.simpleName()).addModifiers(Modifier.PUBLIC, Modifier.FINAL);
    String title = Javadocs.sanitize(api.title() != null ? api.title() : api.name());
    String doc = Javadocs.sanitize(api.description());
    b.addJavadoc("$L ($L $L).$L$L\n", title, Javadocs.sanitize(api.name()), Javadocs.sanitize(api.version()),
        doc.isEmpty() ? "" : "\n\n<p>" + doc,
        api.documentationLink() == null ? "" : "\n\n<p>Documentation: " + Javadocs.sanitize(api.documentationLink()));

    b.addField(constant("DEFAULT_ROOT_URL", e.rootUrl(), "The API's default root URL."));
    b.addField(constant("DEFAULT_MTLS_ROOT_URL", e.mtlsRootUrl(), "The mutual-TLS root URL, or null."));
    b.addField(constant("DEFAULT_SERVICE_PATH", e.servicePath() == null ? "" : e.servicePath(), "The service path, relative to the root URL."));
    b.addField(constant("DEFAULT_BATCH_PATH", e.batchPath(), "The batch endpoint path, relative to the root URL, or null."));
    List<CodeBlock> common = new ArrayList<>();
    for (Parameter p : api.commonParameters()) {
      common.add(Literals.string(p.name()));
    }
    b.addField(FieldSpec.builder(Runtime.SERVICE_INFO, "SERVICE_INFO", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("What the runtime needs to know of this API.\n")
        .initializer("new $T($L, $L, DEFAULT_ROOT_URL, DEFAULT_MTLS_ROOT_URL, DEFAULT_SERVICE_PATH,\n    DEFAULT_BATCH_PATH, $T.of($L))",
            Runtime.SERVICE_INFO, Literals.string(api.name()), Literals.string(api.version()), TypeMapper.LIST, CodeBlock.join(common, ", "))
        .build());
    b.addField(FieldSpec.builder(Runtime.API_CLIENT, "client", Modifier.PRIVATE, Modifier.FINAL).build());
    b.addMethod(MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("A client with the given options (root URL, credentials, retries, ...).\n")
        .addParameter(Runtime.CLIENT_OPTIONS, "options")
        .addStatement("this.client = new $T(SERVICE_INFO, options)", Runtime.API_CLIENT)
        .build());
    b.addMethod(MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("A client with default options: the API's own endpoint, no credentials.\n")
        .addStatement("this($T.defaults())", Runtime.CLIENT_OPTIONS)
        .build());
    b.addType(scopes());
    if (names.batchAccessor() != null) {
      b.addMethod(MethodSpec.methodBuilder(names.batchAccessor())
          .addModifiers(Modifier.PUBLIC)
          .returns(Runtime.BATCH_REQUEST)
          .addJavadoc("A new batch: queue requests of this API with their callbacks, then send them together\n"
              + "({@code multipart/mixed} to {@link #DEFAULT_BATCH_PATH}).\n")
          .addStatement("return new $T(this.client)", Runtime.BATCH_REQUEST)
          .build());
    }
    addSecurity(b);
    resources.addMembers(b, api.methods(), api.resources());
    return b.build();
  }

  /** One static credentials factory per API-key scheme; other schemes are documented on the class. */
  private void addSecurity(TypeSpec.Builder b) {
    if (api.securitySchemes().isEmpty()) {
      return;
    }
    StringBuilder doc = new StringBuilder("\n<p>Security schemes:\n<ul>\n");
    for (SecurityScheme sc : api.securitySchemes()) {
      String how = switch (sc.kind()) {
        case API_KEY -> "an API key in the " + sc.location().name().toLowerCase(java.util.Locale.ROOT) + " <code>"
            + Javadocs.sanitize(sc.parameterName()) + "</code>: {@link #" + names.securityMethod(sc.name()) + "(String)}";
        case HTTP_BASIC -> "HTTP basic: {@code Credentials.basic(user, password)}";
        case HTTP_BEARER -> "a bearer token: {@code Credentials.bearerToken(token)} or {@code Credentials.refreshing(source)}";
        case OAUTH2, OPENID_CONNECT -> "OAuth 2.0 access tokens: {@code Credentials.refreshing(source)} or {@code Credentials.bearerToken(token)}";
      };
      doc.append("  <li><code>").append(Javadocs.sanitize(sc.name())).append("</code>: ").append(how).append("\n");
      if (sc.kind() == SecurityScheme.Kind.API_KEY) {
        String where = switch (sc.location()) {
          case HEADER -> "HEADER";
          case COOKIE -> "COOKIE";
          default -> "QUERY";
        };
        b.addMethod(MethodSpec.methodBuilder(names.securityMethod(sc.name()))
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(Runtime.CREDENTIALS)
            .addParameter(String.class, "key")
            .addJavadoc("Credentials for the <code>$L</code> scheme: {@code key} sent as the $L <code>$L</code>.\n",
                Javadocs.sanitize(sc.name()), where.toLowerCase(java.util.Locale.ROOT), Javadocs.sanitize(sc.parameterName()))
            .addStatement("return $T.apiKey($S, $T.$L, key)", Runtime.CREDENTIALS, sc.parameterName(),
                Runtime.CREDENTIALS.nestedClass("KeyLocation"), where)
            .build());
      }
    }
    b.addJavadoc("$L</ul>\n", doc);
  }

  private TypeSpec scopes() {
    TypeSpec.Builder s = TypeSpec.classBuilder(names.scopesClass().simpleName())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("OAuth 2.0 scopes this API declares.\n")
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (Scope sc : api.scopes()) {
      FieldSpec.Builder f = FieldSpec.builder(String.class, names.scopeConstant(sc.url()),
              Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .initializer("$L", Literals.string(sc.url()));
      String doc = Javadocs.sanitize(sc.description());
      if (!doc.isEmpty()) {
        f.addJavadoc("$L\n", doc);
      }
      s.addField(f.build());
    }
    return s.build();
  }

  private static FieldSpec constant(String name, String value, String doc) {
    return FieldSpec.builder(String.class, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("$L\n", doc)
        .initializer(Literals.string(value))
        .build();
  }
}
