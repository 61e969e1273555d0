package io.discogen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import io.discogen.ir.ApiModel;
import io.discogen.ir.EnumSchema;
import io.discogen.ir.Parameter;
import io.discogen.ir.TypeRef;
import javax.lang.model.element.Modifier;

/**
 * Emits the API's base request class: setters for the parameters every method accepts ({@code
 * fields}, {@code quotaUser}, ...), returning the concrete request type so calls chain.
 */
final class BaseRequestEmitter {
  private final ApiModel api;
  private final NamePlan names;
  private final TypeMapper types;
  private final EnumEmitter enums;

  BaseRequestEmitter(ApiModel api, NamePlan names, TypeMapper types, EnumEmitter enums) {
    this.api = api;
    this.names = names;
    this.types = types;
    this.enums = enums;
  }

  TypeSpec emit() {
    ClassName cls = names.baseRequest();
    TypeVariableName t = TypeVariableName.get("T");
    TypeVariableName r = TypeVariableName.get("R", ParameterizedTypeName.get(cls, t, TypeVariableName.get("R")));
    TypeSpec.Builder b = TypeSpec.classBuilder(cls.simpleName())
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .addTypeVariable(t)
        .addTypeVariable(r)
        .superclass(ParameterizedTypeName.get(Runtime.CLIENT_REQUEST, t, TypeVariableName.get("R")))
        .addJavadoc("Base of every request of this API: the parameters all its methods accept.\n\n"
            + "@param <T> the response type\n@param <R> the concrete request type\n")
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PROTECTED)
            .addParameter(Runtime.API_CLIENT, "client")
            .addParameter(Runtime.REST_METHOD, "method")
            .addParameter(Object.class, "content")
            .addParameter(Runtime.TYPE, "responseType")
            .addStatement("super(client, method, content, responseType)")
            .build());
    TypeVariableName self = TypeVariableName.get("R");
    for (Parameter p : api.commonParameters()) {
      NamePlan.MemberNames n = names.commonParam(p.name());
      TypeName type = types.apiType(p.type());
      EnumSchema e = types.enumOf(p.type());
      String doc = Javadocs.sanitize(p.description());
      boolean list = types.resolve(p.type()) instanceof TypeRef.ListOf;
      CodeBlock value = e == null ? CodeBlock.of("$N", n.field())
          : CodeBlock.of("$T.$N($N)", Runtime.WIRE_ENUMS, types.enumEncoder(p.type()), n.field());
      MethodSpec.Builder setter = MethodSpec.methodBuilder(n.setter())
          .addModifiers(Modifier.PUBLIC)
          .returns(self)
          .addParameter(type, n.field())
          .addStatement("return set($L, $L)", Literals.string(p.name()), value);
      MethodSpec.Builder getter = MethodSpec.methodBuilder(n.getter()).addModifiers(Modifier.PUBLIC).returns(type);
      if (e == null) {
        getter.addStatement("return get($L)", Literals.string(p.name()));
      } else {
        ClassName ec = names.schemaClass(e.id());
        getter.addStatement(list
            ? CodeBlock.of("return $T.decodeList(get($L), $T::fromValue)", Runtime.WIRE_ENUMS, Literals.string(p.name()), ec)
            : CodeBlock.of("return $T.fromValue(get($L))", ec, Literals.string(p.name())));
      }
      if (!doc.isEmpty()) {
        setter.addJavadoc("$L\n", doc);
        getter.addJavadoc("$L\n", doc);
      }
      b.addMethod(setter.build()).addMethod(getter.build());
      if (e != null) {
        TypeName raw = types.storageType(p.type());
        b.addMethod(MethodSpec.methodBuilder(n.rawSetter()).addModifiers(Modifier.PUBLIC).returns(self)
            .addParameter(raw, n.field())
            .addJavadoc("Sets the raw wire value of {@link #$N()}.\n", n.getter())
            .addStatement("return set($L, $N)", Literals.string(p.name()), n.field()).build());
        b.addMethod(MethodSpec.methodBuilder(n.rawGetter()).addModifiers(Modifier.PUBLIC).returns(raw)
            .addJavadoc("The raw wire value of {@link #$N()}.\n", n.getter())
            .addStatement("return get($L)", Literals.string(p.name())).build());
      }
    }
    for (EnumSchema e : api.commonEnums()) {
      b.addType(enums.emit(e));
    }
    return b.build();
  }
}
