package io.discogen.openapi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inheritance pass: which component extends which, planned once for the whole document. An
 * {@code allOf} of exactly one referenced object component plus inline parts makes a subclass of
 * that component; any other {@code allOf} of objects is merged into one class. Also what a class
 * inherits (properties, discriminators) and the values of a base's discriminator.
 */
final class Inheritance {
  private final ComponentSchemas components;
  private final Shapes shapes;
  /** Component key to the component it extends; acyclic. */
  private final Map<String, String> parents;

  Inheritance(ComponentSchemas components, Shapes shapes) {
    this.components = components;
    this.shapes = shapes;
    this.parents = Collections.unmodifiableMap(planParents());
  }

  /**
   * Decides which components extend which. A cycle ({@code A allOf B}, {@code B allOf A}) is
   * broken in document order: its first member is merged instead (a chain that runs into a cycle
   * it is not part of keeps its parent).
   */
  private Map<String, String> planParents() {
    Map<String, String> plan = new HashMap<>();
    for (Map.Entry<String, OpenApiSchema> e : components.all().entrySet()) {
      String parent = shapes.isObject(e.getValue(), 0) ? parentRef(e.getValue()) : null;
      if (parent != null) {
        plan.put(e.getKey(), parent);
      }
    }
    for (String key : components.all().keySet()) {
      Set<String> seen = new HashSet<>();
      for (String p = plan.get(key); p != null && seen.add(p); p = plan.get(p)) {
        if (p.equals(key)) {
          plan.remove(key);
          break;
        }
      }
    }
    return plan;
  }

  /** The component a component extends, or null. */
  String parentOf(String key) {
    return parents.get(key);
  }

  /**
   * The component an {@code allOf} extends: its only referenced part, when that is an object
   * component and every other part is inline; else null (the parts are merged).
   */
  String parentRef(OpenApiSchema s) {
    if (s == null || s.allOf().isEmpty()) {
      return null;
    }
    String parent = null;
    for (OpenApiSchema part : s.allOf()) {
      if (part != null && part.ref() != null) {
        String key = ComponentSchemas.componentKey(part.ref());
        if (parent != null || key == null || !shapes.isObject(components.get(key), 0)) {
          return null;
        }
        parent = key;
      }
    }
    return parent;
  }

  /** Whether component {@code key} extends {@code base}, directly or further down. */
  boolean extendsComponent(String key, String base) {
    Set<String> seen = new HashSet<>();
    for (String a = key == null ? null : parents.get(key); a != null && seen.add(a); a = parents.get(a)) {
      if (a.equals(base)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether every {@code oneOf}/{@code anyOf} part of {@code s} is a component extending {@code id}
   * (the canonical {@code Pet: {oneOf: [Cat, Dog]}}, {@code Cat: {allOf: [Pet, ...]}}): JSON typed as
   * the object is already each of them through its subclasses, the parts name nothing more.
   */
  boolean allExtend(OpenApiSchema s, String id) {
    for (OpenApiSchema part : s.variantParts()) {
      String key = part == null ? null : ComponentSchemas.componentKey(part.ref());
      if (!extendsComponent(key, id)) {
        return false;
      }
    }
    return true;
  }

  /** The discriminators of {@code parent} and its ancestors: properties every subclass inherits. */
  Set<String> inheritedDiscriminators(String parent) {
    Set<String> out = new HashSet<>();
    Set<String> chain = new HashSet<>();
    for (String a = parent; a != null && chain.add(a); a = parents.get(a)) {
      OpenApiSchema s = components.get(a);
      String d = s == null ? null : s.discriminatorProperty();
      if (d != null) {
        out.add(d);
      }
    }
    return out;
  }

  /**
   * Own properties, and those of every {@code allOf} part (referenced parts included), merged in
   * order, the first declaration winning; the names they require into {@code required}.
   *
   * @param seenRefs components already merged (a cycle adds nothing)
   */
  void collectProperties(OpenApiSchema s, Map<String, OpenApiSchema> props, Set<String> required,
      Set<String> seenRefs, int depth) {
    if (s == null || depth > Shapes.MAX_DEPTH) {
      return;
    }
    if (s.ref() != null) {
      String key = ComponentSchemas.componentKey(s.ref());
      if (key != null && seenRefs.add(key)) {
        collectProperties(components.get(key), props, required, seenRefs, depth + 1);
      }
      return;
    }
    for (OpenApiSchema part : s.allOf()) {
      collectProperties(part, props, required, seenRefs, depth + 1);
    }
    s.properties().forEach(props::putIfAbsent);
    required.addAll(s.required());
  }

  /**
   * The values of a base component's discriminator, each selecting the base or a component that
   * extends it (directly or further down), first one wins: the explicit {@code mapping}, then each
   * unmapped schema's {@code x-ms-discriminator-value} (Azure), else its name. The base itself
   * only by mapping or {@code x-ms-discriminator-value}: its plain name is what an unknown value
   * decodes to anyway. Empty when nothing extends the base.
   */
  Map<String, String> discriminatorValues(String base, OpenApiSchema s) {
    List<String> family = new ArrayList<>(List.of(base));
    for (String key : components.all().keySet()) {
      if (extendsComponent(key, base)) {
        family.add(key);
      }
    }
    Map<String, String> values = new LinkedHashMap<>();
    if (family.size() == 1) {
      return values;
    }
    for (Map.Entry<String, String> e : s.discriminatorMapping().entrySet()) {
      String v = e.getValue();
      String target = v == null ? null : v.startsWith("#") ? ComponentSchemas.componentKey(v) : v;
      if (e.getKey() != null && target != null && family.contains(target)) {
        values.putIfAbsent(e.getKey(), target);
      }
    }
    for (String key : family) {
      if (values.containsValue(key)) {
        continue;
      }
      OpenApiSchema member = components.get(key);
      String v = member == null ? null : member.msDiscriminatorValueDeep();
      if (v == null && !key.equals(base)) {
        v = key;
      }
      if (v != null) {
        values.putIfAbsent(v, key);
      }
    }
    return values;
  }
}
