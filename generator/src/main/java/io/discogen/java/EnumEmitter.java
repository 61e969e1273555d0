package io.discogen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.discogen.ir.EnumSchema;
import javax.lang.model.element.Modifier;

/**
 * Emits a generated enum: one constant per spec value (descriptions as Javadoc, deprecated values
 * {@code @Deprecated}), plus a constant standing for values this client does not know. Models keep
 * raw wire text, so such values are never lost.
 */
final class EnumEmitter {
  private final NamePlan names;

  EnumEmitter(NamePlan names) {
    this.names = names;
  }

  TypeSpec emit(EnumSchema e) {
    ClassName cls = names.schemaClass(e.id());
    TypeSpec.Builder b = TypeSpec.enumBuilder(cls.simpleName())
        .addModifiers(Modifier.PUBLIC)
        .addSuperinterface(Runtime.WIRE_ENUM);
    String doc = Javadocs.sanitize(e.description());
    if (!doc.isEmpty()) {
      b.addJavadoc("$L", doc + "\n");
    }
    java.util.Set<String> emitted = new java.util.HashSet<>();
    for (EnumSchema.EnumValue v : e.values()) {
      String constant = names.enumConstant(e.id(), v.value());
      if (!emitted.add(constant)) {
        continue; // a value listed twice
      }
      TypeSpec.Builder c = e.integer()
          ? TypeSpec.anonymousClassBuilder("$LL", Long.parseLong(v.value()))
          : TypeSpec.anonymousClassBuilder("$L", Literals.string(v.value()));
      String vdoc = Javadocs.sanitize(v.description());
      if (!vdoc.isEmpty()) {
        c.addJavadoc("$L", vdoc + "\n");
      }
      if (v.deprecated()) {
        c.addAnnotation(Deprecated.class);
      }
      b.addEnumConstant(constant, c.build());
    }
    String unknown = names.unknownConstant(e.id());
    b.addEnumConstant(unknown, TypeSpec.anonymousClassBuilder("null")
        .addJavadoc("A value this client does not know, sent by a newer server. The raw text is kept: read it\n"
            + "with the {@code ...Value()} accessor of the property or parameter.\n")
        .build());
    if (e.integer()) {
      return integerMembers(b, cls, unknown);
    }
    b.addField(FieldSpec.builder(String.class, "value", Modifier.PRIVATE, Modifier.FINAL).build());
    b.addMethod(MethodSpec.constructorBuilder()
        .addParameter(String.class, "value")
        .addStatement("this.value = value")
        .build());
    b.addMethod(MethodSpec.methodBuilder("value")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addJavadoc("The wire value, or null for {@link #$N}.\n", unknown)
        .addStatement("return value")
        .build());
    b.addMethod(fromValue(cls, unknown, ClassName.get(String.class), "fromValue"));
    return b.build();
  }

  /** An integer enum: constants hold numbers (JSON numbers on the wire); {@code value()} is their text. */
  private static TypeSpec integerMembers(TypeSpec.Builder b, ClassName cls, String unknown) {
    ClassName longType = ClassName.get(Long.class);
    b.addField(FieldSpec.builder(longType, "number", Modifier.PRIVATE, Modifier.FINAL).build());
    b.addMethod(MethodSpec.constructorBuilder()
        .addParameter(longType, "number")
        .addStatement("this.number = number")
        .build());
    b.addMethod(MethodSpec.methodBuilder("number")
        .addModifiers(Modifier.PUBLIC)
        .returns(longType)
        .addJavadoc("The wire value, a JSON number, or null for {@link #$N}.\n", unknown)
        .addStatement("return number")
        .build());
    b.addMethod(MethodSpec.methodBuilder("value")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addJavadoc("The wire value as decimal text (as in query parameters), or null for {@link #$N}.\n", unknown)
        .addStatement("return number == null ? null : number.toString()")
        .build());
    b.addMethod(fromValue(cls, unknown, longType, "fromNumber"));
    return b.build();
  }

  /** {@code fromValue}: the runtime looks the constant up by its wire value. */
  private static MethodSpec fromValue(ClassName cls, String unknown, TypeName valueType, String lookup) {
    return MethodSpec.methodBuilder("fromValue")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(cls)
        .addParameter(valueType, "value")
        .addJavadoc("The constant for a wire value: null for null, {@link #$N} for a value not listed.\n", unknown)
        .addStatement("return $T.$L($T.class, value)", Runtime.WIRE_ENUMS, lookup, cls)
        .build();
  }
}
