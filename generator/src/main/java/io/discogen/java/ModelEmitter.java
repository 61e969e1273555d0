package io.discogen.java;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.discogen.ir.EnumSchema;
import io.discogen.ir.ObjectSchema;
import io.discogen.ir.Property;
import io.discogen.ir.Schema;
import io.discogen.ir.TypeRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;

/**
 * Emits a model class for an object schema: Jackson-annotated fields with exact wire names, fluent
 * setters, getters (typed and raw for enums), and {@code fields()}, the values {@code JsonModel}
 * bases {@code equals} and {@code hashCode} on; unknown properties are kept by {@code JsonModel}.
 * Inline objects and enums become nested classes.
 */
final class ModelEmitter {
  private final NamePlan names;
  private final TypeMapper types;
  private final EnumEmitter enums;
  private final UnionEmitter unions;
  private final SealedUnionEmitter sealedUnions;
  private final Polymorphism polymorphism;

  ModelEmitter(NamePlan names, TypeMapper types, EnumEmitter enums, UnionEmitter unions,
      SealedUnionEmitter sealedUnions, Polymorphism polymorphism) {
    this.names = names;
    this.types = types;
    this.enums = enums;
    this.unions = unions;
    this.sealedUnions = sealedUnions;
    this.polymorphism = polymorphism;
  }

  TypeSpec emit(ObjectSchema s, boolean nested) {
    ClassName cls = names.schemaClass(s.id());
    ObjectSchema parent = polymorphism.parentOf(s);
    boolean children = polymorphism.hasChildren(s.id());
    List<String> interfaces = polymorphism.interfacesOf(s.id());
    TypeSpec.Builder b = TypeSpec.classBuilder(cls.simpleName())
        .addModifiers(Modifier.PUBLIC)
        .superclass(parent == null ? Runtime.JSON_MODEL : names.schemaClass(parent.id()));
    if (!children) {
      b.addModifiers(Modifier.FINAL);
    } else if (!interfaces.isEmpty()) {
      b.addModifiers(Modifier.NON_SEALED); // what implements a sealed interface must say how it may be extended
    }
    if (nested) {
      b.addModifiers(Modifier.STATIC);
    }
    for (String u : interfaces) {
      b.addSuperinterface(names.schemaClass(u));
    }
    ObjectSchema base = polymorphism.discriminatedBase(s.id());
    if (base != null && children) {
      addSubtypes(b, cls, s, base);
    } else if (!interfaces.isEmpty() || base != null) {
      b.addAnnotation(SealedUnionEmitter.noTypeInfo());
    }
    // Member types inherited from the parent chain and the interfaces would shadow imported
    // classes of the same simple name (java.util.Objects): write those qualified. NamePlan keeps
    // them off the package's top-level class names.
    b.alwaysQualify(inheritedMemberTypes(s).toArray(String[]::new));
    String doc = Javadocs.sanitize(s.description());
    if (!doc.isEmpty()) {
      b.addJavadoc("$L\n", doc);
    }
    if (base != null && children) {
      b.addJavadoc("$L<p>JSON read as this class becomes the subclass its <code>$L</code> names; a value this client\n"
          + "does not know reads as this class, the value and unknown properties kept.\n",
          doc.isEmpty() ? "" : "\n", Javadocs.sanitize(base.discriminatorProperty()));
    }
    if (s.deprecated()) {
      b.addAnnotation(Deprecated.class);
    }
    boolean nameEveryField = renamesAField(s);
    for (Property p : s.properties()) {
      addProperty(b, cls, s, p, nameEveryField);
    }
    addConstructors(b, cls, s);
    for (ObjectSchema a = parent; a != null; a = polymorphism.parentOf(a)) {
      for (Property p : a.properties()) {
        addCovariantSetters(b, cls, a, p);
      }
    }
    if (parent == null || !s.properties().isEmpty()) { // a subclass without properties of its own inherits its parent's
      b.addMethod(fieldsMethod(s, parent != null));
    }
    if (s.variants() != null) {
      addVariantViews(b, cls, s);
    }
    for (Schema n : s.nested()) {
      if (n instanceof ObjectSchema o) {
        b.addType(emit(o, true));
      } else if (n instanceof EnumSchema e) {
        b.addType(enums.emit(e));
      } else if (n instanceof io.discogen.ir.UnionSchema u) {
        b.addType(polymorphism.isSealed(u.id()) ? sealedUnions.emit(u) : unions.emit(u, true));
      }
    }
    return b.build();
  }

  /**
   * An object with {@code oneOf}/{@code anyOf} beside its properties is also one of those variants:
   * {@code oneOf()} (or {@code anyOf()}) reads its whole JSON, common and variant properties, as the
   * nested union (a sealed interface when discriminated), and {@code of(variant)} makes one from a
   * variant's JSON. Unknown fields carry the variant's properties, so nothing is lost either way.
   */
  private void addVariantViews(TypeSpec.Builder b, ClassName cls, ObjectSchema s) {
    io.discogen.ir.UnionSchema u = null;
    for (Schema n : s.nested()) {
      if (n.id().equals(s.variants()) && n instanceof io.discogen.ir.UnionSchema found) {
        u = found;
      }
    }
    if (u == null) {
      return;
    }
    ClassName v = names.schemaClass(u.id());
    boolean sealed = polymorphism.isSealed(u.id());
    String keyword = u.id().endsWith(".(anyOf)") ? "anyOf" : "oneOf";
    String accessor = keyword;
    for (ObjectSchema a = polymorphism.parentOf(s); a != null; a = polymorphism.parentOf(a)) {
      if (a.variants() != null && a.variants().endsWith(".(" + keyword + ")")) {
        accessor = keyword + cls.simpleName(); // the parent's oneOf() returns its own union
      }
    }
    b.addMethod(MethodSpec.methodBuilder(accessor)
        .addModifiers(Modifier.PUBLIC)
        .returns(v)
        .addJavadoc("The <code>$L</code> variant this object is, read from all of its JSON: the properties declared\n"
            + "here and the variant's (kept as unknown fields). A copy: to change the variant, build one and\n"
            + "{@link #of} it.\n", keyword)
        .addStatement("return $T.get().convert(this, $T.class)", Runtime.JSON, v)
        .build());
    b.addMethod(MethodSpec.methodBuilder("of")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(cls)
        .addParameter(v, "variant")
        .addJavadoc("$L made from a variant's JSON: the properties this class declares are set from it, the\n"
            + "others kept as unknown fields and written back as they are.\n", cls.simpleName())
        .addStatement("return $T.get().convert(variant, $T.class)", Runtime.JSON, cls)
        .build());
    if (sealed) {
      return; // the variant classes implement the interface: of(variant) takes them as they are
    }
    List<String> variantNames = names.unionVariants(u.id());
    Set<TypeName> seen = new HashSet<>();
    for (int i = 0; i < u.variants().size(); i++) {
      TypeRef t = types.resolve(u.variants().get(i));
      if (t instanceof TypeRef.Named n && polymorphism.schema(n.schemaId()) instanceof ObjectSchema) {
        TypeName api = types.apiType(u.variants().get(i));
        if (seen.add(api)) {
          b.addMethod(MethodSpec.methodBuilder("of")
              .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
              .returns(cls)
              .addParameter(api, "variant")
              .addJavadoc("$L made from this variant's JSON (see {@link #of($T)}).\n", cls.simpleName(), v)
              .addStatement("return of($T.of$L(variant))", v, variantNames.get(i))
              .build());
        }
      }
    }
  }

  /**
   * Decoding JSON typed as a class with subclasses picks the subclass by the discriminator, kept in
   * its field ({@code EXISTING_PROPERTY}, so written once, by the field); an unknown or missing
   * value decodes to this class itself, unknown properties kept.
   */
  private void addSubtypes(TypeSpec.Builder b, ClassName cls, ObjectSchema s, ObjectSchema base) {
    CodeBlock.Builder subTypes = CodeBlock.builder().add("{");
    boolean first = true;
    for (Map.Entry<String, List<String>> e : polymorphism.selectableValues(s.id()).entrySet()) {
      List<CodeBlock> values = new ArrayList<>();
      for (String v : e.getValue()) {
        values.add(Literals.string(v));
      }
      subTypes.add(first ? "\n" : ",\n").add("@$T.Type(value = $T.class, names = {$L})",
          SealedUnionEmitter.JSON_SUB_TYPES, names.schemaClass(e.getKey()), CodeBlock.join(values, ", "));
      first = false;
    }
    subTypes.add(first ? "}" : "\n}");
    b.addAnnotation(AnnotationSpec.builder(SealedUnionEmitter.JSON_TYPE_INFO)
        .addMember("use", "$T.Id.NAME", SealedUnionEmitter.JSON_TYPE_INFO)
        .addMember("include", "$T.As.EXISTING_PROPERTY", SealedUnionEmitter.JSON_TYPE_INFO)
        .addMember("property", "$L", Literals.string(base.discriminatorProperty()))
        .addMember("visible", "true")
        .addMember("defaultImpl", "$T.class", cls)
        .build());
    b.addAnnotation(AnnotationSpec.builder(SealedUnionEmitter.JSON_SUB_TYPES).addMember("value", "$L", subTypes.build()).build());
  }

  /**
   * The public constructor, which sets the class's discriminator value when it has one (through
   * the protected constructors up to the class declaring the property), and that protected one.
   */
  private void addConstructors(TypeSpec.Builder b, ClassName cls, ObjectSchema s) {
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC);
    Polymorphism.InitialValue v = polymorphism.initialValue(s.id());
    if (v == null) {
      ctor.addJavadoc("An empty $L; set what you need with the fluent setters.\n", cls.simpleName());
    } else {
      ctor.addJavadoc("A $L with <code>$L</code> set to <code>$L</code>, which tells it apart; set the rest with\n"
          + "the fluent setters.\n", cls.simpleName(), Javadocs.sanitize(v.property()), Javadocs.sanitize(v.value()));
      if (v.owner().equals(s.id())) {
        ctor.addStatement("this.$N = $L", names.property(s.id(), v.property()).field(), Literals.string(v.value()));
      } else {
        ctor.addStatement("super($L)", Literals.string(v.value()));
      }
    }
    b.addMethod(ctor.build());
    String property = polymorphism.valueConstructor(s.id());
    if (property != null) {
      MethodSpec.Builder up = MethodSpec.constructorBuilder()
          .addModifiers(Modifier.PROTECTED)
          .addJavadoc("For subclasses: starts with <code>$L</code> set to their discriminator value.\n",
              Javadocs.sanitize(property))
          .addParameter(String.class, "discriminator");
      if (s.properties().stream().anyMatch(p -> p.name().equals(property))) {
        up.addStatement("this.$N = discriminator", names.property(s.id(), property).field());
      } else {
        up.addStatement("super(discriminator)");
      }
      b.addMethod(up.build());
    }
  }

  /**
   * Whether a field of {@code s} or of an ancestor has a Java name other than its JSON property's.
   * Jackson finds fields by name ({@code JsonModel}), so only such a field needs {@code
   * JsonProperty}; but Jackson writes the properties an annotation names after the others, so a
   * class whose chain has one names every field, and the wire keeps the declaration order.
   */
  private boolean renamesAField(ObjectSchema s) {
    for (ObjectSchema a = s; a != null; a = polymorphism.parentOf(a)) {
      for (Property p : a.properties()) {
        if (!names.property(a.id(), p.name()).field().equals(p.name())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Simple names of the member types a class inherits: its ancestors' and its interfaces' nested classes. */
  private Set<String> inheritedMemberTypes(ObjectSchema s) {
    Set<String> out = new TreeSet<>();
    Set<String> seen = new HashSet<>();
    for (ObjectSchema a = s; a != null && seen.add(a.id()); a = polymorphism.parentOf(a)) {
      if (a != s) {
        for (Schema n : a.nested()) {
          out.add(names.schemaClass(n.id()).simpleName());
        }
      }
      for (String u : polymorphism.interfacesOf(a.id())) {
        out.add(names.unknownVariantClass(u).simpleName());
      }
    }
    return out;
  }

  /** Overrides an inherited fluent setter so that it returns this class, keeping chains typed. */
  private void addCovariantSetters(TypeSpec.Builder b, ClassName cls, ObjectSchema owner, Property p) {
    NamePlan.MemberNames n = names.property(owner.id(), p.name());
    TypeName storage = types.storageType(p.type());
    boolean isEnum = types.enumOf(p.type()) != null;
    String inside = nullsInsideNote(p.type());
    b.addMethod(setter(n.setter(), cls, isEnum ? types.apiType(p.type()) : storage, n.field(), p, inside)
        .addAnnotation(Override.class)
        .addStatement("$L", "super." + n.setter() + "(" + n.field() + ")")
        .addStatement("return this")
        .build());
    if (isEnum) {
      b.addMethod(setter(n.rawSetter(), cls, storage, n.field(), p, inside)
          .addAnnotation(Override.class)
          .addStatement("$L", "super." + n.rawSetter() + "(" + n.field() + ")")
          .addStatement("return this")
          .build());
    }
  }

  private void addProperty(TypeSpec.Builder b, ClassName cls, ObjectSchema s, Property p, boolean nameEveryField) {
    NamePlan.MemberNames n = names.property(s.id(), p.name());
    TypeName storage = types.storageType(p.type());
    FieldSpec.Builder field = FieldSpec.builder(storage, n.field(), Modifier.PRIVATE);
    if (nameEveryField || !n.field().equals(p.name())) {
      field.addAnnotation(AnnotationSpec.builder(Runtime.JSON_PROPERTY).addMember("value", "$L", Literals.quote(p.name())).build());
    }
    if (types.contains(p.type(), TypeRef.Kind.INT64)) {
      field.addAnnotation(AnnotationSpec.builder(Runtime.JSON_FORMAT)
          .addMember("shape", "$T.STRING", Runtime.JSON_FORMAT_SHAPE)
          .build());
    }
    if (types.contains(p.type(), TypeRef.Kind.BYTES_URL_SAFE)) {
      field.addAnnotation(Runtime.BASE64_URL);
    }
    if (p.readOnly()) {
      // Decoded from responses, left out of request bodies (Json.writeRequest).
      field.addAnnotation(AnnotationSpec.builder(Runtime.JSON_VIEW)
          .addMember("value", "$T.class", Runtime.WIRE_VIEWS_SERVER_ONLY)
          .build());
    }
    CodeBlock fixed = types.constInitializer(p);
    if (fixed != null) {
      field.initializer(fixed);
    }
    b.addField(field.build());

    NamePlan.NullNames nulls = names.nullable(s.id(), p.name());
    String inside = nullsInsideNote(p.type());
    String doc = propertyDoc(p, fixed != null, nulls, inside);
    EnumSchema e = types.enumOf(p.type());
    // Statements and docs are joined into one "$L" part where no type is named: see JavaEmitter.
    CodeBlock unmark = nulls == null ? null : CodeBlock.of("$L", "explicitNull(" + Literals.quote(p.name()) + ", false)");
    if (e == null) {
      b.addMethod(getter(n.getter(), storage, doc, p.deprecated()).addStatement("$L", "return this." + n.field()).build());
      if (n.defaultGetter() != null) {
        boolean dflt = names.booleanDefault(p.type(), p.defaultValue());
        b.addMethod(getter(n.defaultGetter(), TypeName.BOOLEAN,
                "{@link #" + n.getter() + "()}, or its default, {@code " + dflt + "}, while absent.", p.deprecated())
            .addStatement("$L", "return this." + n.field() + " == null ? " + dflt + " : this." + n.field())
            .build());
      }
      if (fixed == null) { // a const is always its one value: nothing to set
        MethodSpec.Builder set = setter(n.setter(), cls, storage, n.field(), p, inside)
            .addStatement("$L", "this." + n.field() + " = " + n.field());
        if (unmark != null) {
          set.addStatement(unmark);
        }
        b.addMethod(set.addStatement("return this").build());
      }
      if (nulls != null) {
        addNullable(b, cls, p, n, nulls, storage);
      }
      return;
    }
    TypeName api = types.apiType(p.type());
    ClassName enumClass = names.schemaClass(e.id());
    TypeRef r = types.resolve(p.type());
    CodeBlock decode;
    CodeBlock encode;
    if (r instanceof TypeRef.ListOf) {
      decode = CodeBlock.of("$T.decodeList(this.$N, $T::fromValue)", Runtime.WIRE_ENUMS, n.field(), enumClass);
      encode = CodeBlock.of("$T.$N($N)", Runtime.WIRE_ENUMS, types.enumEncoder(p.type()), n.field());
    } else if (r instanceof TypeRef.MapOf) {
      decode = CodeBlock.of("$T.decodeMap(this.$N, $T::fromValue)", Runtime.WIRE_ENUMS, n.field(), enumClass);
      encode = CodeBlock.of("$T.$N($N)", Runtime.WIRE_ENUMS, types.enumEncoder(p.type()), n.field());
    } else {
      decode = CodeBlock.of("$T.fromValue(this.$N)", enumClass, n.field());
      encode = CodeBlock.of("$T.$N($N)", Runtime.WIRE_ENUMS, types.enumEncoder(p.type()), n.field());
    }
    b.addMethod(getter(n.getter(), api, doc, p.deprecated()).addStatement("return $L", decode).build());
    b.addMethod(getter(n.rawGetter(), storage, "The raw wire value of {@link #" + n.getter() + "()}, kept even when this\nclient does not know it.", p.deprecated())
        .addStatement("$L", "return this." + n.field()).build());
    MethodSpec.Builder set = setter(n.setter(), cls, api, n.field(), p, inside).addStatement("$L$L", "this." + n.field() + " = ", encode);
    MethodSpec.Builder setRaw = setter(n.rawSetter(), cls, storage, n.field(), p, inside).addStatement("$L", "this." + n.field() + " = " + n.field());
    if (unmark != null) {
      set.addStatement(unmark);
      setRaw.addStatement(unmark);
    }
    b.addMethod(set.addStatement("return this").build());
    b.addMethod(setRaw.addStatement("return this").build());
    if (nulls != null) {
      addNullable(b, cls, p, n, nulls, storage);
    }
  }

  /**
   * A nullable property: an explicit JSON null is a value of its own. Jackson sets the field
   * through a private method that notes a received null; {@code clearX()} sends one.
   */
  private static void addNullable(TypeSpec.Builder b, ClassName cls, Property p, NamePlan.MemberNames n,
      NamePlan.NullNames nulls, TypeName storage) {
    CodeBlock wire = Literals.string(p.name());
    b.addMethod(MethodSpec.methodBuilder(nulls.reader())
        .addModifiers(Modifier.PRIVATE)
        .addAnnotation(AnnotationSpec.builder(Runtime.JSON_SETTER).addMember("value", "$L", wire).build())
        .addParameter(storage, n.field())
        .addStatement("this.$N = $N", n.field(), n.field())
        .addStatement("explicitNull($L, $N == null)", wire, n.field())
        .build());
    MethodSpec.Builder clear = MethodSpec.methodBuilder(nulls.clear())
        .addModifiers(Modifier.PUBLIC)
        .returns(cls)
        .addJavadoc("Sets <code>$L</code> to an explicit JSON null, which the server reads as \"no value\"; unlike\n"
            + "{@link #$N} with null, which leaves it out of the request. Returns this object.\n",
            Javadocs.sanitize(p.name()), n.setter())
        .addStatement("this.$N = null", n.field())
        .addStatement("explicitNull($L, true)", wire)
        .addStatement("return this");
    MethodSpec.Builder isNull = MethodSpec.methodBuilder(nulls.isNull())
        .addModifiers(Modifier.PUBLIC)
        .returns(boolean.class)
        .addJavadoc("Whether <code>$L</code> is an explicit JSON null (received, or set by {@link #$N()}), not\n"
            + "merely absent.\n", Javadocs.sanitize(p.name()), nulls.clear())
        .addStatement("return isExplicitNull($L)", wire);
    if (p.deprecated()) {
      clear.addAnnotation(Deprecated.class);
      isNull.addAnnotation(Deprecated.class);
    }
    b.addMethod(clear.build()).addMethod(isNull.build());
  }

  /**
   * The javadoc paragraph for the nulls a list or map property may hold, or null. They are sent and
   * received as JSON null whether the spec allows them or not (see the README).
   */
  private String nullsInsideNote(TypeRef t) {
    TypeMapper.NullsInside inside = types.nullsInside(t);
    if (inside == null) {
      return null;
    }
    return switch (inside) {
      case ITEMS -> "Items may be null: a null item is sent and received as JSON null, in its place.";
      case VALUES -> "Values may be null: a null value is sent and received as JSON null.";
      case NESTED -> "Items or values of the nested lists or maps may be null: sent and received as JSON null.";
    };
  }

  private static String propertyDoc(Property p, boolean fixed, NamePlan.NullNames nulls, String inside) {
    String doc = Javadocs.sanitize(p.description());
    if (p.defaultValue() != null) {
      doc = (doc.isEmpty() ? "" : doc + "\n\n") + "<p>Default: <code>" + Javadocs.sanitize(p.defaultValue()) + "</code>";
    }
    List<String> notes = new ArrayList<>();
    if (fixed) {
      notes.add("Always <code>" + Javadocs.sanitize(p.constValue()) + "</code>: new objects start with it set.");
    }
    if (p.readOnly()) {
      notes.add("Read-only: set by the server, decoded from responses, never sent in requests.");
    }
    if (p.writeOnly()) {
      notes.add("Write-only: sent to the server, which does not return it, so responses leave it empty.");
    }
    if (nulls != null) {
      notes.add("Nullable: {@link #" + nulls.clear() + "()} sends an explicit JSON null and {@link #" + nulls.isNull()
          + "()}\ntells one was received; a null Java value is left out.");
    }
    if (inside != null) {
      notes.add(inside);
    }
    for (String note : notes) {
      doc = (doc.isEmpty() ? "" : doc + "\n\n") + "<p>" + note;
    }
    return doc;
  }

  private static MethodSpec.Builder getter(String name, TypeName type, String doc, boolean deprecated) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(type);
    if (!doc.isEmpty()) {
      m.addJavadoc("$L", doc + "\n");
    }
    if (deprecated) {
      m.addAnnotation(Deprecated.class);
    }
    return m;
  }

  private static MethodSpec.Builder setter(String name, ClassName cls, TypeName type, String param, Property p,
      String inside) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .returns(cls)
        .addParameter(type, param)
        .addJavadoc("$L", "Sets <code>" + Javadocs.sanitize(p.name()) + "</code>; null removes it. Returns this object.\n");
    if (p.readOnly()) {
      m.addJavadoc("\n<p>Read-only: kept in this object (and in {@code toString}), never sent in requests.\n");
    }
    if (inside != null) {
      m.addJavadoc("\n<p>$L\n", inside);
    }
    if (p.deprecated()) {
      m.addAnnotation(Deprecated.class);
    }
    return m;
  }

  /**
   * {@code fields()}: the declared properties' values, from which {@code JsonModel} makes {@code
   * equals} and {@code hashCode} (one line per class instead of two methods with a line per
   * property); a subclass adds its own to its parent's.
   */
  private MethodSpec fieldsMethod(ObjectSchema s, boolean hasParent) {
    List<String> fields = new ArrayList<>();
    for (Property p : s.properties()) {
      fields.add(names.property(s.id(), p.name()).field());
    }
    return MethodSpec.methodBuilder("fields")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED)
        .returns(Object[].class)
        .addStatement(hasParent
            ? CodeBlock.of("$L", "return fields(super.fields(), " + joined(fields, 30) + ")")
            // Object as a type, not text: a nested class named Object (GitHub's, Stripe's) would take the name.
            : CodeBlock.of("return new $T[] {$L}", Object.class, joined(fields, 21)))
        .build();
  }

  /** Names joined by commas, starting at {@code column}, a line break before one that would take the line past 80. */
  private static String joined(List<String> names, int column) {
    StringBuilder out = new StringBuilder();
    for (String n : names) {
      if (out.length() > 0) {
        boolean wrap = column + n.length() > 80;
        out.append(wrap ? ",\n" : ", ");
        column = wrap ? 0 : column + 2;
      }
      out.append(n);
      column += n.length();
    }
    return out.toString();
  }
}
