package io.discogen.diff;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.discogen.ir.AliasSchema;
import io.discogen.ir.ApiModel;
import io.discogen.ir.EnumSchema;
import io.discogen.ir.Method;
import io.discogen.ir.ObjectSchema;
import io.discogen.ir.Property;
import io.discogen.ir.Resource;
import io.discogen.ir.Schema;
import io.discogen.ir.TypeRef;
import io.discogen.java.NamePlan;
import io.discogen.java.TypeMapper;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One side of a comparison as users of the generated client see it: Java names from {@link
 * NamePlan}, Java types from {@link TypeMapper}, rendered without a package (the package never
 * changes a name), plus the facts the diff needs indexed by spec name.
 */
final class JavaView {
  /** Any package will do: names do not depend on it, and rendered names leave it out. */
  private static final String PACKAGE = "diff";

  /** The Google convention for a required field described only in prose. */
  private static final Pattern REQUIRED_PROSE =
      Pattern.compile("^\\s*(Required[.:]|\\[Required\\]|REQUIRED[.:])");

  final ApiModel api;
  final NamePlan names;
  final TypeMapper types;
  final Map<String, Schema> index;
  /** Model schemas (top-level, hoisted and nested), by id; no parameter enums. */
  final Map<String, Schema> models = new LinkedHashMap<>();
  /** Top-level (and hoisted) schemas that become classes: objects and enums, not aliases. */
  final Map<String, Schema> classes = new LinkedHashMap<>();
  /** For each model schema id, the top-level schema it is declared in. */
  final Map<String, String> topOf = new LinkedHashMap<>();
  /** For nested model schemas, the enclosing schema. */
  final Map<String, String> parentOf = new LinkedHashMap<>();
  final Map<String, Method> methods = new LinkedHashMap<>();
  /** Resource path of each method ({@code ""} for the API's own). */
  final Map<String, String> resourceOf = new LinkedHashMap<>();
  final Map<String, Resource> resources = new LinkedHashMap<>();
  /** Object schemas whose values are sent as (part of) a request body. */
  final Set<String> requestSchemas = new HashSet<>();

  JavaView(ApiModel api) {
    this.api = api;
    this.names = NamePlan.of(api, PACKAGE);
    this.index = api.schemaIndex();
    this.types = new TypeMapper(index, names);
    for (Schema s : api.schemas()) {
      if (!(s instanceof AliasSchema)) {
        classes.put(s.id(), s);
      }
      indexModel(s, s.id(), null);
    }
    for (Method m : api.methods()) {
      methods.put(m.id(), m);
      resourceOf.put(m.id(), "");
    }
    indexResources(api.resources());
    for (Method m : methods.values()) {
      if (m.request() != null) {
        markSent(m.request());
      }
    }
  }

  private void indexModel(Schema s, String top, String parent) {
    models.put(s.id(), s);
    topOf.put(s.id(), top);
    if (parent != null) {
      parentOf.put(s.id(), parent);
    }
    if (s instanceof ObjectSchema o) {
      for (Schema n : o.nested()) {
        indexModel(n, top, s.id());
      }
    }
  }

  private void indexResources(List<Resource> rs) {
    for (Resource r : rs) {
      resources.put(r.path(), r);
      for (Method m : r.methods()) {
        methods.put(m.id(), m);
        resourceOf.put(m.id(), r.path());
      }
      indexResources(r.resources());
    }
  }

  /** Marks every object schema reachable from a request body through properties callers may set. */
  private void markSent(TypeRef root) {
    Deque<TypeRef> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      TypeRef t = types.resolve(todo.pop());
      if (t instanceof TypeRef.ListOf l) {
        todo.push(l.element());
      } else if (t instanceof TypeRef.MapOf m) {
        todo.push(m.value());
      } else if (t instanceof TypeRef.Named n
          && index.get(n.schemaId()) instanceof ObjectSchema o
          && requestSchemas.add(o.id())) {
        for (Property p : o.properties()) {
          if (!p.outputOnly()) {
            todo.push(p.type());
          }
        }
      }
    }
  }

  /** The Java type users see, without packages: {@code List<Session.RuntimeInfo>}. */
  String type(TypeRef t) {
    return render(types.apiType(t));
  }

  /**
   * The identity of a type for comparison: its Java shape with schemas named by spec id, so that a
   * class renamed because of a new neighbour is reported once (as a rename), not again as a type
   * change of every member that uses it.
   */
  String typeKey(TypeRef t) {
    TypeRef r = types.resolve(t);
    if (r instanceof TypeRef.ListOf l) {
      return "List<" + typeKey(l.element()) + ">";
    } else if (r instanceof TypeRef.MapOf m) {
      return "Map<String, " + typeKey(m.value()) + ">";
    } else if (r instanceof TypeRef.Named n) {
      return "schema " + n.schemaId();
    }
    return type(r);
  }

  /** How a type travels, for types whose Java form did not change: {@code list<int64>}. */
  String wire(TypeRef t) {
    TypeRef r = types.resolve(t);
    if (r instanceof TypeRef.Primitive p) {
      return p.kind().name().toLowerCase(Locale.ROOT);
    } else if (r instanceof TypeRef.ListOf l) {
      return "list<" + wire(l.element()) + ">";
    } else if (r instanceof TypeRef.MapOf m) {
      return "map<" + wire(m.value()) + ">";
    } else if (r instanceof TypeRef.Named n) {
      return index.get(n.schemaId()) instanceof EnumSchema ? "enum" : "object";
    }
    return "any";
  }

  static String render(TypeName t) {
    if (t instanceof ClassName c) {
      return String.join(".", c.simpleNames());
    } else if (t instanceof ParameterizedTypeName p) {
      StringBuilder b = new StringBuilder(render(p.rawType())).append('<');
      for (int i = 0; i < p.typeArguments().size(); i++) {
        b.append(i == 0 ? "" : ", ").append(render(p.typeArguments().get(i)));
      }
      return b.append('>').toString();
    } else if (t instanceof ArrayTypeName a) {
      return render(a.componentType()) + "[]";
    }
    return t.toString();
  }

  /** A class name relative to the package: {@code Dataproc.Projects.Locations}. */
  static String className(ClassName c) {
    return c == null ? null : String.join(".", c.simpleNames());
  }

  String schemaClass(String schemaId) {
    return className(names.schemaClass(schemaId));
  }

  String serviceClass() {
    return className(names.service());
  }

  /** {@code projects().locations().sessions()}; empty for the service itself. */
  String resourceChain(String path) {
    if (path.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    String prefix = "";
    for (String segment : path.split("\\.", -1)) {
      prefix = prefix.isEmpty() ? segment : prefix + "." + segment;
      Resource r = resources.get(prefix);
      String accessor = r == null ? null : names.resourceAccessor(r);
      b.append(b.length() == 0 ? "" : ".").append(accessor != null ? accessor : segment).append("()");
    }
    return b.toString();
  }

  /** {@code projects().locations().sessions().create()}. */
  String methodCall(String methodId) {
    String chain = resourceChain(resourceOf.get(methodId));
    return (chain.isEmpty() ? "" : chain + ".") + names.requestAccessor(methodId) + "()";
  }

  /** Whether the generated request class has {@code iterateAll()}: the IR's paging fact, as the emitter reads it. */
  static boolean iterable(Method m) {
    return m.pagedItem() != null;
  }

  /** Whether the generated request class has {@code executeAndWait()}. */
  static boolean waitable(Method m) {
    return m.longRunning() != null;
  }

  /** Whether callers must set a property of a request body: flagged, or described "Required.". */
  static boolean mustSet(Property p) {
    return !p.outputOnly()
        && (p.required() || (p.description() != null && REQUIRED_PROSE.matcher(p.description()).find()));
  }
}
