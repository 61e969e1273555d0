package io.discogen.docs;

import io.discogen.ir.EnumSchema;
import io.discogen.ir.ObjectSchema;
import io.discogen.ir.Property;
import io.discogen.ir.Schema;
import io.discogen.ir.TypeRef;
import io.discogen.ir.UnionSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        + " · " + (s instanceof EnumSchema ? "enum" : s instanceof UnionSchema u && ctx.names.isSealedUnion(u.id())
            ? "sealed interface" : s instanceof UnionSchema ? "union" : "model") + " `" + ctx.names.modelPackage() + "." + java + "`");
    if (s instanceof ObjectSchema o) {
      page.block(Sections.deprecatedNote(o.deprecated()).strip());
      page.block(Markdown.text(o.description(), ctx.site));
      page.block(sections.usedBy(o.id(), page.path()));
      page.block(implementsNote(o, page.path()));
      page.heading(2, null, "Properties");
      if (hasDefaultGetters(o)) {
        page.block("A boolean property with a documented default has `isX()` next to `getX()`: the value,"
            + " or the default while the property is absent (`getX()` then answers null).");
      }
      sections.object(page, o, 2);
      variants(page, o, java);
    } else if (s instanceof EnumSchema e) {
      sections.enumBody(page, e);
    } else if (s instanceof UnionSchema u) {
      union(page, u, java);
    }
    return page;
  }

  /** A union: its variants, how Java holds it, and for a sealed one the values that select each. */
  private void union(Page page, UnionSchema u, String java) {
    page.block(Markdown.text(u.description(), ctx.site));
    page.block(sections.usedBy(u.id(), page.path()));
    page.heading(2, null, "Variants");
    List<List<String>> rows = new ArrayList<>();
    if (ctx.names.isSealedUnion(u.id())) {
      Map<String, List<String>> values = ctx.names.discriminatorValues(u.id());
      page.block("A sealed interface: each variant's class implements it, and the value of "
          + Markdown.code(u.discriminatorProperty()) + " in the JSON says which one a value is. A value naming no"
          + " variant this client knows decodes as `" + java + ".Unknown`, its JSON kept and written back unchanged."
          + " New instances of a variant start with its value.");
      for (Map.Entry<String, List<String>> e : values.entrySet()) {
        List<String> v = new ArrayList<>();
        for (String value : e.getValue()) {
          v.add(Markdown.cellCode(value));
        }
        rows.add(List.of(ctx.typeMarkdown(new TypeRef.Named(e.getKey()), page.path()), String.join(", ", v)));
      }
      page.table(List.of("Variant", Markdown.cellCode(u.discriminatorProperty()) + " value"), rows);
    } else {
      List<String> names = ctx.names.unionVariants(u.id());
      page.block("A class holding the JSON value as received: `variant()` names the variant it matches (by"
          + (u.discriminatorProperty() != null ? " " + Markdown.code(u.discriminatorProperty()) + "," : "")
          + " its JSON kind and required properties), `isX()` asks, `asX()` reads it as that variant, `"
          + java + ".ofX(…)` makes one.");
      for (int i = 0; i < u.variants().size(); i++) {
        String n = names.get(i);
        rows.add(List.of(ctx.typeMarkdown(u.variants().get(i), page.path()),
            "`is" + n + "()`, `as" + n + "()`, `" + java + ".of" + n + "(…)`"));
      }
      page.table(List.of("Variant", "Java"), rows);
    }
  }

  /** For a variant of sealed unions: what it implements, and the discriminator value it carries. */
  private String implementsNote(ObjectSchema o, String from) {
    List<String> parts = new ArrayList<>();
    for (String unionId : ctx.names.sealedUnionsOf(o.id())) {
      if (!(ctx.index.get(unionId) instanceof UnionSchema u)) {
        continue;
      }
      List<String> values = ctx.names.discriminatorValues(unionId).getOrDefault(o.id(), List.of());
      List<String> v = new ArrayList<>();
      for (String value : values) {
        v.add(Markdown.code(value));
      }
      parts.add(ctx.typeMarkdown(new TypeRef.Named(unionId), from)
          + (v.isEmpty() ? "" : " (" + Markdown.code(u.discriminatorProperty()) + ": " + String.join(" or ", v) + ")"));
    }
    return parts.isEmpty() ? "" : "Implements " + String.join(", ", parts) + ".";
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
