package io.discogen.java;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.discogen.ir.ApiModel;
import io.discogen.ir.Method;
import io.discogen.ir.Parameter;
import io.discogen.ir.Resource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The command-line program over a generated client ({@code discogen generate --cli}): a picocli
 * command {@code <Service>Cli} with a sub-command per resource, nested as the resources are, and
 * one per method. Required parameters are positional (path parameters) or required options, the
 * other parameters options, the API-wide ones on every method; {@code --body} gives a request body
 * as JSON. The response is printed as JSON.
 *
 * <p>Every call goes through the generated request classes, typed; nothing is reflective. Exit
 * codes: 0 done, 1 the API answered with an error, 2 usage, 3 the API could not be reached.
 */
final class CliEmitter {
  static final ClassName COMMAND_LINE = ClassName.get("picocli", "CommandLine");
  static final ClassName COMMAND = COMMAND_LINE.nestedClass("Command");
  static final ClassName OPTION = COMMAND_LINE.nestedClass("Option");
  static final ClassName PARAMETERS = COMMAND_LINE.nestedClass("Parameters");
  static final ClassName MIXIN = COMMAND_LINE.nestedClass("Mixin");
  static final ClassName SPEC = COMMAND_LINE.nestedClass("Spec");
  static final ClassName COMMAND_SPEC = COMMAND_LINE.nestedClass("Model").nestedClass("CommandSpec");
  static final ClassName PARAMETER_EXCEPTION = COMMAND_LINE.nestedClass("ParameterException");
  static final ClassName CALLABLE = ClassName.get("java.util.concurrent", "Callable");
  static final ClassName API_EXCEPTION = ClassName.get(Runtime.PKG, "ApiException");
  static final ClassName TRANSPORT_EXCEPTION = ClassName.get(Runtime.PKG, "TransportException");
  static final ClassName JSON = ClassName.get(Runtime.PKG + ".json", "Json");
  static final ClassName COMMAND_RUNNER = ClassName.get(Runtime.PKG + ".cli", "CommandRunner");
  static final ClassName REQUEST_BODY_INPUT = ClassName.get(Runtime.PKG + ".cli", "RequestBodyInput");
  static final ClassName USAGE_EXCEPTION = ClassName.get(Runtime.PKG + ".cli", "UsageException");
  static final ClassName COMMAND_GROUP = ClassName.get(Runtime.PKG + ".cli", "CommandGroup");
  static final ClassName COMMAND_TREE = ClassName.get(Runtime.PKG + ".cli", "CommandTree");
  static final ClassName OPTION_VALUES = ClassName.get(Runtime.PKG + ".cli", "OptionValues");

  private final ApiModel api;
  private final NamePlan names;
  private final TypeMapper types;
  private final CliNames cliNames;
  private final ClassName cli;
  private final ClassName connection;
  private final ClassName commonParameters;

  CliEmitter(ApiModel api, NamePlan names, TypeMapper types) {
    this.api = api;
    this.names = names;
    this.types = types;
    this.cliNames = new CliNames(api, names, types);
    this.cli = cliClass(names);
    Set<String> taken = new HashSet<>();
    collectNames(api.resources(), api.methods(), taken);
    taken.add(cli.simpleName().toLowerCase(Locale.ROOT));
    this.connection = cli.nestedClass(freshClass("Connection", taken));
    this.commonParameters = cli.nestedClass(freshClass("CommonParameters", taken));
  }

  /** A nested class name unlike (ignoring case) every command class. */
  private static String freshClass(String base, Set<String> taken) {
    String c = base;
    for (int i = 2; !taken.add(c.toLowerCase(Locale.ROOT)); i++) {
      c = base + i;
    }
    return c;
  }

  /** The program's class: {@code <Service>Cli} beside the service class. */
  static ClassName cliClass(NamePlan names) {
    return CliNames.programClass(names);
  }

  private void collectNames(List<Resource> resources, List<Method> methods, Set<String> into) {
    for (Resource r : resources) {
      into.add(names.resourceClass(r).simpleName().toLowerCase(Locale.ROOT));
      collectNames(r.resources(), r.methods(), into);
    }
    for (Method m : methods) {
      into.add(names.requestClass(m.id()).simpleName().toLowerCase(Locale.ROOT));
    }
  }

  TypeSpec emit() {
    TypeSpec.Builder b = TypeSpec.classBuilder(cli)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("The command line of the $L API: a command per resource and method over {@link $T}.\n\n"
            + "<p>Exit codes: 0 done, 1 the API answered with an error, 2 usage error, 3 the API could\n"
            + "not be reached.\n", Javadocs.sanitize(api.displayName()), names.service());
    List<Sub> subs = new ArrayList<>();
    for (Resource r : api.resources()) {
      subs.add(new Sub(cliNames.command(r), cli.nestedClass(names.resourceClass(r).simpleName())));
    }
    for (Method m : api.methods()) {
      if (cliNames.supported(m)) {
        subs.add(new Sub(cliNames.command(m), cli.nestedClass(names.requestClass(m.id()).simpleName())));
      }
    }
    // generate-completion: bash and zsh
    subs.add(new Sub(CliNames.COMPLETION, ClassName.get("picocli", "AutoComplete", "GenerateCompletion")));
    b.addAnnotation(programCommand());
    group(b, subs);
    b.addMethod(MethodSpec.methodBuilder("main")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(ArrayTypeName.of(String.class), "args")
        .addJavadoc("Runs the command line and exits with its exit code. Only the commands {@code args} name\n"
            + "are built (see {@link $T}).\n", COMMAND_TREE)
        .addStatement("System.exit($T.along(new $T(), args).execute(args))", COMMAND_TREE, cli)
        .build());
    b.addMethod(MethodSpec.methodBuilder("commandLine")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(COMMAND_LINE)
        .addJavadoc("The whole command line, every command built, ready to {@code execute}.\n")
        .addStatement("return $T.whole(new $T())", COMMAND_TREE, cli)
        .build());
    b.addType(connection());
    b.addType(commonParameters());
    for (Resource r : api.resources()) {
      b.addType(resource(r, cli));
    }
    for (Method m : api.methods()) {
      if (cliNames.supported(m)) {
        b.addType(method(cliNames.of(m), List.of(), cli));
      }
    }
    return b.build();
  }

  /** A sub-command of a group: its name and its class. */
  private record Sub(String name, ClassName type) { }

  /**
   * Makes {@code b} a {@link #COMMAND_GROUP} of {@code subs}: their names, and each made by name (a
   * switch, so no sub-command class is loaded before it is asked for).
   */
  private static void group(TypeSpec.Builder b, List<Sub> subs) {
    b.addSuperinterface(COMMAND_GROUP);
    CodeBlock.Builder names = CodeBlock.builder();
    CodeBlock.Builder make = CodeBlock.builder().beginControlFlow("switch (name)");
    for (int i = 0; i < subs.size(); i++) {
      names.add(i == 0 ? "$S" : ", $S", subs.get(i).name());
      make.add("case $S:\n$>return new $T();\n$<", subs.get(i).name(), subs.get(i).type());
    }
    make.add("default:\n$>return null;\n$<").endControlFlow();
    b.addMethod(MethodSpec.methodBuilder("subcommandNames")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(List.class), ClassName.get(String.class)))
        .addStatement("return $T.of($L)", List.class, names.build())
        .build());
    b.addMethod(MethodSpec.methodBuilder("subcommand")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(Object.class)
        .addParameter(String.class, "name")
        .addCode(make.build())
        .build());
  }

  /** The program's command: -h and -V on every command (inherited). */
  private AnnotationSpec programCommand() {
    AnnotationSpec.Builder a = AnnotationSpec.builder(COMMAND).addMember("name", "$S", cliNames.program())
        .addMember("mixinStandardHelpOptions", "true")
        .addMember("version", "$S", (api.name() + " " + api.version()
            + (api.revision() == null ? "" : " (revision " + api.revision() + ")")).replace("%", "%%"))
        .addMember("scope", "$T.INHERIT", COMMAND_LINE.nestedClass("ScopeType"));
    String doc = firstSentence(api.description());
    if (!doc.isEmpty()) {
      a.addMember("description", "$S", doc.replace("%", "%%"));
    }
    return a.build();
  }

  private TypeSpec resource(Resource r, ClassName parent) {
    ClassName cls = parent.nestedClass(names.resourceClass(r).simpleName());
    List<Sub> subs = new ArrayList<>();
    for (Resource s : r.resources()) {
      subs.add(new Sub(cliNames.command(s), cls.nestedClass(names.resourceClass(s).simpleName())));
    }
    for (Method m : r.methods()) {
      if (cliNames.supported(m)) {
        subs.add(new Sub(cliNames.command(m), cls.nestedClass(names.requestClass(m.id()).simpleName())));
      }
    }
    TypeSpec.Builder b = TypeSpec.classBuilder(cls)
        .addModifiers(Modifier.STATIC, Modifier.FINAL)
        .addAnnotation(AnnotationSpec.builder(COMMAND)
            .addMember("name", "$S", cliNames.command(r))
            .addMember("description", "$S", "The " + r.path().replace("%", "%%") + " resource.")
            .build());
    group(b, subs);
    for (Resource s : r.resources()) {
      b.addType(resource(s, cls));
    }
    List<String> path = accessorPath(r);
    for (Method m : r.methods()) {
      if (cliNames.supported(m)) {
        b.addType(method(cliNames.of(m), path, cls));
      }
    }
    return b.build();
  }

  /** The resource accessors from the service to {@code r}: {@code projects}, {@code locations}, ... */
  private List<String> accessorPath(Resource r) {
    List<Resource> chain = new ArrayList<>();
    if (!find(api.resources(), r, chain)) {
      throw new IllegalStateException("resource not in the API: " + r.path());
    }
    List<String> accessors = new ArrayList<>();
    for (Resource c : chain) {
      accessors.add(names.resourceAccessor(c));
    }
    return accessors;
  }

  private static boolean find(List<Resource> in, Resource target, List<Resource> chain) {
    for (Resource r : in) {
      chain.add(r);
      if (r == target || find(r.resources(), target, chain)) {
        return true;
      }
      chain.remove(chain.size() - 1);
    }
    return false;
  }

  private TypeSpec method(CliNames.Command command, List<String> resource, ClassName parent) {
    Method m = command.method();
    ClassName cls = parent.nestedClass(names.requestClass(m.id()).simpleName());
    ClassName request = names.requestClass(m.id());
    TypeSpec.Builder b = TypeSpec.classBuilder(cls)
        .addModifiers(Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(CALLABLE, ClassName.get(Integer.class)))
        .addAnnotation(helpFooter(AnnotationSpec.builder(COMMAND)
            .addMember("name", "$S", command.path().get(command.path().size() - 1))
            .addMember("description", "$S", describe(m)), m, command)
            .build());
    // Fields and locals of our own, named clear of the parameters' fields (any name at all).
    Set<String> taken = new HashSet<>();
    for (Parameter p : m.parameters()) {
      taken.add(names.param(m.id(), p.name()).field());
    }
    String spec = fresh("spec", taken);
    String conn = fresh("connection", taken);
    String common = fresh("common", taken);
    String client = fresh("client", taken);
    String req = fresh("request", taken);
    b.addField(FieldSpec.builder(COMMAND_SPEC, spec).addAnnotation(SPEC).build());
    b.addField(FieldSpec.builder(connection, conn).addAnnotation(MIXIN).build());
    b.addField(FieldSpec.builder(commonParameters, common).addAnnotation(MIXIN).build());

    CodeBlock.Builder call = CodeBlock.builder();
    call.addStatement("$T $N = $N.client()", names.service(), client, conn);
    List<CodeBlock> args = new ArrayList<>();
    int index = 0;
    for (CliNames.Argument a : command.arguments()) {
      if (!a.parameter().required()) {
        continue; // set on the request below
      }
      Parameter p = a.parameter();
      String field = names.param(m.id(), p.name()).field();
      switch (a.form()) {
        case POSITIONAL -> b.addField(FieldSpec.builder(fieldType(a), field)
            .addAnnotation(AnnotationSpec.builder(PARAMETERS)
                .addMember("index", "$S", String.valueOf(index++))
                .addMember("paramLabel", "$S", a.label())
                .addMember("description", "$S", optionDoc(a))
                .build())
            .build());
        case OPTION -> b.addField(FieldSpec.builder(fieldType(a), field).addAnnotation(option(a, true)).build());
        case JSON_OPTION -> {
          // A required parameter of a type the command line does not convert: given as JSON.
          b.addField(FieldSpec.builder(String.class, field).addAnnotation(option(a, true)).build());
          String value = fresh(field + "Value", taken);
          call.addStatement("$T $N = $L", a.type(), value, readJson(CodeBlock.of("$N", field), a.type()));
          args.add(CodeBlock.of("$N", value));
          continue;
        }
      }
      args.add(value(a, field));
    }
    if (m.request() != null) {
      TypeName bodyType = types.apiType(m.request());
      String body = fresh("body", taken);
      String content = fresh("content", taken);
      b.addField(FieldSpec.builder(String.class, body)
          .addAnnotation(AnnotationSpec.builder(OPTION)
              .addMember("names", "$S", CliNames.BODY)
              .addMember("paramLabel", "$S", "JSON")
              .addMember("description", "$S",
                  "The request body (" + simpleName(bodyType) + ") as JSON, @FILE for a file's, - for standard input's.")
              .build())
          .build());
      String fields = fresh("fields", taken);
      b.addField(FieldSpec.builder(ParameterizedTypeName.get(List.class, String.class), fields)
          .addAnnotation(AnnotationSpec.builder(OPTION)
              .addMember("names", "{$S, $S}", CliNames.FIELD, CliNames.FIELD_LONG)
              .addMember("arity", "$S", "1..*")
              .addMember("paramLabel", "$S", "FIELD")
              .addMember("description", "$S",
                  "Body fields on top of --body: NAME=VALUE sets a field where the cursor is (a list field again "
                      + "adds an element), NAME moves the cursor into that object or map, .. up, . to the top "
                      + "(-r . name=x runtime-config container-image=y). Names and values are checked against "
                      + simpleName(bodyType) + ".")
              .build())
          .build());
      call.addStatement("$T $N = $T.read($N, $N, $L)", bodyType, content, REQUEST_BODY_INPUT, body, fields,
          typeToken(bodyType));
      args.add(CodeBlock.of("$N", content));
    }
    CodeBlock.Builder target = CodeBlock.builder().add("$N", client);
    for (String accessor : resource) {
      target.add(".$N()", accessor);
    }
    NamePlan.MediaNames media = names.media(m.id());
    String upload = null;
    if (m.mediaUpload() != null) {
      upload = fresh("upload", taken);
      String uploadType = fresh("uploadType", taken);
      b.addField(FieldSpec.builder(String.class, upload)
          .addAnnotation(AnnotationSpec.builder(OPTION).addMember("names", "$S", CliNames.UPLOAD)
              .addMember("paramLabel", "$S", "FILE")
              .addMember("description", "$S", "Upload this file's content (resumable above 8 MiB; progress on a terminal).")
              .build())
          .build());
      b.addField(FieldSpec.builder(String.class, uploadType)
          .addAnnotation(AnnotationSpec.builder(OPTION).addMember("names", "$S", CliNames.UPLOAD_TYPE)
              .addMember("paramLabel", "$S", "TYPE")
              .addMember("description", "$S", "The upload's content type; default: guessed from the file name.")
              .build())
          .build());
      List<CodeBlock> withMedia = new ArrayList<>(args);
      withMedia.add(CodeBlock.of("$T.media($N, $N)", COMMAND_RUNNER, upload, uploadType));
      call.addStatement("$T $N = $N == null ? $L.$N($L) : $L.$N($L)", request, req, upload,
          target.build(), names.requestAccessor(m.id()), CodeBlock.join(args, ", "),
          target.build(), names.requestAccessor(m.id()), CodeBlock.join(withMedia, ", "));
      call.beginControlFlow("if ($N != null)", upload)
          .addStatement("$N.$N($T.uploadProgress())", req, media.setProgressListener(), COMMAND_RUNNER)
          .endControlFlow();
    } else {
      call.addStatement("$T $N = $L.$N($L)", request, req, target.build(), names.requestAccessor(m.id()),
          CodeBlock.join(args, ", "));
    }
    for (CliNames.Argument a : command.arguments()) {
      if (a.parameter().required()) {
        continue;
      }
      NamePlan.MemberNames n = names.param(m.id(), a.parameter().name());
      b.addField(FieldSpec.builder(fieldType(a), n.field()).addAnnotation(option(a, false)).build());
      call.beginControlFlow("if ($N != null)", n.field())
          .addStatement("$N.$N($L)", req, a.raw() ? n.rawSetter() : n.setter(), value(a, n.field()))
          .endControlFlow();
    }
    call.addStatement("$N.apply($N)", common, req);
    if (m.pagedItem() != null) {
      String all = fresh("all", taken);
      String limit = fresh("limit", taken);
      b.addField(FieldSpec.builder(TypeName.BOOLEAN, all)
          .addAnnotation(AnnotationSpec.builder(OPTION).addMember("names", "$S", CliNames.ALL)
              .addMember("description", "$S",
                  "Every item of every page, printed as it comes (JSON: one value a line).").build())
          .build());
      b.addField(FieldSpec.builder(Integer.class, limit)
          .addAnnotation(AnnotationSpec.builder(OPTION).addMember("names", "$S", CliNames.LIMIT)
              .addMember("paramLabel", "$S", "N")
              .addMember("description", "$S", "With --all: stop after N items.").build())
          .build());
      call.beginControlFlow("if ($N)", all)
          .addStatement("return new $T.Items($N.$N(), $N)", COMMAND_RUNNER, req, RuntimeNames.ITERATE_ALL, limit)
          .endControlFlow();
    }
    if (m.longRunning() != null) {
      String wait = fresh("wait", taken);
      b.addField(FieldSpec.builder(TypeName.BOOLEAN, wait)
          .addAnnotation(AnnotationSpec.builder(OPTION).addMember("names", "$S", CliNames.WAIT)
              .addMember("description", "$S", "Wait until the operation is done; print it then.").build())
          .build());
      call.beginControlFlow("if ($N)", wait)
          .addStatement("return $N.$N()", req, RuntimeNames.EXECUTE_AND_WAIT)
          .endControlFlow();
    }
    if (m.mediaDownload() != null) {
      String download = fresh("download", taken);
      b.addField(FieldSpec.builder(String.class, download)
          .addAnnotation(AnnotationSpec.builder(OPTION).addMember("names", "$S", CliNames.DOWNLOAD)
              .addMember("paramLabel", "$S", "FILE")
              .addMember("description", "$S",
                  "Download the media (alt=media) into FILE (- for standard output) instead of printing the metadata.")
              .build())
          .build());
      call.beginControlFlow("if ($N != null)", download)
          .addStatement("$T.download($N, $N::$N)", COMMAND_RUNNER, download, req, media.downloadTo())
          .addStatement("return null")
          .endControlFlow();
    }
    if (m.binaryResponse() != null) {
      String download = fresh("download", taken);
      b.addField(FieldSpec.builder(String.class, download)
          .addAnnotation(AnnotationSpec.builder(OPTION).addMember("names", "$S", CliNames.DOWNLOAD)
              .addMember("paramLabel", "$S", "FILE")
              .addMember("description", "$S", "Write the response body into FILE; default: standard output.")
              .build())
          .build());
      call.addStatement("$T.download($N == null ? $S : $N, $N::$N)", COMMAND_RUNNER, download, "-", download, req,
          media.downloadTo());
      call.addStatement("return null");
    } else if (m.streamsResponse()) {
      // Each message as it comes, one JSON value a line; the stream is closed after the last.
      call.addStatement("return new $T.Items($N.$N(), null)", COMMAND_RUNNER, req, RuntimeNames.EXECUTE_STREAM);
    } else if (m.response() == null) {
      call.addStatement("$N.execute()", req).addStatement("return null");
    } else {
      call.addStatement("return $N.execute()", req);
    }
    b.addMethod(MethodSpec.methodBuilder("call")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(Integer.class)
        .addException(Exception.class)
        .beginControlFlow("try")
        .addCode("return $T.run($N.commandLine().getOut(), $N.commandLine().getErr(), $N.format, $N.output, () -> {\n$>",
            COMMAND_RUNNER, spec, spec, conn, conn)
        .addCode(call.build())
        .addCode("$<});\n")
        .nextControlFlow("catch ($T e)", USAGE_EXCEPTION)
        .addStatement("throw new $T($N.commandLine(), e.getMessage(), e)", PARAMETER_EXCEPTION, spec)
        .nextControlFlow("catch ($T e)", ClassName.get("java.io", "UncheckedIOException"))
        .addStatement("throw new $T($N.commandLine(), $S + e.getCause().getMessage(), e)", PARAMETER_EXCEPTION, spec,
            "invalid JSON: ")
        .endControlFlow()
        .build());
    return b.build();
  }

  /**
   * {@code --help}'s footer: the OAuth scopes that authorise the method (any one), and the whole
   * command with its required arguments named, as a starting point.
   */
  private AnnotationSpec.Builder helpFooter(AnnotationSpec.Builder a, Method m, CliNames.Command command) {
    List<String> lines = new ArrayList<>();
    if (!m.scopes().isEmpty()) {
      lines.add("");
      lines.add("Scopes (any one): " + String.join(", ", m.scopes()));
    }
    StringBuilder usage = new StringBuilder(cliNames.program()).append(' ').append(String.join(" ", command.path()));
    for (CliNames.Argument arg : command.arguments()) {
      if (arg.form() == CliNames.Form.POSITIONAL) {
        usage.append(' ').append(arg.label());
      }
    }
    lines.add("");
    lines.add("Example: " + usage + (m.request() != null ? " -r FIELD=VALUE ..." : "") + " --dry-run");
    CodeBlock.Builder list = CodeBlock.builder().add("{");
    for (int i = 0; i < lines.size(); i++) {
      list.add(i == 0 ? "$S" : ", $S", lines.get(i).replace("%", "%%"));
    }
    return a.addMember("footer", list.add("}").build());
  }

  /** {@code base}, or {@code base} with a number, not in {@code taken}; then taken. */
  private static String fresh(String base, Set<String> taken) {
    String n = base;
    for (int i = 2; !taken.add(n); i++) {
      n = base + i;
    }
    return n;
  }

  /** The field an argument is read into: bytes as their base64 text, every other type as itself. */
  private static TypeName fieldType(CliNames.Argument a) {
    if (!CliNames.isBytes(a.type())) {
      return a.type();
    }
    return a.type() instanceof ParameterizedTypeName ? ParameterizedTypeName.get(List.class, String.class)
        : ClassName.get(String.class);
  }

  /** The value to give the request for an argument's field: bytes decoded from base64 (a usage error if not). */
  private static CodeBlock value(CliNames.Argument a, String field) {
    if (!CliNames.isBytes(a.type())) {
      return CodeBlock.of("$N", field);
    }
    return CodeBlock.of("$T.bytes($S, $N)", OPTION_VALUES, a.name(), field);
  }

  private AnnotationSpec option(CliNames.Argument arg, boolean required) {
    AnnotationSpec.Builder a = AnnotationSpec.builder(OPTION)
        .addMember("names", "$S", arg.name())
        .addMember("paramLabel", "$S", arg.label())
        .addMember("description", "$S", optionDoc(arg));
    if (required) {
      a.addMember("required", "true");
    }
    return a.build();
  }

  /** An argument's help: the parameter's first sentence, then how bytes and maps are given. */
  private String optionDoc(CliNames.Argument a) {
    String doc = paramDoc(a.parameter());
    if (CliNames.isBytes(a.type())) {
      boolean urlSafe = types.contains(a.parameter().type(), io.discogen.ir.TypeRef.Kind.BYTES_URL_SAFE);
      doc += " Bytes: base64 text (standard or URL-safe, padded or not), sent as "
          + (urlSafe ? "URL-safe base64." : "standard base64.");
    } else if (CliNames.isMap(a.type())) {
      doc += " A map: KEY=VALUE, repeat the option for more.";
    }
    return doc;
  }

  private static String paramDoc(Parameter p) {
    String d = firstSentence(p.description());
    return (d.isEmpty() ? p.name() : d).replace("%", "%%");
  }

  private static String describe(Method m) {
    String d = firstSentence(m.description());
    return (d.isEmpty() ? m.httpMethod() + " " + m.path() : d).replace("%", "%%");
  }

  /** The first sentence of a spec description, on one line, without markup. */
  static String firstSentence(String description) {
    if (description == null) {
      return "";
    }
    // Google's descriptions open with a "Required." or "Optional." marker: not the sentence wanted.
    String one = description.replaceAll("\\s+", " ").strip().replaceFirst("^(Required|Optional|Output only)\\. ", "");
    int dot = one.indexOf(". ");
    return dot < 0 ? one : one.substring(0, dot + 1);
  }

  /** Decodes JSON text to {@code type}; a generic type through a Jackson type reference. */
  private static CodeBlock readJson(CodeBlock text, TypeName type) {
    if (type instanceof ClassName) {
      return CodeBlock.of("$T.get().read($L, $T.class)", JSON, text, type);
    }
    return CodeBlock.of("$T.get().read($L.getBytes($T.UTF_8), new $T<$T>() {}.getType())", JSON, text,
        ClassName.get("java.nio.charset", "StandardCharsets"),
        ClassName.get("com.fasterxml.jackson.core.type", "TypeReference"), type.box());
  }

  /** {@code type} as a {@code java.lang.reflect.Type} expression: a class literal, or a Jackson type reference's type. */
  private static CodeBlock typeToken(TypeName type) {
    if (type instanceof ClassName) {
      return CodeBlock.of("$T.class", type);
    }
    return CodeBlock.of("new $T<$T>() {}.getType()", ClassName.get("com.fasterxml.jackson.core.type", "TypeReference"),
        type.box());
  }

  private static TypeName rawClass(TypeName t) {
    return t instanceof ParameterizedTypeName p ? p.rawType() : t;
  }

  private static String simpleName(TypeName t) {
    return rawClass(t) instanceof ClassName c ? c.simpleName() : t.toString();
  }

  /** Where to connect and how to authenticate, and the API-wide parameters: on every method. */
  private TypeSpec connection() {
    TypeSpec.Builder b = TypeSpec.classBuilder(connection)
        .addModifiers(Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Options every method command has: the endpoint, credentials, output format.\n");
    b.addField(FieldSpec.builder(String.class, "rootUrl")
        .addAnnotation(AnnotationSpec.builder(OPTION).addMember("names", "$S", CliNames.ROOT_URL)
            .addMember("paramLabel", "$S", "URL")
            .addMember("description", "$S", "The API's root URL (an emulator, a fake); default: the API's own.").build())
        .build());
    b.addField(FieldSpec.builder(String.class, "accessToken")
        .addAnnotation(AnnotationSpec.builder(OPTION).addMember("names", "$S", CliNames.ACCESS_TOKEN)
            .addMember("paramLabel", "$S", "TOKEN")
            .addMember("description", "$S", "An OAuth access token sent as a bearer token.").build())
        .build());
    b.addField(FieldSpec.builder(String.class, "apiKey")
        .addAnnotation(AnnotationSpec.builder(OPTION).addMember("names", "$S", CliNames.API_KEY)
            .addMember("paramLabel", "$S", "KEY")
            .addMember("description", "$S", "An API key.").build())
        .build());
    b.addField(FieldSpec.builder(String.class, "format")
        .addAnnotation(AnnotationSpec.builder(OPTION).addMember("names", "$S", CliNames.FORMAT)
            .addMember("paramLabel", "$S", "FORMAT")
            .addMember("description", "$S",
                "json (the default: indented on a terminal, one line when piped), value(FIELD,...): the fields' values "
                    + "tab-separated, or table(FIELD,...): aligned columns under a header; dotted paths into objects.")
            .build())
        .build());
    b.addField(FieldSpec.builder(String.class, "output")
        .addAnnotation(AnnotationSpec.builder(OPTION).addMember("names", "{$S, $S}", CliNames.OUTPUT_SHORT, CliNames.OUTPUT)
            .addMember("paramLabel", "$S", "FILE")
            .addMember("description", "$S", "Write what is printed into FILE instead of standard output.")
            .build())
        .build());
    if (cliNames.googleCredentials()) {
      b.addField(FieldSpec.builder(ParameterizedTypeName.get(List.class, String.class), "scopes")
          .addAnnotation(AnnotationSpec.builder(OPTION).addMember("names", "$S", CliNames.SCOPE)
              .addMember("paramLabel", "$S", "SCOPE")
              .addMember("description", "$S",
                  "An OAuth scope to ask Application Default Credentials for (repeatable); default: the method's.")
              .build())
          .build());
    }
    if (cliNames.basicAuth()) {
      b.addField(FieldSpec.builder(String.class, "user")
          .addAnnotation(AnnotationSpec.builder(OPTION).addMember("names", "$S", CliNames.USER)
              .addMember("paramLabel", "$S", "USER:PASSWORD")
              .addMember("description", "$S", "HTTP basic authentication, as curl's -u takes it.")
              .build())
          .build());
    }
    b.addField(FieldSpec.builder(TypeName.BOOLEAN, "verbose")
        .addAnnotation(AnnotationSpec.builder(OPTION).addMember("names", "$S", CliNames.VERBOSE)
            .addMember("description", "$S", "Log each HTTP exchange on standard error, credentials redacted.")
            .build())
        .build());
    b.addField(FieldSpec.builder(TypeName.BOOLEAN, "dryRun")
        .addAnnotation(AnnotationSpec.builder(OPTION).addMember("names", "$S", CliNames.DRY_RUN)
            .addMember("description", "$S", "Send nothing: print the request as a curl command (credentials redacted).")
            .build())
        .build());
    b.addMethod(MethodSpec.methodBuilder("client")
        .returns(names.service())
        .addStatement("return new $T($T.options(new $T.Connection(rootUrl, accessToken, apiKey, $L, $L, output, dryRun, "
            + "verbose), $L, $L).build())",
            names.service(), COMMAND_RUNNER, COMMAND_RUNNER, cliNames.basicAuth() ? "user" : "null",
            cliNames.googleCredentials() ? "scopes" : "null", apiKeyPlace(), cliNames.googleCredentials())
        .build());
    return b.build();
  }

  /**
   * Where {@code --api-key} goes: the API's first API-key security scheme's parameter and place,
   * else ({@code null, null}) Google's {@code key} query parameter.
   */
  private CodeBlock apiKeyPlace() {
    for (io.discogen.ir.SecurityScheme s : api.securitySchemes()) {
      if (s.kind() == io.discogen.ir.SecurityScheme.Kind.API_KEY && s.location() != null) {
        return CodeBlock.of("$S, $T.$L", s.parameterName(), Runtime.CREDENTIALS.nestedClass("KeyLocation"),
            s.location().name());
      }
    }
    return CodeBlock.of("null, null");
  }

  /** The API-wide parameters, options of every method command. */
  private TypeSpec commonParameters() {
    TypeSpec.Builder b = TypeSpec.classBuilder(commonParameters)
        .addModifiers(Modifier.STATIC, Modifier.FINAL)
        // A mixin without options (an API without common parameters) must still be a command to picocli.
        .addAnnotation(COMMAND)
        .addJavadoc("The parameters every method of the API accepts.\n");
    Set<String> fields = new HashSet<>();
    for (Parameter p : api.commonParameters()) {
      fields.add(names.commonParam(p.name()).field());
    }
    String req = fresh("request", fields);
    MethodSpec.Builder apply = MethodSpec.methodBuilder("apply")
        .addParameter(ParameterizedTypeName.get(names.baseRequest(), WildcardTypeName.subtypeOf(Object.class),
            WildcardTypeName.subtypeOf(Object.class)), req);
    for (CliNames.Argument a : cliNames.commonOptions()) {
      NamePlan.MemberNames n = names.commonParam(a.parameter().name());
      b.addField(FieldSpec.builder(fieldType(a), n.field()).addAnnotation(option(a, false)).build());
      apply.beginControlFlow("if ($N != null)", n.field())
          .addStatement("$N.$N($L)", req, a.raw() ? n.rawSetter() : n.setter(), value(a, n.field()))
          .endControlFlow();
    }
    b.addMethod(apply.build());
    return b.build();
  }
}
