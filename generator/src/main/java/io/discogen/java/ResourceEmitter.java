package io.discogen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.discogen.ir.Method;
import io.discogen.ir.Resource;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits resource classes, mirroring the spec's resource tree ({@code projects().locations()
 * .sessions()}): an accessor per sub-resource and per method, with the request classes nested.
 * Resources are nested in the service class, except in an API too large for one class, whose
 * top-level resources are classes of their own ({@link NamePlan#topLevelResources()}).
 */
final class ResourceEmitter {
  private final NamePlan names;
  private final RequestEmitter requests;

  ResourceEmitter(NamePlan names, RequestEmitter requests) {
    this.names = names;
    this.requests = requests;
  }

  TypeSpec emit(Resource r) {
    ClassName cls = names.resourceClass(r);
    TypeSpec.Builder b = TypeSpec.classBuilder(cls.simpleName())
        .addModifiers(cls.enclosingClassName() == null
            ? new Modifier[] {Modifier.PUBLIC, Modifier.FINAL}
            : new Modifier[] {Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL})
        .addJavadoc("The {@code $L} resource.\n", Javadocs.sanitize(r.path()))
        .addField(FieldSpec.builder(Runtime.API_CLIENT, "client", Modifier.PRIVATE, Modifier.FINAL).build())
        .addMethod(MethodSpec.constructorBuilder()
            .addParameter(Runtime.API_CLIENT, "client")
            .addStatement("this.client = client")
            .build());
    addMembers(b, r.methods(), r.resources());
    return b.build();
  }

  /** Accessors and nested classes for sub-resources and methods; used by the service class too. */
  void addMembers(TypeSpec.Builder b, List<Method> methods, List<Resource> resources) {
    for (Resource sub : resources) {
      ClassName subClass = names.resourceClass(sub);
      b.addMethod(MethodSpec.methodBuilder(names.resourceAccessor(sub))
          .addModifiers(Modifier.PUBLIC)
          .returns(subClass)
          .addJavadoc("The {@code $L} resource.\n", Javadocs.sanitize(sub.path()))
          .addStatement("return new $T(this.client)", subClass)
          .build());
    }
    for (Method m : methods) {
      ClassName reqClass = names.requestClass(m.id());
      List<CodeBlock> args = new ArrayList<>();
      args.add(CodeBlock.of("this.client"));
      args.addAll(requests.argumentNames(m));
      MethodSpec.Builder accessor = MethodSpec.methodBuilder(names.requestAccessor(m.id()))
          .addModifiers(Modifier.PUBLIC)
          .returns(reqClass)
          .addParameters(requests.parameters(m))
          .addStatement("return new $T($L)", reqClass, CodeBlock.join(args, ", "));
      String doc = Javadocs.sanitize(m.description());
      accessor.addJavadoc("$L", doc.isEmpty() ? "" : doc + "\n\n<p>");
      if (m.streamsResponse()) {
        accessor.addJavadoc("Returns a request to configure and read with {@link $T#$N()}: the\nresponse is a stream of messages.\n",
            reqClass, RuntimeNames.EXECUTE_STREAM);
      } else {
        accessor.addJavadoc("Returns a request to configure and execute.\n");
      }
      if (m.deprecated()) {
        accessor.addAnnotation(Deprecated.class);
      }
      b.addMethod(accessor.build());
      NamePlan.MediaNames media = names.media(m.id());
      if (m.mediaUpload() != null) {
        args.add(CodeBlock.of("$N", media.mediaArg()));
        MethodSpec.Builder upload = MethodSpec.methodBuilder(names.requestAccessor(m.id()))
            .addModifiers(Modifier.PUBLIC)
            .returns(reqClass)
            .addParameters(requests.parameters(m))
            .addParameter(Runtime.MEDIA_CONTENT, media.mediaArg())
            .addJavadoc("$L$L\n", doc.isEmpty() ? "" : doc + "\n\n<p>",
                m.request() == null
                    ? "Returns a request that uploads {@code " + media.mediaArg() + "}."
                    : "Returns a request that uploads {@code " + media.mediaArg() + "} with {@code "
                        + names.contentArg(m.id()) + "} as its metadata (may be null).")
            .addStatement("return new $T($L)", reqClass, CodeBlock.join(args, ", "));
        if (m.deprecated()) {
          upload.addAnnotation(Deprecated.class);
        }
        b.addMethod(upload.build());
      }
    }
    for (Resource sub : resources) {
      if (names.resourceClass(sub).enclosingClassName() != null) { // else a file of its own
        b.addType(emit(sub));
      }
    }
    for (Method m : methods) {
      b.addType(requests.emit(m));
    }
  }
}
