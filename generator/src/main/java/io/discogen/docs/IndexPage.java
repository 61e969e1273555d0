package io.discogen.docs;

import io.discogen.ir.ApiModel;
import io.discogen.ir.EnumSchema;
import io.discogen.ir.Method;
import io.discogen.ir.ObjectSchema;
import io.discogen.ir.Parameter;
import io.discogen.ir.Schema;
import io.discogen.ir.Scope;
import io.discogen.java.NamePlan;
import java.util.ArrayList;
import java.util.List;

/**
 * An API's {@code README.md}: what the API is, how to build a client, its resources and models
 * with links, the parameters every method takes, and its OAuth scopes.
 */
final class IndexPage {
  private final DocsContext ctx;
  private final Sections sections;
  private final ResourcePage resources;

  IndexPage(DocsContext ctx, Sections sections, ResourcePage resources) {
    this.ctx = ctx;
    this.sections = sections;
    this.resources = resources;
  }

  Page render() {
    ApiModel api = ctx.api;
    Page page = new Page(DocsContext.INDEX);
    page.heading(1, null, Markdown.inline(api.title() != null && !api.title().isBlank() ? api.title() : api.name()));
    page.block(Markdown.text(api.description(), ctx.site));

    List<List<String>> facts = new ArrayList<>();
    facts.add(List.of("API", Markdown.cellCode(api.name()) + " " + Markdown.cellCode(api.version())));
    facts.add(List.of("Root URL", Markdown.cellCode(api.endpoints().rootUrl())));
    if (api.endpoints().servicePath() != null && !api.endpoints().servicePath().isEmpty()) {
      facts.add(List.of("Service path", Markdown.cellCode(api.endpoints().servicePath())));
    }
    if (api.documentationLink() != null && !api.documentationLink().isBlank()) {
      facts.add(List.of("Documentation", externalLink(api.documentationLink())));
    }
    if (api.revision() != null && !api.revision().isBlank()) {
      facts.add(List.of("Revision", Markdown.cellCode(api.revision())));
    }
    facts.add(List.of("Java package", "`" + ctx.packageName + "` (models in `" + ctx.names.modelPackage() + "`)"));
    facts.add(List.of("Service class", "`" + ctx.names.service().simpleName() + "`"));
    page.table(List.of("", ""), facts);

    page.heading(2, null, "Getting started");
    page.block("Build one client and share it; it is thread-safe. `ClientOptions` sets the root URL, credentials, retries and timeouts.");
    JavaSnippet j = new JavaSnippet(ctx);
    String service = j.ref(ctx.names.service());
    String variable = resources.serviceVariable();
    String options = j.ref(com.palantir.javapoet.ClassName.get("io.discogen.runtime", "ClientOptions"));
    List<String> lines = new ArrayList<>(j.importLines());
    lines.add("");
    lines.add(service + " " + variable + " = new " + service + "(" + options + ".builder().build());");
    page.code("java", lines);

    page.heading(2, null, "Resources");
    List<List<String>> rows = new ArrayList<>();
    if (ctx.serviceMethodsPage() != null) {
      rows.add(List.of(Markdown.link("(methods of the service)", ctx.serviceMethodsPage()), "`" + variable + "`",
          methodList(api.methods())));
    }
    for (DocsContext.ResourceInfo r : ctx.resources()) {
      rows.add(List.of(Markdown.link(Markdown.cellCode(r.resource().path()), r.page()),
          "`" + variable + "." + String.join("().", r.accessors()) + "()`", methodList(r.resource().methods())));
    }
    if (rows.isEmpty()) {
      page.block("This API declares no methods.");
    } else {
      page.table(List.of("Resource", "Java", "Methods"), rows);
    }

    if (ctx.cli != null) {
      commandLine(page);
    }

    page.heading(2, null, "Models");
    rows = new ArrayList<>();
    for (Schema s : api.schemas()) {
      if (s instanceof ObjectSchema || s instanceof EnumSchema || s instanceof io.discogen.ir.UnionSchema) {
        String kind = s instanceof EnumSchema ? "enum" : s instanceof io.discogen.ir.UnionSchema ? "union" : "object";
        boolean deprecated = s instanceof ObjectSchema o && o.deprecated();
        rows.add(List.of(Markdown.link(Markdown.inline(ctx.javaName(s.id())), ctx.location(s.id()).page()), kind,
            (deprecated ? "**Deprecated.** " : "") + Markdown.summary(s.description(), ctx.site)));
      }
    }
    if (rows.isEmpty()) {
      page.block("This API declares no models.");
    } else {
      page.table(List.of("Model", "Kind", "Description"), rows);
    }

    page.heading(2, ctx.commonParametersAnchor, "Common parameters");
    if (api.commonParameters().isEmpty()) {
      page.block("None.");
    } else {
      page.block("Every request accepts these query parameters, set with setters of `"
          + ctx.names.baseRequest().simpleName() + "`, the base of every request class.");
      rows = new ArrayList<>();
      for (Parameter p : api.commonParameters()) {
        NamePlan.MemberNames n = ctx.names.commonParam(p.name());
        rows.add(List.of(Markdown.cellCode(p.name()), "`" + n.setter() + "(…)`", ctx.typeMarkdown(p.type(), page.path()),
            (p.deprecated() ? "**Deprecated.** " : "") + Markdown.cell(p.description(), ctx.site)));
      }
      page.table(List.of("Name", "Java", "Type", "Description"), rows);
      for (EnumSchema e : api.commonEnums()) {
        sections.enumSection(page, e, 3, ctx.location(e.id()).anchor());
      }
    }

    if (!api.scopes().isEmpty()) {
      page.heading(2, null, "OAuth scopes");
      rows = new ArrayList<>();
      for (Scope s : api.scopes()) {
        rows.add(List.of("`" + String.join(".", ctx.names.scopesClass().simpleNames()) + "." + ctx.names.scopeConstant(s.url()) + "`",
            Markdown.cellCode(s.url()), Markdown.cell(s.description(), ctx.site)));
      }
      page.table(List.of("Constant", "Scope", "Description"), rows);
    }
    return page;
  }

  /** The program's commands, each linked to its page. */
  private void commandLine(Page page) {
    page.heading(2, ctx.commandLineAnchor, "Command line");
    page.block("`" + io.discogen.java.CliNames.programClass(ctx.names).simpleName() + "` is the API's command line, `" + ctx.cli.program()
        + "`: a command per method, each with a page.");
    List<List<String>> rows = new ArrayList<>();
    for (io.discogen.java.CliNames.Command c : ctx.cli.commands()) {
      rows.add(List.of(Markdown.link(Markdown.cellCode(CliPage.commandLine(ctx.cli, c)), ctx.cliPage(c.method().id())),
          (c.method().deprecated() ? "**Deprecated.** " : "") + Markdown.summary(c.method().description(), ctx.site)));
    }
    if (rows.isEmpty()) {
      page.block("The command line has no commands: no method of this API is supported.");
    } else {
      page.table(List.of("Command", "Description"), rows);
    }
  }

  private String methodList(List<Method> methods) {
    List<String> names = new ArrayList<>();
    for (Method m : methods) {
      DocsContext.Location loc = ctx.methodLocation(m.id());
      names.add(Markdown.link(Markdown.cellCode(m.name()), DocsContext.href(DocsContext.INDEX, loc)));
    }
    return String.join(", ", names);
  }

  /** A spec-given URL as a link only when it is a plain http(s) URL; otherwise as code. */
  static String externalLink(String url) {
    return url.matches("https?://[A-Za-z0-9._~:/?#@!$&'*+,;=%-]+") && !url.contains("(") && !url.contains(")")
        ? Markdown.link(Markdown.inline(url), url)
        : Markdown.cellCode(url);
  }
}
