package io.discogen.runtime.cli;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedField;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.discogen.runtime.json.Json;
import io.discogen.runtime.json.WireEnum;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON fields of a generated model class, as the command line's field cursor sees them: each
 * field's JSON name and Java type, and for a string field that holds an enum, its wire values.
 * Read from the class itself, as the client's JSON mapper sees it, so the program carries no second
 * description of the API.
 */
final class ModelFields {
  /** One field: its JSON name, its declared type, and the enum's wire values (null for none). */
  record FieldInfo(String jsonName, Type type, List<String> enumValues) { }

  private static final Map<Class<?>, Map<String, FieldInfo>> CACHE = new ConcurrentHashMap<>();

  private ModelFields() {}

  /** Whether {@code type} is a model whose fields are known (not a map, list, scalar or free-form value). */
  static boolean isModel(Type type) {
    return type instanceof Class<?> c && !c.isInterface() && !c.isEnum() && !c.isPrimitive()
        && !c.getName().startsWith("java.") && !fields(c).isEmpty();
  }

  /** The fields of {@code model} by JSON name, in declaration order, superclasses first. */
  static Map<String, FieldInfo> fields(Class<?> model) {
    return CACHE.computeIfAbsent(model, ModelFields::read);
  }

  private static Map<String, FieldInfo> read(Class<?> model) {
    // Jackson's own view of the class, with the client's mapper settings: the fields it reads.
    ObjectMapper mapper = Json.get().mapper();
    BeanDescription bean = mapper.getDeserializationConfig().introspect(mapper.constructType(model));
    Map<String, FieldInfo> out = new LinkedHashMap<>();
    for (BeanPropertyDefinition p : bean.findProperties()) {
      AnnotatedField f = p.getField();
      if (f == null || !p.couldDeserialize()) {
        continue;
      }
      Type type = f.getAnnotated().getGenericType();
      String name = p.getName();
      out.put(name, new FieldInfo(name, type, f.getRawType() == String.class ? enumValues(model, name) : null));
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * The wire values of the enum a string field holds: generated models keep an enum's text (so
   * that values newer than the client survive) and read it through {@code getX()} returning the
   * enum type.
   */
  private static List<String> enumValues(Class<?> c, String jsonName) {
    String getter = "get" + Character.toUpperCase(jsonName.charAt(0)) + jsonName.substring(1);
    for (Method m : c.getMethods()) {
      if (m.getParameterCount() == 0 && m.getName().equalsIgnoreCase(getter) && m.getReturnType().isEnum()
          && WireEnum.class.isAssignableFrom(m.getReturnType())) {
        List<String> values = new ArrayList<>();
        for (Object constant : m.getReturnType().getEnumConstants()) {
          String v = ((WireEnum) constant).value();
          if (v != null) {
            values.add(v);
          }
        }
        return List.copyOf(values);
      }
    }
    return null;
  }

  /** The element type of a list type, or null. */
  static Type listElement(Type type) {
    return typeArgument(type, List.class, 0);
  }

  /** The value type of a map type, or null. */
  static Type mapValue(Type type) {
    return typeArgument(type, Map.class, 1);
  }

  private static Type typeArgument(Type type, Class<?> raw, int index) {
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c && raw.isAssignableFrom(c)) {
      return p.getActualTypeArguments()[index];
    }
    return null;
  }

  /** A name as typed on the command line ({@code container-image}, {@code container_image}) as a JSON name. */
  static String camel(String name) {
    StringBuilder sb = new StringBuilder();
    boolean upper = false;
    for (char c : name.toCharArray()) {
      if ((c == '-' || c == '_') && sb.length() > 0) {
        upper = true;
      } else {
        sb.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return sb.toString();
  }

  /** A JSON name as the command line shows it: {@code containerImage} as {@code container-image}. */
  static String kebab(String jsonName) {
    StringBuilder sb = new StringBuilder();
    for (char c : jsonName.toCharArray()) {
      if (Character.isUpperCase(c) && sb.length() > 0) {
        sb.append('-');
      }
      sb.append(Character.toLowerCase(c));
    }
    return sb.toString();
  }

  /** Up to three of {@code candidates} that look like {@code typed} (by edit distance), nearest first. */
  static List<String> nearest(String typed, Iterable<String> candidates) {
    String t = camel(typed).toLowerCase(Locale.ROOT);
    List<String> scored = new ArrayList<>();
    Map<String, Integer> distance = new LinkedHashMap<>();
    for (String c : candidates) {
      String lc = c.toLowerCase(Locale.ROOT);
      int d = lc.startsWith(t) || t.startsWith(lc) ? 1 : editDistance(t, lc);
      if (d <= Math.max(2, t.length() / 3)) {
        distance.put(c, d);
        scored.add(c);
      }
    }
    scored.sort((a, b) -> Integer.compare(distance.get(a), distance.get(b)));
    return scored.subList(0, Math.min(3, scored.size()));
  }

  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
