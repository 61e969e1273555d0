package io.discogen.java;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import io.discogen.ir.ApiModel;
import io.discogen.ir.EnumSchema;
import io.discogen.ir.Method;
import io.discogen.ir.ObjectSchema;
import io.discogen.ir.Parameter;
import io.discogen.ir.Property;
import io.discogen.ir.Resource;
import io.discogen.ir.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns one API's IR into Java files: a model or enum per top-level schema (in the {@code model}
 * sub-package), the base request class, and the service class with its resources and requests (for an API too large for one class, each
 * top-level resource in a file of its own). Writes nothing; see {@code
 * io.discogen.write.OutputWriter}.
 *
 * <p>Rendering is most of generation's time, and JavaPoet's code writer pays a line split (a regex
 * {@code Matcher}) for every part of a format, twice per file. So the emitters join the text of the
 * most repeated statements and docs into one {@code "$L"} argument where no type is named ({@code
 * $T} stays a part of its own, for imports): the same output with a third to a fifth of the parts.
 */
public final class JavaEmitter {
  private JavaEmitter() {}

  /** Emits every Java file of {@code api} into {@code packageName}. */
  public static List<JavaFile> emit(ApiModel api, String packageName) {
    List<JavaFile> files = new ArrayList<>();
    for (Supplier<JavaFile> f : plan(api, packageName)) {
      files.add(f.get());
    }
    return files;
  }

  /**
   * The same files, each emitted when its supplier is called: names are planned here, up front,
   * and emitters only read the plan and the IR, so the suppliers may run on any threads, in any
   * order. The service class, with every resource and request, is last.
   */
  public static List<Supplier<JavaFile>> plan(ApiModel api, String packageName) {
    return plan(api, packageName, false);
  }

  /**
   * As {@link #plan(ApiModel, String)}; with {@code cli}, the command-line program over the client
   * too (see {@link CliEmitter}), just before the service class.
   */
  public static List<Supplier<JavaFile>> plan(ApiModel api, String packageName, boolean cli) {
    return plan(NamePlan.of(api, packageName), api, packageName, cli);
  }

  /** The class whose {@code main} runs the command line of {@code api} ({@code --cli}). */
  public static String cliMainClass(ApiModel api, String packageName) {
    return CliEmitter.cliClass(NamePlan.of(api, packageName)).canonicalName();
  }

  /** As {@link #plan(ApiModel, String)}, with names planned already (tests plan with other limits). */
  static List<Supplier<JavaFile>> plan(NamePlan names, ApiModel api, String packageName) {
    return plan(names, api, packageName, false);
  }

  static List<Supplier<JavaFile>> plan(NamePlan names, ApiModel api, String packageName, boolean cli) {
    TypeMapper types = new TypeMapper(api.schemaIndex(), names);
    EnumEmitter enums = new EnumEmitter(names);
    UnionEmitter unions = new UnionEmitter(names, types, api.schemaIndex());
    SealedUnionEmitter sealedUnions = new SealedUnionEmitter(names, names.polymorphism());
    ModelEmitter models = new ModelEmitter(names, types, enums, unions, sealedUnions, names.polymorphism());
    RequestEmitter requests = new RequestEmitter(api, names, types, enums);
    ResourceEmitter resources = new ResourceEmitter(names, requests);
    boolean deprecations = usesDeprecated(api);

    List<Supplier<JavaFile>> files = new ArrayList<>();
    String modelPackage = names.modelPackage();
    for (Schema s : api.schemas()) {
      if (s instanceof ObjectSchema o) {
        files.add(() -> file(names, api, modelPackage, models.emit(o, false), deprecations));
      } else if (s instanceof EnumSchema e) {
        files.add(() -> file(names, api, modelPackage, enums.emit(e), deprecations));
      } else if (s instanceof io.discogen.ir.UnionSchema u) {
        files.add(() -> file(names, api, modelPackage,
            names.polymorphism().isSealed(u.id()) ? sealedUnions.emit(u) : unions.emit(u, false), deprecations));
      }
    }
    files.add(() -> file(names, api, packageName, new BaseRequestEmitter(api, names, types, enums).emit(), deprecations));
    for (Resource r : names.topLevelResources()) {
      files.add(() -> file(names, api, packageName, resources.emit(r), deprecations));
    }
    if (cli) {
      files.add(() -> file(names, api, packageName, new CliEmitter(api, names, types).emit(), deprecations));
    }
    files.add(() -> file(names, api, packageName, new ServiceEmitter(api, names, resources).emit(), deprecations));
    return files;
  }

  private static JavaFile file(NamePlan names, ApiModel api, String pkg, TypeSpec type, boolean deprecations) {
    Set<String> shadowed = names.javaLangShadows();
    TypeSpec t = type;
    if (deprecations || !shadowed.isEmpty()) {
      TypeSpec.Builder b = type.toBuilder();
      if (deprecations) {
        b.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "deprecation").build());
      }
      // A generated class named like a java.lang class (Thread) hides it: write java.lang.Thread.
      b.alwaysQualify(shadowed.toArray(String[]::new));
      t = b.build();
    }
    return JavaFile.builder(pkg, t)
        .addFileComment("Generated by Discogen from $L. Do not edit.", Javadocs.lineComment(api.source().displayPath()))
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  /**
   * Whether anything is deprecated: then every file suppresses deprecation warnings, since
   * generated code refers to deprecated types and members across files and must compile cleanly.
   */
  private static boolean usesDeprecated(ApiModel api) {
    for (Schema s : api.schemaIndex().values()) {
      if (s instanceof ObjectSchema o) {
        if (o.deprecated() || o.properties().stream().anyMatch(Property::deprecated)) {
          return true;
        }
      } else if (s instanceof EnumSchema e && e.values().stream().anyMatch(EnumSchema.EnumValue::deprecated)) {
        return true;
      }
    }
    for (Method m : api.allMethods()) {
      if (m.deprecated() || m.parameters().stream().anyMatch(Parameter::deprecated)) {
        return true;
      }
    }
    return api.commonParameters().stream().anyMatch(Parameter::deprecated);
  }
}
