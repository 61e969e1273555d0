package io.discogen.docs;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.discogen.ir.EnumSchema;
import io.discogen.ir.ObjectSchema;
import io.discogen.ir.TypeRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.lang.model.SourceVersion;

/**
 * Java source text of one usage example: type references (imported by simple name unless two
 * would clash, then fully qualified), local variable names, and placeholder values of the right
 * type. Only identifiers from {@code NamePlan} and text this class makes up reach the source; spec
 * text never does, except path placeholders reduced to a safe alphabet.
 */
final class JavaSnippet {
  private static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "io", "net");

  private final DocsContext ctx;
  private final Map<String, ClassName> imports = new TreeMap<>();
  private final Set<String> locals = new HashSet<>();

  JavaSnippet(DocsContext ctx) {
    this.ctx = ctx;
  }

  /** A class reference: its nested name when its top-level class is imported, else qualified. */
  String ref(ClassName c) {
    ClassName top = c.topLevelClassName();
    if (top.packageName().equals("java.lang")) {
      return String.join(".", c.simpleNames());
    }
    ClassName prev = imports.putIfAbsent(top.simpleName(), top);
    return prev == null || prev.equals(top) ? String.join(".", c.simpleNames()) : c.canonicalName();
  }

  String type(TypeName t) {
    if (t instanceof ClassName c) {
      return ref(c);
    } else if (t instanceof ParameterizedTypeName p) {
      List<String> args = new ArrayList<>();
      for (TypeName a : p.typeArguments()) {
        args.add(type(a));
      }
      return ref(p.rawType()) + "<" + String.join(", ", args) + ">";
    } else if (t instanceof ArrayTypeName a) {
      return type(a.componentType()) + "[]";
    }
    return t.toString();
  }

  /** {@code import} lines, sorted. */
  List<String> importLines() {
    Set<String> lines = new TreeSet<>();
    for (ClassName c : imports.values()) {
      lines.add("import " + c.canonicalName() + ";");
    }
    return List.copyOf(lines);
  }

  /** A fresh local variable name from a type's simple name, or {@code fallback}. */
  String local(String typeSimpleName, String fallback) {
    String base = typeSimpleName == null || typeSimpleName.isEmpty() ? fallback
        : Character.toLowerCase(typeSimpleName.charAt(0)) + typeSimpleName.substring(1);
    String packageRoot = ctx.packageName.split("\\.")[0];
    if (!SourceVersion.isName(base) || PACKAGE_ROOTS.contains(base) || base.equals(packageRoot) || base.startsWith("_")) {
      base = fallback;
    }
    String n = base;
    for (int k = 2; !locals.add(n); k++) {
      n = base + k;
    }
    return n;
  }

  /** A placeholder value of {@code t}'s Java API type; {@code hint} names strings. */
  String placeholder(TypeRef t, String hint, String pattern) {
    TypeRef r = ctx.types.resolve(t);
    if (r instanceof TypeRef.ListOf l) {
      return ref(ClassName.get("java.util", "List")) + ".of(" + placeholder(l.element(), hint, null) + ")";
    } else if (r instanceof TypeRef.MapOf m) {
      return ref(ClassName.get("java.util", "Map")) + ".of(\"key\", " + placeholder(m.value(), hint, null) + ")";
    } else if (r instanceof TypeRef.Named n) {
      var s = ctx.index.get(n.schemaId());
      if (s instanceof EnumSchema e) {
        return ref(ctx.names.schemaClass(e.id())) + "." + enumConstant(e);
      } else if (s instanceof ObjectSchema) {
        return "new " + ref(ctx.names.schemaClass(n.schemaId())) + "()";
      }
      return "null";
    } else if (r instanceof TypeRef.Primitive p) {
      return switch (p.kind()) {
        case STRING -> "\"" + (pattern != null ? fromPattern(pattern, hint) : "my-" + kebab(hint)) + "\"";
        case FIELD_MASK -> "\"name\"";
        case BOOLEAN -> "true";
        case INT32 -> "10";
        case UINT32, INT64, INT64_NUMBER -> "10L";
        case UINT64 -> ref(ClassName.get("java.math", "BigInteger")) + ".TEN";
        case FLOAT -> "1.5f";
        case DOUBLE -> "1.5";
        case BYTES, BYTES_URL_SAFE, BINARY -> "new byte[0]";
        case DECIMAL -> ref(ClassName.get("java.math", "BigDecimal")) + ".TEN";
        case UUID -> ref(ClassName.get("java.util", "UUID")) + ".fromString(\"123e4567-e89b-12d3-a456-426614174000\")";
        case DATE_TIME -> ref(ClassName.get("java.time", "Instant")) + ".parse(\"2024-01-01T00:00:00Z\")";
        case OFFSET_DATE_TIME -> ref(ClassName.get("java.time", "OffsetDateTime")) + ".parse(\"2024-01-01T00:00:00Z\")";
        case URI -> ref(ClassName.get("java.net", "URI")) + ".create(\"https://example.com/\")";
        case DATE -> ref(ClassName.get("java.time", "LocalDate")) + ".of(2024, 1, 1)";
        case DURATION -> ref(ClassName.get("java.time", "Duration")) + ".ofSeconds(30)";
      };
    }
    return "\"value\"";
  }

  /** The constant an example uses: the first value not deprecated, not the {@code *_UNSPECIFIED} one. */
  private String enumConstant(EnumSchema e) {
    EnumSchema.EnumValue pick = null;
    for (EnumSchema.EnumValue v : e.values()) {
      boolean unspecified = v.value().endsWith("_UNSPECIFIED");
      if (!v.deprecated() && !unspecified) {
        pick = v;
        break;
      }
      if (pick == null) {
        pick = v;
      }
    }
    return pick == null ? ctx.names.unknownConstant(e.id()) : ctx.names.enumConstant(e.id(), pick.value());
  }

  /**
   * A value matching a path pattern such as {@code ^projects/[^/]+/locations/[^/]+$}: {@code
   * projects/my-project/locations/my-location}. Patterns of another shape give {@code my-<hint>}.
   */
  static String fromPattern(String pattern, String hint) {
    String p = pattern;
    if (p.startsWith("^")) {
      p = p.substring(1);
    }
    if (p.endsWith("$")) {
      p = p.substring(0, p.length() - 1);
    }
    p = p.replace("[^/]+", "\0").replace("[^/]*", "\0");
    List<String> out = new ArrayList<>();
    String previous = hint;
    for (String seg : p.split("/", -1)) {
      if (seg.equals("\0") || seg.equals(".+") || seg.equals(".*")) {
        out.add("my-" + kebab(singular(previous)));
      } else if (seg.matches("[A-Za-z0-9_-]+")) {
        out.add(seg);
        previous = seg;
      } else {
        return "my-" + kebab(hint);
      }
    }
    return String.join("/", out);
  }

  private static String singular(String s) {
    if (s.endsWith("ies") && s.length() > 3) {
      return s.substring(0, s.length() - 3) + "y";
    }
    if (s.endsWith("sses") || s.endsWith("xes")) {
      return s.substring(0, s.length() - 2);
    }
    if (s.endsWith("s") && !s.endsWith("ss") && s.length() > 1) {
      return s.substring(0, s.length() - 1);
    }
    return s;
  }

  /** {@code sessionId} to {@code session-id}; only letters, digits and dashes survive. */
  static String kebab(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '-') {
          sb.append('-');
        }
        sb.append(Character.toLowerCase(c));
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        sb.append(c);
      } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '-') {
        sb.append('-');
      }
    }
    while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '-') {
      sb.setLength(sb.length() - 1);
    }
    return sb.length() == 0 ? "value" : sb.toString();
  }
}
