package io.discogen.docs;

import io.discogen.GeneratedFile;
import io.discogen.ir.ApiModel;
import io.discogen.ir.EnumSchema;
import io.discogen.ir.ObjectSchema;
import io.discogen.ir.Schema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Markdown reference docs of generated clients, from the IR alone (Java names and types through
 * {@code NamePlan} and {@code TypeMapper}, as the code emitters use them). Writes nothing; the
 * returned files have paths relative to the docs directory.
 *
 * <p>Layout of one API: {@code README.md} (the index), {@code resources/<path>.md} per resource
 * ({@code resources/projects.locations.sessions.md}), {@code models/<Class>.md} per top-level
 * model or enum, nested types as sections of their model's page. Several APIs: one directory each,
 * {@code <name>-<version>/}, and a {@code README.md} listing them. With the command line ({@code
 * --cli}), {@code cli/<command path>.md} per command ({@code cli/projects.locations.sessions.create.md}).
 */
public final class MarkdownEmitter {
  private MarkdownEmitter() {}

  /** The pages of one API whose code is generated into {@code packageName}. */
  public static List<GeneratedFile> emit(ApiModel api, String packageName) {
    return emit(api, packageName, false);
  }

  /** As {@link #emit(ApiModel, String)}; with {@code cli}, a page per command of the command line too. */
  public static List<GeneratedFile> emit(ApiModel api, String packageName, boolean cli) {
    DocsContext ctx = new DocsContext(api, packageName, cli);
    Sections sections = new Sections(ctx);
    ResourcePage resources = new ResourcePage(ctx, sections);
    ModelPage models = new ModelPage(ctx, sections);
    List<Page> pages = new ArrayList<>();
    pages.add(new IndexPage(ctx, sections, resources).render());
    if (ctx.serviceMethodsPage() != null) {
      pages.add(resources.renderServiceMethods());
    }
    for (DocsContext.ResourceInfo r : ctx.resources()) {
      pages.add(resources.render(r));
    }
    for (Schema s : api.schemas()) {
      if (s instanceof ObjectSchema || s instanceof EnumSchema || s instanceof io.discogen.ir.UnionSchema) {
        pages.add(models.render(s));
      }
    }
    if (ctx.cli != null) {
      CliPage commands = new CliPage(ctx);
      for (io.discogen.java.CliNames.Command c : ctx.cli.commands()) {
        pages.add(commands.render(c));
      }
    }
    List<GeneratedFile> files = new ArrayList<>();
    for (Page p : pages) {
      files.add(new GeneratedFile(p.path(), p.text().getBytes(StandardCharsets.UTF_8)));
    }
    return files;
  }

  /**
   * The pages of several APIs: one API's pages as they are; several APIs' each under {@code
   * <name>-<version>/}, with a {@code README.md} linking them. {@code packages} maps each API's
   * {@code source().displayPath()} to its Java package.
   */
  public static List<GeneratedFile> emitAll(List<ApiModel> apis, Map<String, String> packages) {
    return emitAll(apis, packages, false);
  }

  /** As {@link #emitAll(List, Map)}; with {@code cli}, each API's command-line pages too. */
  public static List<GeneratedFile> emitAll(List<ApiModel> apis, Map<String, String> packages, boolean cli) {
    if (apis.size() == 1) {
      ApiModel api = apis.get(0);
      return emit(api, packages.get(api.source().displayPath()), cli);
    }
    List<GeneratedFile> files = new ArrayList<>();
    Page index = new Page(DocsContext.INDEX);
    index.heading(1, null, "API reference");
    List<List<String>> rows = new ArrayList<>();
    Set<String> dirs = new HashSet<>(Set.of("readme.md"));
    for (ApiModel api : apis) {
      String base = (api.name() + "-" + api.version()).replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[.-]+", "");
      if (base.isEmpty()) {
        base = "api";
      }
      String dir = base;
      for (int k = 2; !dirs.add(dir.toLowerCase(Locale.ROOT)); k++) {
        dir = base + "-" + k;
      }
      String pkg = packages.get(api.source().displayPath());
      for (GeneratedFile f : emit(api, pkg, cli)) {
        files.add(new GeneratedFile(dir + "/" + f.path(), f.content()));
      }
      String title = api.title() != null && !api.title().isBlank() ? api.title() : api.name();
      rows.add(List.of(Markdown.link(Markdown.inline(title), dir + "/" + DocsContext.INDEX),
          Markdown.cellCode(api.name()) + " " + Markdown.cellCode(api.version()), "`" + pkg + "`",
          Markdown.summary(api.description(), DocsContext.site(api.documentationLink()))));
    }
    index.table(List.of("API", "Name and version", "Java package", "Description"), rows);
    files.add(0, new GeneratedFile(DocsContext.INDEX, index.text().getBytes(StandardCharsets.UTF_8)));
    return files;
  }
}
