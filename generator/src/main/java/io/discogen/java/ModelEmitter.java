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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;

/**
 * Emits a model class for an object schema: Jackson-annotated fields with exact wire names, fluent
 * setters, getters (typed and raw for enums), {@code equals} and {@code hashCode}; unknown
 * properties are kept by {@code JsonModel}. Inline objects and enums become nested classes.
 */
final class ModelEmitter {
  private final NamePlan names;
  private final TypeMapper types;
  private final EnumEmitter enums;
  private final UnionEmitter unions;
  private final SealedUnionEmitter sealedUnions;
  private final Polymorphism polymorphism;
  private final Map<String, Schema> index;

  ModelEmitter(NamePlan names, TypeMapper types, EnumEmitter enums, UnionEmitter unions,
      SealedUnionEmitter sealedUnions, Polymorphism polymorphism, Map<String, Schema> index) {
    this.names = names;
    this.types = types;
    this.enums = enums;
    this.unions = unions;
    this.sealedUnions = sealedUnions;
    this.polymorphism = polymorphism;
    this.index = index;
  }

  TypeSpec emit(ObjectSchema s, boolean nested) {
    ClassName cls = names.schemaClass(s.id());
    ObjectSchema parent = s.parent() != null && index.get(s.parent()) instanceof ObjectSchema p ? p : null;
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
    if (!interfaces.isEmpty()) {
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
    if (s.deprecated()) {
      b.addAnnotation(Deprecated.class);
    }
    for (Property p : s.properties()) {
      addProperty(b, cls, s, p);
    }
    b.addMethod(MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("An empty $L; set what you need with the fluent setters.\n", cls.simpleName())
        .build());
    for (ObjectSchema a = parent; a != null; a = a.parent() != null && index.get(a.parent()) instanceof ObjectSchema p ? p : null) {
      for (Property p : a.properties()) {
        addCovariantSetters(b, cls, a, p);
      }
    }
    boolean hierarchy = parent != null || children;
    b.addMethod(hierarchy ? hierarchyEqualsMethod(cls, s, parent != null) : equalsMethod(cls, s));
    b.addMethod(hashCodeMethod(s, parent != null));
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

  /** Simple names of the member types a class inherits: its ancestors' and its interfaces' nested classes. */
  private Set<String> inheritedMemberTypes(ObjectSchema s) {
    Set<String> out = new TreeSet<>();
    Set<String> seen = new HashSet<>();
    for (ObjectSchema a = s; a != null && seen.add(a.id());
        a = a.parent() != null && index.get(a.parent()) instanceof ObjectSchema p ? p : null) {
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
    b.addMethod(setter(n.setter(), cls, isEnum ? types.apiType(p.type()) : storage, n.field(), p)
        .addAnnotation(Override.class)
        .addStatement("super.$N($N)", n.setter(), n.field())
        .addStatement("return this")
        .build());
    if (isEnum) {
      b.addMethod(setter(n.rawSetter(), cls, storage, n.field(), p)
          .addAnnotation(Override.class)
          .addStatement("super.$N($N)", n.rawSetter(), n.field())
          .addStatement("return this")
          .build());
    }
  }

  private void addProperty(TypeSpec.Builder b, ClassName cls, ObjectSchema s, Property p) {
    NamePlan.MemberNames n = names.property(s.id(), p.name());
    TypeName storage = types.storageType(p.type());
    FieldSpec.Builder field = FieldSpec.builder(storage, n.field(), Modifier.PRIVATE)
        .addAnnotation(AnnotationSpec.builder(Runtime.JSON_PROPERTY).addMember("value", "$L", Literals.string(p.name())).build());
    if (types.hasInt64(p.type())) {
      field.addAnnotation(AnnotationSpec.builder(Runtime.JSON_FORMAT)
          .addMember("shape", "$T.STRING", Runtime.JSON_FORMAT_SHAPE)
          .build());
    }
    b.addField(field.build());

    String doc = propertyDoc(p);
    EnumSchema e = types.enumOf(p.type());
    if (e == null) {
      b.addMethod(getter(n.getter(), storage, doc, p.deprecated()).addStatement("return this.$N", n.field()).build());
      b.addMethod(setter(n.setter(), cls, storage, n.field(), p)
          .addStatement("this.$N = $N", n.field(), n.field())
          .addStatement("return this")
          .build());
      return;
    }
    TypeName api = types.apiType(p.type());
    ClassName enumClass = names.schemaClass(e.id());
    TypeRef r = types.resolve(p.type());
    CodeBlock decode;
    CodeBlock encode;
    if (r instanceof TypeRef.ListOf) {
      decode = CodeBlock.of("$T.decodeList(this.$N, $T::fromValue)", Runtime.WIRE_ENUMS, n.field(), enumClass);
      encode = CodeBlock.of("$T.encodeList($N)", Runtime.WIRE_ENUMS, n.field());
    } else if (r instanceof TypeRef.MapOf) {
      decode = CodeBlock.of("$T.decodeMap(this.$N, $T::fromValue)", Runtime.WIRE_ENUMS, n.field(), enumClass);
      encode = CodeBlock.of("$T.encodeMap($N)", Runtime.WIRE_ENUMS, n.field());
    } else {
      decode = CodeBlock.of("$T.fromValue(this.$N)", enumClass, n.field());
      encode = CodeBlock.of("$T.encode($N)", Runtime.WIRE_ENUMS, n.field());
    }
    b.addMethod(getter(n.getter(), api, doc, p.deprecated()).addStatement("return $L", decode).build());
    b.addMethod(getter(n.rawGetter(), storage, "The raw wire value of {@link #" + n.getter() + "()}, kept even when this\nclient does not know it.", p.deprecated())
        .addStatement("return this.$N", n.field()).build());
    b.addMethod(setter(n.setter(), cls, api, n.field(), p)
        .addStatement("this.$N = $L", n.field(), encode)
        .addStatement("return this")
        .build());
    b.addMethod(setter(n.rawSetter(), cls, storage, n.field(), p)
        .addStatement("this.$N = $N", n.field(), n.field())
        .addStatement("return this")
        .build());
  }

  private static String propertyDoc(Property p) {
    String doc = Javadocs.sanitize(p.description());
    if (p.defaultValue() != null) {
      doc = (doc.isEmpty() ? "" : doc + "\n\n") + "<p>Default: <code>" + Javadocs.sanitize(p.defaultValue()) + "</code>";
    }
    return doc;
  }

  private static MethodSpec.Builder getter(String name, TypeName type, String doc, boolean deprecated) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(type);
    if (!doc.isEmpty()) {
      m.addJavadoc("$L\n", doc);
    }
    if (deprecated) {
      m.addAnnotation(Deprecated.class);
    }
    return m;
  }

  private static MethodSpec.Builder setter(String name, ClassName cls, TypeName type, String param, Property p) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .returns(cls)
        .addParameter(type, param)
        .addJavadoc("Sets <code>$L</code>; null removes it. Returns this object.\n", Javadocs.sanitize(p.name()));
    if (p.deprecated()) {
      m.addAnnotation(Deprecated.class);
    }
    return m;
  }

  private MethodSpec equalsMethod(ClassName cls, ObjectSchema s) {
    CodeBlock.Builder cmp = CodeBlock.builder();
    for (Property p : s.properties()) {
      String f = names.property(s.id(), p.name()).field();
      cmp.add("$T.equals(this.$N, other.$N)\n    && ", types.isBytes(p.type()) ? Runtime.ARRAYS : Runtime.OBJECTS, f, f);
    }
    cmp.add("unknownFieldsEqual(other)");
    return MethodSpec.methodBuilder("equals")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(boolean.class)
        .addParameter(Object.class, "o")
        .beginControlFlow("if (o == this)")
        .addStatement("return true")
        .endControlFlow()
        .beginControlFlow("if (!(o instanceof $T))", cls)
        .addStatement("return false")
        .endControlFlow()
        .addStatement("$T other = ($T) o", cls, cls)
        .addStatement("return $L", cmp.build())
        .build();
  }

  /**
   * {@code equals} in a class hierarchy: the same class only (a {@code Pet} never equals a {@code
   * Dog}, so it stays symmetric); the root compares the unknown fields, a child its parent's part.
   */
  private MethodSpec hierarchyEqualsMethod(ClassName cls, ObjectSchema s, boolean hasParent) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("equals")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(boolean.class)
        .addParameter(Object.class, "o")
        .beginControlFlow("if (o == this)")
        .addStatement("return true")
        .endControlFlow();
    if (hasParent) {
      m.beginControlFlow("if (!super.equals(o))");
    } else {
      m.beginControlFlow("if (o == null || o.getClass() != getClass())");
    }
    m.addStatement("return false").endControlFlow();
    List<CodeBlock> cmp = new java.util.ArrayList<>();
    for (Property p : s.properties()) {
      String f = names.property(s.id(), p.name()).field();
      cmp.add(CodeBlock.of("$T.equals(this.$N, other.$N)", types.isBytes(p.type()) ? Runtime.ARRAYS : Runtime.OBJECTS, f, f));
    }
    if (!hasParent) {
      cmp.add(CodeBlock.of("unknownFieldsEqual(other)"));
    }
    if (cmp.isEmpty()) {
      return m.addStatement("return true").build();
    }
    return m.addStatement("$T other = ($T) o", cls, cls)
        .addStatement("return $L", CodeBlock.join(cmp, "\n    && "))
        .build();
  }

  private MethodSpec hashCodeMethod(ObjectSchema s, boolean hasParent) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("hashCode")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(int.class)
        .addStatement(hasParent ? "int h = super.hashCode()" : "int h = unknownFieldsHash()");
    for (Property p : s.properties()) {
      String f = names.property(s.id(), p.name()).field();
      m.addStatement("h = 31 * h + $T.hashCode(this.$N)", types.isBytes(p.type()) ? Runtime.ARRAYS : Runtime.OBJECTS, f);
    }
    return m.addStatement("return h").build();
  }
}
