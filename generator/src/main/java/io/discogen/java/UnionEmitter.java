package io.discogen.java;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.discogen.ir.AliasSchema;
import io.discogen.ir.EnumSchema;
import io.discogen.ir.ObjectSchema;
import io.discogen.ir.Property;
import io.discogen.ir.Schema;
import io.discogen.ir.TypeRef;
import io.discogen.ir.UnionSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Emits a union class ({@code oneOf}/{@code anyOf}): it keeps the JSON value exactly as received
 * (so nothing is lost and it is written back unchanged) and offers, per variant, {@code isX()}
 * (the discriminator names X, or the JSON has X's shape: its kind and required properties), {@code
 * asX()} (the value read as X) and a static {@code ofX(value)}; {@code variant()} names the first
 * variant that matches.
 */
final class UnionEmitter {
  private static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
  private static final ClassName JSON = ClassName.get("io.discogen.runtime.json", "Json");
  private static final ClassName JSON_CREATOR = ClassName.get("com.fasterxml.jackson.annotation", "JsonCreator");
  private static final ClassName JSON_VALUE = ClassName.get("com.fasterxml.jackson.annotation", "JsonValue");
  private static final ClassName TYPE_REFERENCE = ClassName.get("com.fasterxml.jackson.core.type", "TypeReference");

  private final NamePlan names;
  private final TypeMapper types;
  private final Map<String, Schema> index;

  UnionEmitter(NamePlan names, TypeMapper types, Map<String, Schema> index) {
    this.names = names;
    this.types = types;
    this.index = index;
  }

  TypeSpec emit(UnionSchema u, boolean nested) {
    ClassName cls = names.schemaClass(u.id());
    List<String> variantNames = names.unionVariants(u.id());
    TypeSpec.Builder b = TypeSpec.classBuilder(cls.simpleName()).addModifiers(Modifier.PUBLIC, Modifier.FINAL);
    if (nested) {
      b.addModifiers(Modifier.STATIC);
    }
    String doc = Javadocs.sanitize(u.description());
    List<String> links = new ArrayList<>();
    for (String v : variantNames) {
      links.add("{@link #as" + v + "()}");
    }
    b.addJavadoc("$L<p>One of several types: $L. The JSON value is kept as received; {@link #variant()}\n"
        + "names the variant it holds$L.\n", doc.isEmpty() ? "" : doc + "\n\n",
        String.join(", ", links),
        u.discriminatorProperty() == null ? " (by its shape)"
            : " (by its <code>" + Javadocs.sanitize(u.discriminatorProperty()) + "</code> property)");
    b.addField(FieldSpec.builder(JSON_NODE, "json", Modifier.PRIVATE, Modifier.FINAL).build());
    b.addMethod(MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addAnnotation(AnnotationSpec.builder(JSON_CREATOR)
            .addMember("mode", "$T.Mode.DELEGATING", JSON_CREATOR).build())
        .addParameter(JSON_NODE, "json")
        .addJavadoc("Wraps a JSON value (JSON null for null).\n")
        .addStatement("this.json = json == null ? $T.get().tree(null) : json", JSON)
        .build());
    b.addMethod(MethodSpec.methodBuilder("json")
        .addModifiers(Modifier.PUBLIC)
        .addAnnotation(JSON_VALUE)
        .returns(JSON_NODE)
        .addJavadoc("The JSON value, as received or built.\n")
        .addStatement("return json")
        .build());

    MethodSpec.Builder variant = MethodSpec.methodBuilder("variant")
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addJavadoc("The name of the first variant the value matches, or null if none does.\n");
    for (int i = 0; i < u.variants().size(); i++) {
      TypeRef v = u.variants().get(i);
      String name = variantNames.get(i);
      TypeName api = types.apiType(v);
      b.addMethod(MethodSpec.methodBuilder("of" + name)
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(cls)
          .addParameter(api, "value")
          .addJavadoc("A $L holding {@code value}.\n", cls.simpleName())
          .addStatement("return new $T($T.get().tree(value))", cls, JSON)
          .build());
      b.addMethod(MethodSpec.methodBuilder("is" + name)
          .addModifiers(Modifier.PUBLIC)
          .returns(boolean.class)
          .addStatement("return $L", matches(u, v))
          .build());
      b.addMethod(MethodSpec.methodBuilder("as" + name)
          .addModifiers(Modifier.PUBLIC)
          .returns(api)
          .addJavadoc("The value read as this variant; throws {@code IllegalArgumentException} if it does not fit.\n")
          .addStatement("return $T.get().convert(json, $L)", JSON, typeLiteral(api))
          .build());
      variant.beginControlFlow("if (is$L())", name).addStatement("return $S", name).endControlFlow();
    }
    b.addMethod(variant.addStatement("return null").build());
    b.addMethod(MethodSpec.methodBuilder("equals")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(boolean.class)
        .addParameter(Object.class, "o")
        .addStatement("return o == this || (o instanceof $T other && json.equals(other.json))", cls)
        .build());
    b.addMethod(MethodSpec.methodBuilder("hashCode")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(int.class)
        .addStatement("return json.hashCode()")
        .build());
    b.addMethod(MethodSpec.methodBuilder("toString")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return $S + json + $S", cls.simpleName() + "[", "]")
        .build());
    return b.build();
  }

  private CodeBlock typeLiteral(TypeName t) {
    if (t instanceof ParameterizedTypeName) {
      return CodeBlock.of("new $T<$T>() {}.getType()", TYPE_REFERENCE, t);
    }
    return CodeBlock.of("$T.class", t);
  }

  /** A boolean expression over {@code json}: whether it holds variant {@code v}. */
  private CodeBlock matches(UnionSchema u, TypeRef v) {
    TypeRef r = types.resolve(v);
    if (r instanceof TypeRef.Named n && index.get(n.schemaId()) instanceof ObjectSchema o) {
      CodeBlock.Builder c = CodeBlock.builder().add("json.isObject()");
      if (u.discriminatorProperty() != null) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> e : u.discriminatorMapping().entrySet()) {
          if (e.getValue().equals(n.schemaId())) {
            values.add(e.getKey());
          }
        }
        if (values.isEmpty()) {
          values.add(o.name());
        }
        List<CodeBlock> tests = new ArrayList<>();
        for (String value : values) {
          tests.add(CodeBlock.of("$S.equals(json.path($S).asText(null))", value, u.discriminatorProperty()));
        }
        return c.add(" && ($L)", CodeBlock.join(tests, " || ")).build();
      }
      for (Property p : o.allProperties(index)) {
        if (p.required() && !p.outputOnly()) {
          c.add(" && json.has($S)", p.name());
        }
      }
      return c.build();
    }
    if (r instanceof TypeRef.Named n) {
      Schema s = index.get(n.schemaId());
      if (s instanceof EnumSchema) {
        return CodeBlock.of("json.isTextual()");
      }
      return CodeBlock.of("!json.isNull()"); // a nested union or an unresolvable alias
    }
    if (r instanceof TypeRef.ListOf) {
      return CodeBlock.of("json.isArray()");
    }
    if (r instanceof TypeRef.MapOf) {
      return CodeBlock.of("json.isObject()");
    }
    if (r instanceof TypeRef.Primitive p) {
      return switch (p.kind()) {
        case BOOLEAN -> CodeBlock.of("json.isBoolean()");
        case INT32, UINT32, INT64_NUMBER -> CodeBlock.of("json.isIntegralNumber()");
        case INT64, UINT64 -> CodeBlock.of("(json.isTextual() || json.isIntegralNumber())");
        case FLOAT, DOUBLE, DECIMAL -> CodeBlock.of("json.isNumber()");
        default -> CodeBlock.of("json.isTextual()");
      };
    }
    return CodeBlock.of("!json.isNull()");
  }

  static boolean isAlias(Schema s) {
    return s instanceof AliasSchema;
  }
}
