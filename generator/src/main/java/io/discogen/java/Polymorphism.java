package io.discogen.java;

import io.discogen.ir.ObjectSchema;
import io.discogen.ir.Schema;
import io.discogen.ir.TypeRef;
import io.discogen.ir.UnionSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who extends and implements what, read from the IR once: objects with subclasses (not final),
 * and discriminated unions of objects, which become sealed interfaces that their variant classes
 * implement. Every other union stays a class that keeps the JSON (see {@link UnionEmitter}).
 */
final class Polymorphism {
  private final Map<String, Schema> index;
  private final Set<String> parents = new HashSet<>();
  /** Sealed union id to its variants' object ids, in variant order. */
  private final Map<String, List<String>> sealed = new LinkedHashMap<>();
  /** Object id to the sealed unions it is a variant of, in index order. */
  private final Map<String, List<String>> interfaces = new HashMap<>();
  /** Nested schema id to the id of the object it is declared in. */
  private final Map<String, String> enclosing = new HashMap<>();
  /** Object id to the discriminator value its new instances start with (see {@link #initialValue}). */
  private final Map<String, InitialValue> initial = new HashMap<>();
  /** Object id to the discriminator property its protected constructor sets for subclasses. */
  private final Map<String, String> valueConstructors = new HashMap<>();

  /**
   * A discriminator value new instances of a class start with.
   *
   * @param property the discriminator property
   * @param value its value for this class
   * @param owner the id of the class (this one or an ancestor) that declares the property
   */
  record InitialValue(String property, String value, String owner) {}

  /** The schema with this id, or null. */
  Schema schema(String id) {
    return index.get(id);
  }

  Polymorphism(Map<String, Schema> index) {
    this.index = index;
    for (Schema s : index.values()) {
      if (s instanceof ObjectSchema o && o.parent() != null) {
        parents.add(o.parent());
      } else if (s instanceof UnionSchema u) {
        List<String> variants = objectVariants(u);
        if (variants != null) {
          sealed.put(u.id(), variants);
          for (String v : variants) {
            interfaces.computeIfAbsent(v, k -> new ArrayList<>()).add(u.id());
          }
        }
      }
      if (s instanceof ObjectSchema o) {
        for (Schema n : o.nested()) {
          enclosing.put(n.id(), o.id());
        }
      }
    }
    for (String u : List.copyOf(sealed.keySet())) {
      if (inheritanceCycle(u)) {
        for (String v : sealed.remove(u)) {
          interfaces.get(v).remove(u);
        }
      }
    }
    planInitialValues(); // after the unions are settled: a variant's value comes from its unions
  }

  /**
   * Whether making a union's variants implement it would be cyclic inheritance for javac: a
   * variant would need the union's enclosing class, which needs the variant (the union nested in
   * one of its own variants, or in a subclass of one). Resolving a class's supertypes needs its
   * superclass, its interfaces and its enclosing class, transitively.
   */
  private boolean inheritanceCycle(String unionId) {
    Set<String> seen = new HashSet<>();
    java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(unionId));
    Set<String> variants = new HashSet<>(sealed.get(unionId));
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (variants.contains(id)) {
        return true;
      }
      if (!seen.add(id)) {
        continue;
      }
      if (enclosing.containsKey(id)) {
        todo.push(enclosing.get(id));
      }
      if (index.get(id) instanceof ObjectSchema o) {
        if (o.parent() != null) {
          todo.push(o.parent());
        }
        todo.addAll(interfaces.getOrDefault(id, List.of()));
      }
    }
    return false;
  }

  /**
   * The distinct object schemas a discriminated union's variants are, or null when it has no
   * discriminator or a variant is not an object (primitives cannot implement an interface).
   */
  private List<String> objectVariants(UnionSchema u) {
    if (u.discriminatorProperty() == null) {
      return null;
    }
    List<String> ids = new ArrayList<>();
    for (TypeRef v : u.variants()) {
      String id = objectId(v);
      if (id == null || ids.contains(id)) {
        return null;
      }
      ids.add(id);
    }
    return ids;
  }

  /** The object schema a type is (through aliases), or null. */
  String objectId(TypeRef t) {
    TypeRef cur = t;
    for (int guard = 0; guard < 100 && cur instanceof TypeRef.Named n; guard++) {
      Schema s = index.get(n.schemaId());
      if (s instanceof ObjectSchema) {
        return n.schemaId();
      }
      if (!(s instanceof io.discogen.ir.AliasSchema a)) {
        return null;
      }
      cur = a.target();
    }
    return null;
  }

  /**
   * Decides which classes start with their discriminator value, and which pass a subclass's value
   * up a protected constructor to the class that declares the property (its field is private).
   * A class whose chain would need one constructor for two properties keeps no value.
   */
  private void planInitialValues() {
    for (Schema s : index.values()) {
      if (!(s instanceof ObjectSchema o)) {
        continue;
      }
      InitialValue v = findInitialValue(o);
      if (v == null) {
        continue;
      }
      List<String> chain = new ArrayList<>();
      for (ObjectSchema a = parentOf(o); a != null && !v.owner().equals(o.id()); a = parentOf(a)) {
        chain.add(a.id());
        if (a.id().equals(v.owner())) {
          break;
        }
      }
      if (chain.stream().allMatch(id -> valueConstructors.getOrDefault(id, v.property()).equals(v.property()))) {
        chain.forEach(id -> valueConstructors.put(id, v.property()));
        initial.put(o.id(), v);
      }
    }
  }

  /**
   * The value a class starts with, and who declares the property: the one its nearest
   * discriminated ancestor-or-self gives it, else the one its discriminated unions give it.
   */
  private InitialValue findInitialValue(ObjectSchema o) {
    InitialValue inherited = fromAncestors(o);
    return inherited != null ? inherited : fromUnions(o);
  }

  /**
   * A {@code oneOf}/{@code anyOf} variant starts with the discriminator value its unions select
   * it by, as an {@code allOf} subclass does (a server validating the body needs it); none when
   * several values select it or its unions disagree.
   */
  private InitialValue fromUnions(ObjectSchema o) {
    InitialValue found = null;
    for (String unionId : interfaces.getOrDefault(o.id(), List.of())) {
      UnionSchema u = (UnionSchema) index.get(unionId);
      if (u.discriminatorProperty() == null) {
        continue;
      }
      List<String> values = discriminatorValues(u).get(o.id());
      String owner = ownerOf(o, u.discriminatorProperty());
      if (values == null || values.size() != 1 || owner == null) {
        return null;
      }
      InitialValue v = new InitialValue(u.discriminatorProperty(), values.get(0), owner);
      if (found != null && !found.equals(v)) {
        return null;
      }
      found = v;
    }
    return found;
  }

  private InitialValue fromAncestors(ObjectSchema o) {
    for (ObjectSchema a = o; a != null; a = parentOf(a)) {
      if (a.discriminatorProperty() == null) {
        continue;
      }
      for (Map.Entry<String, String> e : a.discriminatorValues().entrySet()) {
        if (e.getValue().equals(o.id())) {
          String owner = ownerOf(o, a.discriminatorProperty());
          return owner == null ? null : new InitialValue(a.discriminatorProperty(), e.getKey(), owner);
        }
      }
      return null;
    }
    return null;
  }

  /** The class in an object's chain that declares a property, or null. */
  private String ownerOf(ObjectSchema o, String property) {
    for (ObjectSchema a = o; a != null; a = parentOf(a)) {
      if (a.properties().stream().anyMatch(p -> p.name().equals(property))) {
        return a.id();
      }
    }
    return null;
  }

  /** An object's parent object, or null; chains are acyclic (see {@link ObjectSchema#parent}). */
  ObjectSchema parentOf(ObjectSchema o) {
    return o.parent() != null && index.get(o.parent()) instanceof ObjectSchema p ? p : null;
  }

  /**
   * The nearest ancestor-or-self of an object that has a discriminator, whose values decide which
   * class JSON typed as this one decodes to; or null.
   */
  ObjectSchema discriminatedBase(String objectId) {
    for (ObjectSchema a = index.get(objectId) instanceof ObjectSchema o ? o : null; a != null; a = parentOf(a)) {
      if (a.discriminatorProperty() != null) {
        return a;
      }
    }
    return null;
  }

  /**
   * The discriminator values of an object's base that select it or a class extending it, grouped
   * by the selected class, in the base's value order.
   */
  Map<String, List<String>> selectableValues(String objectId) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    ObjectSchema base = discriminatedBase(objectId);
    for (Map.Entry<String, String> e : base.discriminatorValues().entrySet()) {
      if (extendsOrIs(e.getValue(), objectId)) {
        out.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey());
      }
    }
    return out;
  }

  private boolean extendsOrIs(String id, String ancestor) {
    for (ObjectSchema a = index.get(id) instanceof ObjectSchema o ? o : null; a != null; a = parentOf(a)) {
      if (a.id().equals(ancestor)) {
        return true;
      }
    }
    return false;
  }

  /** The discriminator value new instances of a class start with, or null. */
  InitialValue initialValue(String objectId) {
    return initial.get(objectId);
  }

  /** The discriminator property a class's protected constructor sets for its subclasses, or null. */
  String valueConstructor(String objectId) {
    return valueConstructors.get(objectId);
  }

  /** Whether some object extends this one: then its class is not final. */
  boolean hasChildren(String objectId) {
    return parents.contains(objectId);
  }

  /** Whether a union becomes a sealed interface (else a class keeping the JSON). */
  boolean isSealed(String unionId) {
    return sealed.containsKey(unionId);
  }

  /** A sealed union's variant object ids, in order. */
  List<String> variants(String unionId) {
    return sealed.get(unionId);
  }

  /** The sealed unions an object's class implements itself (not through its parent). */
  List<String> interfacesOf(String objectId) {
    return interfaces.getOrDefault(objectId, List.of());
  }

  /**
   * The discriminator values that select each variant of a sealed union: the mapping's values for
   * it, else its schema name (as OpenAPI says); a value selects at most one variant.
   */
  Map<String, List<String>> discriminatorValues(UnionSchema u) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    for (String v : sealed.get(u.id())) {
      values.put(v, new ArrayList<>());
    }
    for (Map.Entry<String, String> e : u.discriminatorMapping().entrySet()) {
      String target = objectId(new TypeRef.Named(e.getValue()));
      if (target != null && values.containsKey(target) && used.add(e.getKey())) {
        values.get(target).add(e.getKey());
      }
    }
    for (int i = 0; i < u.variants().size(); i++) {
      String id = sealed.get(u.id()).get(i);
      if (values.get(id).isEmpty() && u.variants().get(i) instanceof TypeRef.Named n) {
        String name = index.get(n.schemaId()).name();
        if (used.add(name)) {
          values.get(id).add(name);
        }
      }
    }
    return values;
  }
}
