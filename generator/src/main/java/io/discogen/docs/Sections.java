package io.discogen.docs;

import io.discogen.ir.EnumSchema;
import io.discogen.ir.Method;
import io.discogen.ir.ObjectSchema;
import io.discogen.ir.Parameter;
import io.discogen.ir.Property;
import io.discogen.ir.Schema;
import io.discogen.java.NamePlan;
import io.discogen.java.TypeMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sections that appear on several kinds of page: a model's properties, an enum's values. */
final class Sections {
  private final DocsContext ctx;
  // The raw accessors of the first parameter of each enum type, found in one pass over the
  // parameters: looking them up per enum page scanned every method each time, quadratic in the API's
  // size (Microsoft Graph beta's docs took six minutes).
  private final Map<EnumSchema, String> parameterAccessors = new IdentityHashMap<>();

  Sections(DocsContext ctx) {
    this.ctx = ctx;
    for (Parameter p : ctx.api.commonParameters()) {
      EnumSchema e = ctx.enumOf(p.type());
      if (e != null) {
        putAccessors(e, ctx.names.commonParam(p.name()), "every request");
      }
    }
    for (Method m : ctx.api.allMethods()) {
      for (Parameter p : m.parameters()) {
        EnumSchema e = ctx.enumOf(p.type());
        NamePlan.MemberNames n = e == null ? null : ctx.names.param(m.id(), p.name());
        if (n != null && n.rawGetter() != null) {
          putAccessors(e, n, "the request");
        }
      }
    }
  }

  private void putAccessors(EnumSchema e, NamePlan.MemberNames n, String of) {
    parameterAccessors.putIfAbsent(e, "`" + n.rawGetter() + "()` and `" + n.rawSetter() + "(String)` of " + of);
  }

  /** The properties table of an object, then its nested objects and enums as sections. */
  void object(Page page, ObjectSchema o, int level) {
    if (o.parent() != null && ctx.index.get(o.parent()) instanceof ObjectSchema parent) {
      page.block("Extends `" + ctx.javaName(parent.id()) + "`, whose properties it has too.");
    }
    if (o.properties().isEmpty()) {
      page.block("This object has no properties; it travels as `{}` (unknown fields the server sends are kept).");
    } else {
      List<List<String>> rows = new ArrayList<>();
      for (Property p : o.properties()) {
        rows.add(propertyRow(page.path(), o, p));
      }
      page.table(List.of("Name", "Type", "Java accessors", "Description", "Notes"), rows);
    }
    for (Schema n : o.nested()) {
      DocsContext.Location loc = ctx.location(n.id());
      if (n instanceof ObjectSchema no) {
        page.heading(level, loc.anchor(), Markdown.inline(ctx.javaName(no.id())));
        page.block((deprecatedNote(no.deprecated()) + "Nested class `" + ctx.javaName(no.id()) + "`. "
            + usedBy(no.id(), page.path())).strip());
        page.block(Markdown.text(no.description(), ctx.site));
        object(page, no, level);
      } else if (n instanceof EnumSchema e) {
        enumSection(page, e, level, loc.anchor());
      }
    }
  }

  private List<String> propertyRow(String from, ObjectSchema o, Property p) {
    NamePlan.MemberNames n = ctx.names.property(o.id(), p.name());
    boolean isConst = ctx.types.isConst(p);
    String accessors = "`" + n.getter() + "()`" + (isConst ? "" : "<br>`" + n.setter() + "(…)`");
    if (n.rawGetter() != null) {
      accessors += "<br>raw: `" + n.rawGetter() + "()`";
    }
    if (n.defaultGetter() != null) {
      accessors += "<br>or default: `" + n.defaultGetter() + "()`";
    }
    NamePlan.NullNames nulls = n.nulls();
    if (nulls != null) {
      accessors += "<br>null: `" + nulls.clear() + "()`, `" + nulls.isNull() + "()`";
    }
    List<String> notes = new ArrayList<>();
    notes.add(p.required() ? "[required]" : "[optional]");
    if (p.outputOnly()) {
      notes.add("[readonly]");
    }
    if (p.writeOnly()) {
      notes.add("[writeonly]");
    }
    if (nulls != null) {
      notes.add("[nullable]");
    }
    TypeMapper.NullsInside inside = ctx.types.nullsInside(p.type());
    if (inside != null) {
      notes.add(switch (inside) {
        case ITEMS -> "[null items]";
        case VALUES -> "[null values]";
        case NESTED -> "[nested nulls]";
      });
    }
    if (p.constValue() != null && ctx.types.constInitializer(p) != null) {
      notes.add("always " + Markdown.cellCode(p.constValue()));
    }
    if (p.deprecated()) {
      notes.add("[deprecated]");
    }
    if (p.defaultValue() != null) {
      notes.add("default: " + Markdown.cellCode(p.defaultValue()));
    }
    String format = ctx.wireFormat(p.type());
    if (format != null) {
      notes.add(format);
    }
    return List.of(Markdown.cellCode(p.name()), ctx.typeMarkdown(p.type(), from), accessors,
        Markdown.cell(p.description(), ctx.site), String.join(" ", notes));
  }

  /** An enum as a section: its values and how values this client does not know surface. */
  void enumSection(Page page, EnumSchema e, int level, String anchor) {
    page.heading(level, anchor, Markdown.inline(ctx.javaName(e.id())) + " (enum)");
    enumBody(page, e);
  }

  void enumBody(Page page, EnumSchema e) {
    page.block(Markdown.text(e.description(), ctx.site));
    page.block(("Enum `" + ctx.javaName(e.id()) + "`. " + usedBy(e.id(), page.path())).strip());
    List<List<String>> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (EnumSchema.EnumValue v : e.values()) {
      String constant = ctx.names.enumConstant(e.id(), v.value());
      if (!seen.add(constant)) {
        continue;
      }
      rows.add(List.of("`" + constant + "`", Markdown.cellCode(v.value()),
          (v.deprecated() ? "**Deprecated.** " : "") + Markdown.cell(v.description(), ctx.site)));
    }
    String unknown = ctx.names.unknownConstant(e.id());
    rows.add(List.of("`" + unknown + "`", "any other value",
        "Stands for a value this client does not know (see below)."));
    page.table(List.of("Constant", "JSON value", "Description"), rows);
    page.block(unknownNote(e, unknown));
  }

  private String unknownNote(EnumSchema e, String unknown) {
    String accessors = "`get…Value()` and `set…Value(String)`";
    for (DocsContext.Usage u : ctx.usages(e.id())) {
      if (u.wireName() != null) {
        NamePlan.MemberNames n = ctx.names.property(u.schemaId(), u.wireName());
        accessors = "`" + n.rawGetter() + "()` and `" + n.rawSetter() + "(String)` of `" + ctx.javaName(u.schemaId()) + "`";
        break;
      }
    }
    if (accessors.startsWith("`get…")) {
      accessors = parameterAccessors.getOrDefault(e, accessors);
    }
    return "Values the server sends that are not listed here read as `" + ctx.javaName(e.id()) + "." + unknown
        + "`; the raw text is never lost. Read and write the wire text with the raw accessors ("
        + accessors + ").";
  }

  /** "Used by" links to the properties and methods that hold a type. */
  String usedBy(String schemaId, String from) {
    List<String> links = new ArrayList<>();
    for (DocsContext.Usage u : ctx.usages(schemaId)) {
      String text = Markdown.inline(u.label()) + (u.role().equals("property") ? "" : " (" + u.role() + ")");
      links.add(u.where() == null ? text : Markdown.link(text, DocsContext.href(from, u.where())));
    }
    return links.isEmpty() ? "" : "Used by: " + String.join(", ", links) + ".";
  }

  static String deprecatedNote(boolean deprecated) {
    return deprecated ? "**Deprecated.** " : "";
  }
}
