package io.discogen.docs;

import io.discogen.ir.EnumSchema;
import io.discogen.ir.ObjectSchema;
import io.discogen.ir.Property;
import io.discogen.ir.Schema;
import io.discogen.ir.TypeRef;
import io.discogen.ir.UnionSchema;
import java.util.ArrayList;
import java.util.List;

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
      variants(page, o, java);
    } else if (s instanceof EnumSchema e) {
      sections.enumBody(page, e);
    }
    return page;
  }

  /** For {@code oneOf}/{@code anyOf} beside properties: the variants, and how to reach them. */
  private void variants(Page page, ObjectSchema o, String java) {
    if (o.variants() == null || !(ctx.index.get(o.variants()) instanceof UnionSchema u)) {
      return;
    }
    String keyword = o.variants().endsWith(".(anyOf)") ? "anyOf" : "oneOf";
    String accessor = keyword;
    for (String p = o.parent(); p != null && ctx.index.get(p) instanceof ObjectSchema parent; p = parent.parent()) {
      if (parent.variants() != null && parent.variants().endsWith(".(" + keyword + ")")) {
        accessor = keyword + ctx.names.schemaClass(o.id()).simpleName();
      }
    }
    List<String> types = new ArrayList<>();
    for (TypeRef t : u.variants()) {
      types.add(ctx.typeMarkdown(t, page.path()));
    }
    page.heading(2, null, "Variants");
    page.block("Also " + (keyword.equals("oneOf") ? "one" : "any") + " of (`" + keyword + "`): "
        + String.join(", ", types) + ". `" + accessor + "()` reads this object's whole JSON as the variant, `"
        + java + ".of(variant)` makes one from a variant's JSON.");
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
