package io.discogen.docs;

import io.discogen.ir.EnumSchema;
import io.discogen.ir.ObjectSchema;
import io.discogen.ir.Property;
import io.discogen.ir.Schema;

/**
 * The page of one top-level model (object or enum): what it is, its properties with Java types and
 * accessors, and its nested objects and enums as sections on the same page.
 */
final class ModelPage {
  private final DocsContext ctx;
  private final Sections sections;

  ModelPage(DocsContext ctx, Sections sections) {
    this.ctx = ctx;
    this.sections = sections;
  }

  Page render(Schema s) {
    Page page = new Page(ctx.location(s.id()).page());
    String java = ctx.javaName(s.id());
    page.heading(1, null, Markdown.inline(java));
    page.block(Markdown.link("API index", DocsContext.relative(page.path(), DocsContext.INDEX))
        + " · " + (s instanceof EnumSchema ? "enum" : "model") + " `" + ctx.packageName + "." + java + "`");
    if (s instanceof ObjectSchema o) {
      page.block(Sections.deprecatedNote(o.deprecated()).strip());
      page.block(Markdown.text(o.description(), ctx.site));
      page.block(sections.usedBy(o.id(), page.path()));
      page.heading(2, null, "Properties");
      if (hasDefaultGetters(o)) {
        page.block("A boolean property with a documented default has `isX()` next to `getX()`: the value,"
            + " or the default while the property is absent (`getX()` then answers null).");
      }
      sections.object(page, o, 2);
    } else if (s instanceof EnumSchema e) {
      sections.enumBody(page, e);
    }
    return page;
  }

  private boolean hasDefaultGetters(ObjectSchema o) {
    for (Property p : o.properties()) {
      if (ctx.names.property(o.id(), p.name()).defaultGetter() != null) {
        return true;
      }
    }
    for (Schema n : o.nested()) {
      if (n instanceof ObjectSchema no && hasDefaultGetters(no)) {
        return true;
      }
    }
    return false;
  }
}
