package io.discogen.docs;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.discogen.ir.ApiModel;
import io.discogen.ir.EnumSchema;
import io.discogen.ir.Method;
import io.discogen.ir.ObjectSchema;
import io.discogen.ir.Property;
import io.discogen.ir.Resource;
import io.discogen.ir.Schema;
import io.discogen.ir.TypeRef;
import io.discogen.java.CliNames;
import io.discogen.java.NamePlan;
import io.discogen.java.TypeMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What every page of one API's docs needs to agree on, decided once before any page is rendered:
 * the page of every resource and model, the anchor of every nested type, the Java accessor chain of
 * every resource. Java names come from {@link NamePlan} and Java types from {@link TypeMapper}, the
 * same objects the code emitters use, so docs and code never disagree.
 */
final class DocsContext {
  static final String INDEX = "README.md";

  /** Where a type or a section is documented; {@code anchor} null means the page itself. */
  record Location(String page, String anchor) {}

  /** A resource with its place in the tree. */
  record ResourceInfo(Resource resource, String page, List<String> accessors, String parentPath) {}

  final ApiModel api;
  final String packageName;
  final NamePlan names;
  final TypeMapper types;
  final Map<String, Schema> index;
  /** Where links to a path in descriptions go ({@code https://developers.google.com}); null: nowhere. */
  final String site;

  private final Map<String, Location> typeLocations = new HashMap<>();
  private final Map<String, ResourceInfo> resources = new LinkedHashMap<>();
  private final Map<String, Anchors> anchors = new HashMap<>();
  private final Set<String> pagesLower = new HashSet<>();
  private final Map<String, Location> methodLocations = new HashMap<>();
  private final Map<String, List<Usage>> usages = new HashMap<>();

  /**
   * A property that holds a type, or a method that takes or returns it.
   *
   * @param where the property's model, or the method
   * @param label how to name it: {@code Session.state}, {@code projects.locations.sessions.create}
   * @param role {@code property}, {@code request body} or {@code response}
   * @param schemaId the owning model's id, for properties; else null
   * @param wireName the property's wire name, for properties; else null
   */
  record Usage(Location where, String label, String role, String schemaId, String wireName) {}
  private final String serviceMethodsPage;
  final String commonParametersAnchor;
  /** The command line's names when the docs cover it ({@code --cli}); else null. */
  final CliNames cli;
  /** The index's command-line section, when {@link #cli} is set. */
  final String commandLineAnchor;
  private final Map<String, String> cliPages = new HashMap<>();

  /** The scheme and host of an http(s) documentation link: path links in descriptions are on that site. */
  static String site(String documentationLink) {
    if (documentationLink == null) {
      return null;
    }
    try {
      java.net.URI u = new java.net.URI(documentationLink.strip());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http")) || u.getRawAuthority() == null
          || u.getRawUserInfo() != null) {
        return null;
      }
      return scheme + "://" + u.getRawAuthority();
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  DocsContext(ApiModel api, String packageName, boolean cli) {
    this.api = api;
    this.packageName = packageName;
    this.names = NamePlan.of(api, packageName);
    this.index = api.schemaIndex();
    this.types = new TypeMapper(index, names);
    this.site = site(api.documentationLink());
    pagesLower.add(INDEX.toLowerCase(Locale.ROOT));

    for (Schema s : api.schemas()) {
      if (s instanceof ObjectSchema || s instanceof EnumSchema || s instanceof io.discogen.ir.UnionSchema) {
        String page = allocatePage("models/", names.schemaClass(s.id()).simpleName());
        typeLocations.put(s.id(), new Location(page, null));
        if (s instanceof ObjectSchema o) {
          locateNested(o, page);
        }
      }
    }
    this.commonParametersAnchor = anchors(INDEX).allocate("section", "common-parameters");
    for (EnumSchema e : api.commonEnums()) {
      typeLocations.put(e.id(), new Location(INDEX, anchors(INDEX).allocate("type", javaName(e.id()))));
    }
    this.serviceMethodsPage = api.methods().isEmpty() ? null
        : allocatePage("resources/", names.service().simpleName());
    if (serviceMethodsPage != null) {
      locateMethodEnums(api.methods(), serviceMethodsPage);
    }
    walk(api.resources(), List.of(), null);
    indexUsages();
    // Last, so that pages and anchors without the command line stay as they were.
    this.cli = cli ? new CliNames(api, names, types) : null;
    this.commandLineAnchor = cli ? anchors(INDEX).allocate("section", "command-line") : null;
    if (cli) {
      for (CliNames.Command c : this.cli.commands()) {
        cliPages.put(c.method().id(), allocatePage("cli/", String.join(".", c.path())));
      }
    }
  }

  /** The command-line page of a method, or null (no {@code --cli}, or no command for it). */
  String cliPage(String methodId) {
    return cliPages.get(methodId);
  }

  private void indexUsages() {
    for (Schema s : index.values()) {
      if (s instanceof ObjectSchema o && location(o.id()) != null) {
        for (Property p : o.properties()) {
          String held = heldSchema(p.type());
          if (held != null) {
            usages.computeIfAbsent(held, k -> new ArrayList<>())
                .add(new Usage(location(o.id()), javaName(o.id()) + "." + p.name(), "property", o.id(), p.name()));
          }
        }
      }
    }
    for (Method m : api.allMethods()) {
      Location where = methodLocations.get(m.id());
      String label = m.id().startsWith(api.name() + ".") ? m.id().substring(api.name().length() + 1) : m.id();
      String req = m.request() == null ? null : heldSchema(m.request());
      if (req != null) {
        usages.computeIfAbsent(req, k -> new ArrayList<>()).add(new Usage(where, label, "request body", null, null));
      }
      String resp = m.response() == null ? null : heldSchema(m.response());
      if (resp != null) {
        usages.computeIfAbsent(resp, k -> new ArrayList<>()).add(new Usage(where, label, "response", null, null));
      }
    }
  }

  /** The object or enum schema a type is, or holds as list element or map value; else null. */
  private String heldSchema(TypeRef t) {
    TypeRef r = types.resolve(t);
    if (r instanceof TypeRef.ListOf l) {
      return heldSchema(l.element());
    } else if (r instanceof TypeRef.MapOf m) {
      return heldSchema(m.value());
    }
    return r instanceof TypeRef.Named n && location(n.schemaId()) != null ? n.schemaId() : null;
  }

  /** Properties and methods that use a schema, in a stable order. */
  List<Usage> usages(String schemaId) {
    return usages.getOrDefault(schemaId, List.of());
  }

  /** The section documenting a method. */
  Location methodLocation(String methodId) {
    return methodLocations.get(methodId);
  }

  private void locateNested(ObjectSchema o, String page) {
    for (Schema n : o.nested()) {
      if (n instanceof ObjectSchema || n instanceof EnumSchema) {
        typeLocations.put(n.id(), new Location(page, anchors(page).allocate("type", javaName(n.id()))));
      }
      if (n instanceof ObjectSchema no) {
        locateNested(no, page);
      }
    }
  }

  private void walk(List<Resource> list, List<String> chain, String parent) {
    for (Resource r : list) {
      List<String> accessors = new ArrayList<>(chain);
      accessors.add(names.resourceAccessor(r));
      String page = allocatePage("resources/", r.path());
      resources.put(r.path(), new ResourceInfo(r, page, List.copyOf(accessors), parent));
      locateMethodEnums(r.methods(), page);
      walk(r.resources(), accessors, r.path());
    }
  }

  private void locateMethodEnums(List<Method> methods, String page) {
    for (Method m : methods) {
      methodLocations.put(m.id(), new Location(page, anchors(page).allocate("method", m.name())));
      for (EnumSchema e : m.enums()) {
        typeLocations.put(e.id(), new Location(page, anchors(page).allocate("type", javaName(e.id()))));
      }
    }
  }

  /** A page path under {@code dir}, named from spec or Java text, unique ignoring case. */
  private String allocatePage(String dir, String name) {
    StringBuilder base = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
          || (c == '.' && base.length() > 0);
      base.append(ok ? c : '-');
    }
    String b = base.toString().replaceAll("[.-]*-[.-]*", "-").replaceAll("\\.{2,}", ".");
    if (b.isEmpty() || b.equals("-")) {
      b = "x";
    }
    String page = dir + b + ".md";
    for (int k = 2; !pagesLower.add(page.toLowerCase(Locale.ROOT)); k++) {
      page = dir + b + "-" + k + ".md";
    }
    return page;
  }

  Anchors anchors(String page) {
    return anchors.computeIfAbsent(page, p -> new Anchors());
  }

  /** Every resource, depth-first in document order. */
  List<ResourceInfo> resources() {
    return List.copyOf(resources.values());
  }

  ResourceInfo resource(String path) {
    return resources.get(path);
  }

  /** The page of the methods declared on the API itself, or null when there are none. */
  String serviceMethodsPage() {
    return serviceMethodsPage;
  }

  /** Where an object or enum schema is documented, or null for aliases and unknown ids. */
  Location location(String schemaId) {
    return typeLocations.get(schemaId);
  }

  /** The Java name of a schema's class relative to its package: {@code Session.State}. */
  String javaName(String schemaId) {
    return String.join(".", names.schemaClass(schemaId).simpleNames());
  }

  /** A relative link target from one page to a location. */
  static String href(String fromPage, Location to) {
    String hash = to.anchor() == null ? "" : "#" + to.anchor();
    if (fromPage.equals(to.page())) {
      return hash.isEmpty() ? relative(fromPage, to.page()) : hash;
    }
    return relative(fromPage, to.page()) + hash;
  }

  static String relative(String fromPage, String toPage) {
    List<String> from = new ArrayList<>(List.of(fromPage.split("/")));
    from.remove(from.size() - 1);
    List<String> to = List.of(toPage.split("/"));
    int common = 0;
    while (common < from.size() && common < to.size() - 1 && from.get(common).equals(to.get(common))) {
      common++;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = common; i < from.size(); i++) {
      sb.append("../");
    }
    for (int i = common; i < to.size(); i++) {
      sb.append(to.get(i));
      if (i < to.size() - 1) {
        sb.append('/');
      }
    }
    return sb.toString();
  }

  /** A type as Markdown, each generated class linked to where it is documented: {@code List<Session>}. */
  String typeMarkdown(TypeRef t, String fromPage) {
    TypeRef r = types.resolve(t);
    if (r instanceof TypeRef.ListOf l) {
      return "List&lt;" + typeMarkdown(l.element(), fromPage) + "&gt;";
    } else if (r instanceof TypeRef.MapOf m) {
      return "Map&lt;String, " + typeMarkdown(m.value(), fromPage) + "&gt;";
    } else if (r instanceof TypeRef.Named n) {
      Location loc = location(n.schemaId());
      String text = Markdown.inline(javaName(n.schemaId()));
      return loc == null ? text : Markdown.link(text, href(fromPage, loc));
    } else if (r instanceof TypeRef.Primitive) {
      return Markdown.inline(display(types.apiType(r)));
    }
    return "Object";
  }

  /** How a type travels on the wire, when that is not obvious from its Java type; else null. */
  String wireFormat(TypeRef t) {
    TypeRef r = types.resolve(t);
    if (r instanceof TypeRef.ListOf l) {
      return wireFormat(l.element());
    } else if (r instanceof TypeRef.MapOf m) {
      return wireFormat(m.value());
    } else if (r instanceof TypeRef.Primitive p) {
      return switch (p.kind()) {
        case INT64 -> "int64, sent as a string";
        case UINT64 -> "uint64, sent as a string";
        case UINT32 -> "uint32";
        case BYTES -> "base64";
        case BYTES_URL_SAFE -> "URL-safe base64";
        case DATE_TIME -> "RFC 3339 timestamp";
        case OFFSET_DATE_TIME -> "RFC 3339 timestamp, offset kept";
        case DATE -> "RFC 3339 date";
        case DURATION -> "duration, e.g. `3.5s`";
        case FIELD_MASK -> "field mask, e.g. `name,labels`";
        default -> null;
      };
    }
    return null;
  }

  /** The simple display form of a Java type: {@code Instant}, {@code byte[]}. */
  static String display(TypeName t) {
    if (t instanceof ClassName c) {
      return String.join(".", c.simpleNames());
    } else if (t instanceof ArrayTypeName a) {
      return display(a.componentType()) + "[]";
    } else if (t instanceof com.palantir.javapoet.ParameterizedTypeName p) {
      List<String> args = new ArrayList<>();
      for (TypeName arg : p.typeArguments()) {
        args.add(display(arg));
      }
      return display(p.rawType()) + "<" + String.join(", ", args) + ">";
    }
    return t.toString();
  }

  /** The enum a (possibly list- or map-wrapped) type holds, or null. */
  EnumSchema enumOf(TypeRef t) {
    return types.enumOf(t);
  }
}
