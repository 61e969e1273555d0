package io.discogen.java;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.discogen.ir.UnionSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Emits a discriminated union of objects ({@code oneOf}/{@code anyOf} with a discriminator, see
 * {@link Polymorphism}) as a sealed interface that its variant classes implement. Jackson picks
 * the variant by the discriminator property; a value no variant is mapped to decodes to the nested
 * fallback class, which keeps the JSON.
 */
final class SealedUnionEmitter {
  static final ClassName JSON_TYPE_INFO = ClassName.get("com.fasterxml.jackson.annotation", "JsonTypeInfo");
  static final ClassName JSON_SUB_TYPES = ClassName.get("com.fasterxml.jackson.annotation", "JsonSubTypes");
  private static final ClassName JSON_CREATOR = ClassName.get("com.fasterxml.jackson.annotation", "JsonCreator");
  private static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
  private static final ClassName UNKNOWN_VARIANT = ClassName.get(Runtime.PKG + ".json", "UnknownVariant");

  private final NamePlan names;
  private final Polymorphism polymorphism;

  SealedUnionEmitter(NamePlan names, Polymorphism polymorphism) {
    this.names = names;
    this.polymorphism = polymorphism;
  }

  /** {@code @JsonTypeInfo(use = NONE)}: a variant class read as itself needs no discriminator. */
  static AnnotationSpec noTypeInfo() {
    return AnnotationSpec.builder(JSON_TYPE_INFO).addMember("use", "$T.Id.NONE", JSON_TYPE_INFO).build();
  }

  TypeSpec emit(UnionSchema u) {
    ClassName cls = names.schemaClass(u.id());
    ClassName unknown = names.unknownVariantClass(u.id());
    String property = u.discriminatorProperty();
    TypeSpec.Builder b = TypeSpec.interfaceBuilder(cls.simpleName()).addModifiers(Modifier.PUBLIC, Modifier.SEALED);

    List<String> links = new ArrayList<>();
    CodeBlock.Builder subTypes = CodeBlock.builder().add("{");
    boolean first = true;
    for (Map.Entry<String, List<String>> e : polymorphism.discriminatorValues(u).entrySet()) {
      ClassName variant = names.schemaClass(e.getKey());
      b.addPermittedSubclass(variant);
      links.add("{@link " + variant.canonicalName() + "}");
      if (e.getValue().isEmpty()) {
        continue;
      }
      List<CodeBlock> values = new ArrayList<>();
      for (String v : e.getValue()) {
        values.add(Literals.string(v));
      }
      subTypes.add(first ? "\n" : ",\n").add("@$T.Type(value = $T.class, names = {$L})",
          JSON_SUB_TYPES, variant, CodeBlock.join(values, ", "));
      first = false;
    }
    b.addPermittedSubclass(unknown);
    subTypes.add(first ? "}" : "\n}");

    String doc = Javadocs.sanitize(u.description());
    b.addJavadoc("$L<p>One of several objects, told apart by their <code>$L</code> property: $L. A value this\n"
        + "client does not know decodes to {@link $L}, which keeps the JSON.\n",
        doc.isEmpty() ? "" : doc + "\n\n", Javadocs.sanitize(property), String.join(", ", links), unknown.simpleName());
    b.addAnnotation(AnnotationSpec.builder(JSON_TYPE_INFO)
        .addMember("use", "$T.Id.NAME", JSON_TYPE_INFO)
        .addMember("include", "$T.As.EXISTING_PROPERTY", JSON_TYPE_INFO)
        .addMember("property", "$L", Literals.string(property))
        .addMember("visible", "true")
        .addMember("defaultImpl", "$T.class", unknown)
        .build());
    b.addAnnotation(AnnotationSpec.builder(JSON_SUB_TYPES).addMember("value", "$L", subTypes.build()).build());

    b.addType(TypeSpec.classBuilder(unknown.simpleName())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .superclass(UNKNOWN_VARIANT)
        .addSuperinterface(cls)
        .addAnnotation(noTypeInfo())
        .addJavadoc("A {@link $L} whose <code>$L</code> names no variant this client knows; the JSON is kept as\n"
            + "received and written back unchanged.\n", cls.simpleName(), Javadocs.sanitize(property))
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addAnnotation(AnnotationSpec.builder(JSON_CREATOR)
                .addMember("mode", "$T.Mode.DELEGATING", JSON_CREATOR).build())
            .addParameter(JSON_NODE, "json")
            .addJavadoc("Wraps a JSON value, which should carry the discriminator.\n")
            .addStatement("super(json)")
            .build())
        .addMethod(MethodSpec.methodBuilder("discriminator")
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addJavadoc("The <code>$L</code> value received, or null.\n", Javadocs.sanitize(property))
            .addStatement("return textOf($L)", Literals.string(property))
            .build())
        .build());
    return b.build();
  }
}
