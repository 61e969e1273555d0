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
import io.discogen.ir.EnumSchema;
import io.discogen.ir.Method;
import io.discogen.ir.Parameter;
import io.discogen.ir.Resource;
import io.discogen.ir.TypeRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  /** Options every method command has; parameters may not take these names. */
  private static final Set<String> RESERVED_OPTIONS =
      Set.of("help", "version", "body", "root-url", "access-token", "api-key", "format", "all", "wait", "dry-run", "field");

  private final ApiModel api;
  private final NamePlan names;
  private final TypeMapper types;
  private final ClassName cli;
  private final ClassName connection;
  private final ClassName commonParameters;
  private final ClassName items;
  private final ClassName dryRun;

  CliEmitter(ApiModel api, NamePlan names, TypeMapper types) {
    this.api = api;
    this.names = names;
    this.types = types;
    this.cli = cliClass(names);
    Set<String> taken = new HashSet<>();
    collectNames(api.resources(), api.methods(), taken);
    taken.add(cli.simpleName().toLowerCase(Locale.ROOT));
    this.connection = cli.nestedClass(freshClass("Connection", taken));
    this.commonParameters = cli.nestedClass(freshClass("CommonParameters", taken));
    this.items = cli.nestedClass(freshClass("Items", taken));
    this.dryRun = cli.nestedClass(freshClass("DryRun", taken));
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
    return ClassName.get(names.packageName(), names.service().simpleName() + "Cli");
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
    List<ClassName> subs = new ArrayList<>();
    for (Resource r : api.resources()) {
      subs.add(cli.nestedClass(names.resourceClass(r).simpleName()));
    }
    for (Method m : api.methods()) {
      if (supported(m)) {
        subs.add(cli.nestedClass(names.requestClass(m.id()).simpleName()));
      }
    }
    b.addAnnotation(command(kebab(api.name()), api.description(), subs, true));
    b.addMethod(MethodSpec.methodBuilder("main")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(ArrayTypeName.of(String.class), "args")
        .addJavadoc("Runs the command line and exits with its exit code.\n")
        .addStatement("System.exit(commandLine().execute(args))")
        .build());
    b.addMethod(MethodSpec.methodBuilder("commandLine")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(COMMAND_LINE)
        .addJavadoc("The command line, ready to {@code execute}: {@code @FILE} arguments are not expanded, since\n"
            + "{@code --body @FILE} reads the file itself.\n")
        .addStatement("return new $T(new $T()).setExpandAtFiles(false)", COMMAND_LINE, cli)
        .build());
    b.addType(connection());
    b.addType(commonParameters());
    b.addType(TypeSpec.recordBuilder(items)
        .addModifiers(Modifier.STATIC)
        .addJavadoc("What {@code --all} prints: every item, one a line.\n")
        .recordConstructor(MethodSpec.constructorBuilder()
            .addParameter(ParameterizedTypeName.get(ClassName.get(Iterable.class), WildcardTypeName.subtypeOf(Object.class)), "items")
            .build())
        .build());
    b.addMethod(printMethod());
    b.addType(dryRun());
    b.addMethod(fieldsMethod());
    b.addMethod(withFieldsMethod());
    b.addMethod(camelMethod());
    b.addMethod(runMethod());
    b.addMethod(readBodyMethod());
    Map<Object, String> commands = commandNames(api.resources(), api.methods());
    for (Resource r : api.resources()) {
      b.addType(resource(r, commands.get(r), cli));
    }
    for (Method m : api.methods()) {
      if (supported(m)) {
        b.addType(method(m, commands.get(m), List.of(), cli));
      }
    }
    return b.build();
  }

  /**
   * Methods the CLI has a command for: not server-streaming, not raw binary responses, no raw
   * binary body (to do: {@code --body @FILE} as the bytes).
   */
  private boolean supported(Method m) {
    return !m.streamsResponse() && m.binaryResponse() == null
        && (m.request() == null || !(types.apiType(m.request()) instanceof ArrayTypeName));
  }

  private AnnotationSpec command(String name, String description, List<ClassName> subs, boolean top) {
    AnnotationSpec.Builder a = AnnotationSpec.builder(COMMAND).addMember("name", "$S", name);
    if (top) {
      // -h and -V on every command.
      a.addMember("mixinStandardHelpOptions", "true")
          .addMember("version", "$S", (api.name() + " " + api.version()
              + (api.revision() == null ? "" : " (revision " + api.revision() + ")")).replace("%", "%%"))
          .addMember("scope", "$T.INHERIT", COMMAND_LINE.nestedClass("ScopeType"));
    }
    String doc = firstSentence(description);
    if (!doc.isEmpty()) {
      a.addMember("description", "$S", doc.replace("%", "%%"));
    }
    if (!subs.isEmpty()) {
      CodeBlock.Builder list = CodeBlock.builder().add("{");
      for (int i = 0; i < subs.size(); i++) {
        list.add(i == 0 ? "$T.class" : ", $T.class", subs.get(i));
      }
      a.addMember("subcommands", list.add("}").build());
    }
    return a.build();
  }

  /**
   * Sub-command names of one command's resources and methods, unique among them: kebab-case,
   * resources first; a method named like a resource (or two names alike in kebab-case) gets
   * {@code -method}, then a number.
   */
  private Map<Object, String> commandNames(List<Resource> resources, List<Method> methods) {
    Map<Object, String> out = new IdentityHashMap<>();
    Set<String> taken = new HashSet<>();
    for (Resource r : resources) {
      out.put(r, unique(kebab(r.name()), "resource", taken));
    }
    for (Method m : methods) {
      out.put(m, unique(kebab(m.name()), "method", taken));
    }
    return out;
  }

  private static String unique(String name, String kind, Set<String> taken) {
    if (taken.add(name)) {
      return name;
    }
    String n = name + "-" + kind;
    for (int i = 2; !taken.add(n); i++) {
      n = name + "-" + kind + "-" + i;
    }
    return n;
  }

  private TypeSpec resource(Resource r, String command, ClassName parent) {
    ClassName cls = parent.nestedClass(names.resourceClass(r).simpleName());
    List<ClassName> subs = new ArrayList<>();
    for (Resource s : r.resources()) {
      subs.add(cls.nestedClass(names.resourceClass(s).simpleName()));
    }
    for (Method m : r.methods()) {
      if (supported(m)) {
        subs.add(cls.nestedClass(names.requestClass(m.id()).simpleName()));
      }
    }
    TypeSpec.Builder b = TypeSpec.classBuilder(cls)
        .addModifiers(Modifier.STATIC, Modifier.FINAL)
        .addAnnotation(AnnotationSpec.builder(COMMAND)
            .addMember("name", "$S", command)
            .addMember("description", "$S", "The " + r.path().replace("%", "%%") + " resource.")
            .addMember("subcommands", subcommands(subs))
            .build());
    Map<Object, String> commands = commandNames(r.resources(), r.methods());
    for (Resource s : r.resources()) {
      b.addType(resource(s, commands.get(s), cls));
    }
    List<String> path = accessorPath(r);
    for (Method m : r.methods()) {
      if (supported(m)) {
        b.addType(method(m, commands.get(m), path, cls));
      }
    }
    return b.build();
  }

  private static CodeBlock subcommands(List<ClassName> subs) {
    CodeBlock.Builder list = CodeBlock.builder().add("{");
    for (int i = 0; i < subs.size(); i++) {
      list.add(i == 0 ? "$T.class" : ", $T.class", subs.get(i));
    }
    return list.add("}").build();
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

  private TypeSpec method(Method m, String command, List<String> resource, ClassName parent) {
    ClassName cls = parent.nestedClass(names.requestClass(m.id()).simpleName());
    ClassName request = names.requestClass(m.id());
    TypeSpec.Builder b = TypeSpec.classBuilder(cls)
        .addModifiers(Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(CALLABLE, ClassName.get(Integer.class)))
        .addAnnotation(AnnotationSpec.builder(COMMAND)
            .addMember("name", "$S", command)
            .addMember("description", "$S", describe(m))
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

    Set<String> optionNames = new HashSet<>(RESERVED_OPTIONS);
    for (Parameter p : api.commonParameters()) {
      optionNames.add(kebab(p.name()));
    }
    CodeBlock.Builder call = CodeBlock.builder();
    call.addStatement("$T $N = $N.client()", names.service(), client, conn);
    List<CodeBlock> args = new ArrayList<>();
    int index = 0;
    for (Parameter p : m.requiredParameters()) {
      NamePlan.MemberNames n = names.param(m.id(), p.name());
      TypeName type = types.apiType(p.type());
      String field = n.field();
      if (p.location() == Parameter.Location.PATH && converts(type)) {
        b.addField(FieldSpec.builder(type, field)
            .addAnnotation(AnnotationSpec.builder(PARAMETERS)
                .addMember("index", "$S", String.valueOf(index++))
                .addMember("paramLabel", "$S", label(p))
                .addMember("description", "$S", paramDoc(p))
                .build())
            .build());
      } else if (converts(type)) {
        b.addField(FieldSpec.builder(type, field)
            .addAnnotation(option(p, unique(kebab(p.name()), optionNames), true))
            .build());
      } else {
        // A required parameter of a type the command line does not convert: given as JSON.
        b.addField(FieldSpec.builder(String.class, field)
            .addAnnotation(option(p, unique(kebab(p.name()), optionNames), true))
            .build());
        String value = fresh(field + "Value", taken);
        call.addStatement("$T $N = $L", type, value, readJson(CodeBlock.of("$N", field), type));
        args.add(CodeBlock.of("$N", value));
        continue;
      }
      args.add(CodeBlock.of("$N", field));
    }
    if (m.request() != null) {
      TypeName bodyType = types.apiType(m.request());
      String body = fresh("body", taken);
      String content = fresh("content", taken);
      b.addField(FieldSpec.builder(String.class, body)
          .addAnnotation(AnnotationSpec.builder(OPTION)
              .addMember("names", "$S", "--body")
              .addMember("paramLabel", "$S", "JSON")
              .addMember("description", "$S",
                  "The request body (" + simpleName(bodyType) + ") as JSON, @FILE for a file's, - for standard input's.")
              .build())
          .build());
      String fields = fresh("fields", taken);
      b.addField(FieldSpec.builder(ParameterizedTypeName.get(List.class, String.class), fields)
          .addAnnotation(AnnotationSpec.builder(OPTION)
              .addMember("names", "{$S, $S}", "-r", "--field")
              .addMember("arity", "$S", "1..*")
              .addMember("paramLabel", "$S", "FIELD")
              .addMember("description", "$S",
                  "Body fields on top of --body: NAME=VALUE sets a field where the cursor is, NAME moves the cursor "
                      + "into that object, .. up, . to the top (-r . name=x runtime-config container-image=y).")
              .build())
          .build());
      call.addStatement("$T $N = $L", bodyType, content,
          readJson(CodeBlock.of("withFields($N, readBody($N, $N), $N)", spec, spec, body, fields), bodyType));
      args.add(CodeBlock.of("$N", content));
    }
    CodeBlock.Builder target = CodeBlock.builder().add("$N", client);
    for (String accessor : resource) {
      target.add(".$N()", accessor);
    }
    call.addStatement("$T $N = $L.$N($L)", request, req, target.build(), names.requestAccessor(m.id()),
        CodeBlock.join(args, ", "));
    for (Parameter p : m.optionalParameters()) {
      if (names.isCommonParam(m.id(), p.name())) {
        continue;
      }
      NamePlan.MemberNames n = names.param(m.id(), p.name());
      EnumSchema e = types.enumOf(p.type());
      boolean raw = e != null && n.rawSetter() != null;
      TypeName type = raw ? types.storageType(p.type()) : types.apiType(p.type());
      if (!converts(type)) {
        continue; // not convertible from text (bytes, maps); to do: JSON values
      }
      b.addField(FieldSpec.builder(type, n.field())
          .addAnnotation(option(p, unique(kebab(p.name()), optionNames), false))
          .build());
      call.beginControlFlow("if ($N != null)", n.field())
          .addStatement("$N.$N($N)", req, raw ? n.rawSetter() : n.setter(), n.field())
          .endControlFlow();
    }
    call.addStatement("$N.apply($N)", common, req);
    if (m.pagedItem() != null) {
      String all = fresh("all", taken);
      b.addField(FieldSpec.builder(TypeName.BOOLEAN, all)
          .addAnnotation(AnnotationSpec.builder(OPTION).addMember("names", "$S", "--all")
              .addMember("description", "$S", "Every item of every page, one JSON value a line.").build())
          .build());
      call.beginControlFlow("if ($N)", all)
          .addStatement("return new $T($N.$N())", items, req, RuntimeNames.ITERATE_ALL)
          .endControlFlow();
    }
    if (m.longRunning() != null) {
      String wait = fresh("wait", taken);
      b.addField(FieldSpec.builder(TypeName.BOOLEAN, wait)
          .addAnnotation(AnnotationSpec.builder(OPTION).addMember("names", "$S", "--wait")
              .addMember("description", "$S", "Wait until the operation is done; print it then.").build())
          .build());
      call.beginControlFlow("if ($N)", wait)
          .addStatement("return $N.$N()", req, RuntimeNames.EXECUTE_AND_WAIT)
          .endControlFlow();
    }
    if (m.response() == null) {
      call.addStatement("$N.execute()", req).addStatement("return null");
    } else {
      call.addStatement("return $N.execute()", req);
    }
    b.addMethod(MethodSpec.methodBuilder("call")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(Integer.class)
        .addException(Exception.class)
        .addCode("return run($N, $N.format, () -> {\n$>", spec, conn)
        .addCode(call.build())
        .addCode("$<});\n")
        .build());
    return b.build();
  }

  /** {@code base}, or {@code base} with a number, not in {@code taken}; then taken. */
  private static String fresh(String base, Set<String> taken) {
    String n = base;
    for (int i = 2; !taken.add(n); i++) {
      n = base + i;
    }
    return n;
  }

  private static String label(Parameter p) {
    return kebab(p.name()).toUpperCase(Locale.ROOT).replace('-', '_');
  }

  private static String unique(String name, Set<String> taken) {
    String n = name;
    if (!taken.add(n)) {
      n = "param-" + name;
      for (int i = 2; !taken.add(n); i++) {
        n = "param-" + name + "-" + i;
      }
    }
    return n;
  }

  private static AnnotationSpec option(Parameter p, String name, boolean required) {
    AnnotationSpec.Builder a = AnnotationSpec.builder(OPTION)
        .addMember("names", "$S", "--" + name)
        .addMember("paramLabel", "$S", label(p))
        .addMember("description", "$S", paramDoc(p));
    if (required) {
      a.addMember("required", "true");
    }
    return a.build();
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

  /** Types picocli converts from text itself. */
  private static boolean converts(TypeName type) {
    if (type instanceof ParameterizedTypeName p) {
      return p.rawType().equals(ClassName.get(List.class)) && converts(p.typeArguments().get(0))
          && !(p.typeArguments().get(0) instanceof ParameterizedTypeName);
    }
    if (!(type instanceof ClassName c)) {
      return false;
    }
    return Set.of("java.lang.String", "java.lang.Boolean", "java.lang.Integer", "java.lang.Long", "java.lang.Float",
        "java.lang.Double", "java.math.BigDecimal", "java.math.BigInteger", "java.util.UUID", "java.net.URI",
        "java.time.Instant", "java.time.OffsetDateTime", "java.time.LocalDate", "java.time.Duration")
        .contains(c.canonicalName());
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

  private static TypeName rawClass(TypeName t) {
    return t instanceof ParameterizedTypeName p ? p.rawType() : t;
  }

  private static String simpleName(TypeName t) {
    return rawClass(t) instanceof ClassName c ? c.simpleName() : t.toString();
  }

  /** {@code getIamPolicy} and {@code $.xgafv} to {@code get-iam-policy} and {@code xgafv}. */
  static String kebab(String name) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isLetterOrDigit(c) && c < 128) {
        if (Character.isUpperCase(c) && sb.length() > 0 && sb.charAt(sb.length() - 1) != '-'
            && i > 0 && !Character.isUpperCase(name.charAt(i - 1))) {
          sb.append('-');
        }
        sb.append(Character.toLowerCase(c));
      } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '-') {
        sb.append('-');
      }
    }
    int end = sb.length();
    while (end > 0 && sb.charAt(end - 1) == '-') {
      end--;
    }
    return end == 0 ? "x" : sb.substring(0, end);
  }

  /** Where to connect and how to authenticate, and the API-wide parameters: on every method. */
  private TypeSpec connection() {
    TypeSpec.Builder b = TypeSpec.classBuilder(connection)
        .addModifiers(Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Options every method command has: the endpoint, credentials, output format.\n");
    b.addField(FieldSpec.builder(String.class, "rootUrl")
        .addAnnotation(AnnotationSpec.builder(OPTION).addMember("names", "$S", "--root-url")
            .addMember("paramLabel", "$S", "URL")
            .addMember("description", "$S", "The API's root URL (an emulator, a fake); default: the API's own.").build())
        .build());
    b.addField(FieldSpec.builder(String.class, "accessToken")
        .addAnnotation(AnnotationSpec.builder(OPTION).addMember("names", "$S", "--access-token")
            .addMember("paramLabel", "$S", "TOKEN")
            .addMember("description", "$S", "An OAuth access token sent as a bearer token.").build())
        .build());
    b.addField(FieldSpec.builder(String.class, "apiKey")
        .addAnnotation(AnnotationSpec.builder(OPTION).addMember("names", "$S", "--api-key")
            .addMember("paramLabel", "$S", "KEY")
            .addMember("description", "$S", "An API key.").build())
        .build());
    b.addField(FieldSpec.builder(String.class, "format")
        .addAnnotation(AnnotationSpec.builder(OPTION).addMember("names", "$S", "--format")
            .addMember("paramLabel", "$S", "FORMAT")
            .addMember("description", "$S",
                "json (the default), or value(FIELD,...): the fields' values, tab-separated, dotted paths into objects.")
            .build())
        .build());
    b.addField(FieldSpec.builder(TypeName.BOOLEAN, "dryRun")
        .addAnnotation(AnnotationSpec.builder(OPTION).addMember("names", "$S", "--dry-run")
            .addMember("description", "$S", "Send nothing: print the request as a curl command (the Authorization header redacted).")
            .build())
        .build());
    ClassName credentials = Runtime.CREDENTIALS;
    b.addMethod(MethodSpec.methodBuilder("client")
        .returns(names.service())
        .addStatement("$T.Builder options = $T.builder()", Runtime.CLIENT_OPTIONS, Runtime.CLIENT_OPTIONS)
        .beginControlFlow("if (rootUrl != null)")
        .addStatement("options.rootUrl(rootUrl)")
        .endControlFlow()
        .beginControlFlow("if (accessToken != null)")
        .addStatement("options.credentials($T.bearerToken(accessToken))", credentials)
        .nextControlFlow("else if (apiKey != null)")
        .addStatement("options.credentials($T.apiKey(apiKey))", credentials)
        .endControlFlow()
        .beginControlFlow("if (dryRun)")
        .addStatement("options.addPolicy((exchange, next) -> {\n$>throw new $T($T.curl(exchange));\n$<})", dryRun, dryRun)
        .endControlFlow()
        .addStatement("return new $T(options.build())", names.service())
        .build());
    return b.build();
  }

  /**
   * {@code --dry-run}: thrown by a policy in place of sending, with the request as a curl command,
   * which {@code run} prints.
   */
  private TypeSpec dryRun() {
    ClassName exchange = ClassName.get(Runtime.PKG, "Exchange");
    ClassName httpRequest = ClassName.get("java.net.http", "HttpRequest");
    ClassName bodySubscribers = ClassName.get("java.net.http", "HttpResponse", "BodySubscribers");
    ClassName bodySubscriber = ClassName.get("java.net.http", "HttpResponse", "BodySubscriber");
    ClassName flow = ClassName.get("java.util.concurrent", "Flow");
    ClassName byteBuffer = ClassName.get("java.nio", "ByteBuffer");
    ClassName utf8 = ClassName.get("java.nio.charset", "StandardCharsets");
    ClassName treeMap = ClassName.get("java.util", "TreeMap");
    ClassName map = ClassName.get("java.util", "Map");
    TypeSpec subscriber = TypeSpec.anonymousClassBuilder("")
        .addSuperinterface(ParameterizedTypeName.get(flow.nestedClass("Subscriber"), byteBuffer))
        .addMethod(MethodSpec.methodBuilder("onSubscribe").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .addParameter(flow.nestedClass("Subscription"), "subscription")
            .addStatement("sink.onSubscribe(subscription)").build())
        .addMethod(MethodSpec.methodBuilder("onNext").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .addParameter(byteBuffer, "buffer")
            .addStatement("sink.onNext($T.of(buffer))", List.class).build())
        .addMethod(MethodSpec.methodBuilder("onError").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .addParameter(Throwable.class, "error")
            .addStatement("sink.onError(error)").build())
        .addMethod(MethodSpec.methodBuilder("onComplete").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .addStatement("sink.onComplete()").build())
        .build();
    return TypeSpec.classBuilder(dryRun)
        .addModifiers(Modifier.STATIC, Modifier.FINAL)
        .superclass(RuntimeException.class)
        .addJavadoc("Thrown in place of sending a request, for {@code --dry-run}.\n")
        .addField(FieldSpec.builder(TypeName.LONG, "serialVersionUID", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("1L").build())
        .addMethod(MethodSpec.constructorBuilder()
            .addParameter(String.class, "curl")
            .addStatement("super(curl, null, false, false)")
            .build())
        .addMethod(MethodSpec.methodBuilder("curl")
            .addModifiers(Modifier.STATIC)
            .returns(String.class)
            .addParameter(exchange, "exchange")
            .addStatement("$T sb = new $T($S).append(exchange.method()).append(' ').append(quote(exchange.uri().toString()))",
                StringBuilder.class, StringBuilder.class, "curl -X ")
            .beginControlFlow("for ($T.Entry<String, String> h : new $T<>(exchange.headers()).entrySet())", map, treeMap)
            .addStatement("String value = h.getKey().equalsIgnoreCase($S) ? $S : h.getValue()", "Authorization", "REDACTED")
            .addStatement("sb.append($S).append('\\n').append($S).append(quote(h.getKey() + $S + value))", " \\", "  -H ", ": ")
            .endControlFlow()
            .addStatement("$T body = exchange.body()", httpRequest.nestedClass("BodyPublisher"))
            .beginControlFlow("if (body != null && body.contentLength() != 0)")
            .addStatement("$T<byte[]> sink = $T.ofByteArray()", bodySubscriber, bodySubscribers)
            .addStatement("body.subscribe($L)", subscriber)
            .addStatement("sb.append($S).append('\\n').append($S)\n.append(quote(new String(sink.getBody().toCompletableFuture().join(), $T.UTF_8)))",
                " \\", "  --data-binary ", utf8)
            .endControlFlow()
            .addStatement("return sb.toString()")
            .build())
        .addMethod(MethodSpec.methodBuilder("quote")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(String.class)
            .addParameter(String.class, "text")
            .addStatement("return $S + text.replace($S, $S) + $S", "'", "'", "'\\''", "'")
            .build())
        .build();
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
    Set<String> optionNames = new LinkedHashSet<>(RESERVED_OPTIONS);
    for (Parameter p : api.commonParameters()) {
      NamePlan.MemberNames n = names.commonParam(p.name());
      EnumSchema e = types.enumOf(p.type());
      boolean raw = e != null && n.rawSetter() != null;
      TypeName type = raw ? types.storageType(p.type()) : types.apiType(p.type());
      if (!converts(type)) {
        continue;
      }
      b.addField(FieldSpec.builder(type, n.field())
          .addAnnotation(option(p, unique(kebab(p.name()), optionNames), false))
          .build());
      apply.beginControlFlow("if ($N != null)", n.field())
          .addStatement("$N.$N($N)", req, raw ? n.rawSetter() : n.setter(), n.field())
          .endControlFlow();
    }
    b.addMethod(apply.build());
    return b.build();
  }

  /** Runs one call, prints its response and maps failures to exit codes. */
  private MethodSpec runMethod() {
    ClassName err = ClassName.get("java.io", "PrintWriter");
    return MethodSpec.methodBuilder("run")
        .addModifiers(Modifier.STATIC)
        .returns(Integer.class)
        .addParameter(COMMAND_SPEC, "spec")
        .addParameter(String.class, "format")
        .addParameter(ParameterizedTypeName.get(CALLABLE, WildcardTypeName.subtypeOf(Object.class)), "call")
        .addException(Exception.class)
        .addStatement("$T out = spec.commandLine().getOut()", err)
        .addStatement("$T err = spec.commandLine().getErr()", err)
        .addStatement("$T<String> fields = fields(spec, format)", List.class)
        .beginControlFlow("try")
        .addStatement("Object response = call.call()")
        .beginControlFlow("if (response instanceof $T all)", items)
        .beginControlFlow("for (Object item : all.items())")
        .addStatement("print(out, item, fields, false)")
        .endControlFlow()
        .nextControlFlow("else if (response != null)")
        .addStatement("print(out, response, fields, true)")
        .endControlFlow()
        .addStatement("out.flush()")
        .addStatement("return 0")
        .nextControlFlow("catch ($T e)", dryRun)
        .addStatement("out.println(e.getMessage())")
        .addStatement("out.flush()")
        .addStatement("return 0")
        .nextControlFlow("catch ($T e)", API_EXCEPTION)
        .addStatement("err.println($S + e.getMessage())", "error: HTTP ") // the message opens with the status
        .addStatement("err.flush()")
        .addStatement("return 1")
        .nextControlFlow("catch ($T e)", TRANSPORT_EXCEPTION)
        .addStatement("err.println($S + e.getMessage())", "error: cannot reach the API: ")
        .addStatement("err.flush()")
        .addStatement("return 3")
        .nextControlFlow("catch ($T e)", ClassName.get("java.io", "UncheckedIOException"))
        .addStatement("throw new $T(spec.commandLine(), $S + e.getCause().getMessage(), e)", PARAMETER_EXCEPTION,
            "invalid JSON: ")
        .endControlFlow()
        .build();
  }

  /**
   * Printing: {@code --format json} (pretty, or one line a value with {@code --all}) or {@code
   * value(a,b.c)}: the fields' values tab-separated, text as is, other JSON compact.
   */
  private MethodSpec printMethod() {
    ClassName node = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
    return MethodSpec.methodBuilder("print")
        .addModifiers(Modifier.STATIC)
        .addParameter(ClassName.get("java.io", "PrintWriter"), "out")
        .addParameter(Object.class, "value")
        .addParameter(ParameterizedTypeName.get(List.class, String.class), "fields")
        .addParameter(TypeName.BOOLEAN, "pretty")
        .addException(ClassName.get("com.fasterxml.jackson.core", "JsonProcessingException"))
        .beginControlFlow("if (fields == null)")
        .addStatement("out.println(pretty ? $T.get().mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value)"
            + " : $T.get().writeString(value))", JSON, JSON)
        .addStatement("return")
        .endControlFlow()
        .addStatement("$T tree = $T.get().mapper().valueToTree(value)", node, JSON)
        .addStatement("$T line = new $T()", StringBuilder.class, StringBuilder.class)
        .beginControlFlow("for (int i = 0; i < fields.size(); i++)")
        .addStatement("$T v = tree", node)
        .beginControlFlow("for (String part : fields.get(i).split($S))", "\\.")
        .addStatement("v = v == null ? null : v.get(part)")
        .endControlFlow()
        .beginControlFlow("if (i > 0)")
        .addStatement("line.append('\\t')")
        .endControlFlow()
        .beginControlFlow("if (v != null && !v.isNull())")
        .addStatement("line.append(v.isValueNode() ? v.asText() : v.toString())")
        .endControlFlow()
        .endControlFlow()
        .addStatement("out.println(line)")
        .build();
  }

  /** The fields of {@code --format value(...)}, or null for JSON. */
  private MethodSpec fieldsMethod() {
    return MethodSpec.methodBuilder("fields")
        .addModifiers(Modifier.STATIC)
        .returns(ParameterizedTypeName.get(List.class, String.class))
        .addParameter(COMMAND_SPEC, "spec")
        .addParameter(String.class, "format")
        .beginControlFlow("if (format == null || format.equals($S))", "json")
        .addStatement("return null")
        .endControlFlow()
        .beginControlFlow("if (format.startsWith($S) && format.endsWith($S) && format.length() > 7)", "value(", ")")
        .addStatement("return $T.of(format.substring(6, format.length() - 1).split($S))", List.class, "\\s*,\\s*")
        .endControlFlow()
        .addStatement("throw new $T(spec.commandLine(), $S + format)", PARAMETER_EXCEPTION,
            "--format: json or value(FIELD,...), not ")
        .build();
  }

  /** {@code -r}: fields set on the JSON body, through a cursor. */
  private MethodSpec withFieldsMethod() {
    ClassName node = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
    ClassName objectNode = ClassName.get("com.fasterxml.jackson.databind.node", "ObjectNode");
    ClassName deque = ClassName.get("java.util", "ArrayDeque");
    return MethodSpec.methodBuilder("withFields")
        .addModifiers(Modifier.STATIC)
        .returns(String.class)
        .addParameter(COMMAND_SPEC, "spec")
        .addParameter(String.class, "json")
        .addParameter(ParameterizedTypeName.get(List.class, String.class), "fields")
        .beginControlFlow("if (fields == null || fields.isEmpty())")
        .addStatement("return json")
        .endControlFlow()
        .addStatement("$T tree", node)
        .beginControlFlow("try")
        .addStatement("tree = $T.get().mapper().readTree(json)", JSON)
        .nextControlFlow("catch ($T e)", ClassName.get("com.fasterxml.jackson.core", "JsonProcessingException"))
        .addStatement("throw new $T(spec.commandLine(), $S + e.getOriginalMessage(), e)", PARAMETER_EXCEPTION, "invalid JSON: ")
        .endControlFlow()
        .beginControlFlow("if (!(tree instanceof $T root))", objectNode)
        .addStatement("throw new $T(spec.commandLine(), $S)", PARAMETER_EXCEPTION, "-r: the body is not a JSON object")
        .endControlFlow()
        .addStatement("$T<$T> cursor = new $T<>()", ClassName.get("java.util", "Deque"), objectNode, deque)
        .addStatement("cursor.push(root)")
        .beginControlFlow("for (String field : fields)")
        .beginControlFlow("if (field.equals($S))", ".")
        .beginControlFlow("while (cursor.size() > 1)")
        .addStatement("cursor.pop()")
        .endControlFlow()
        .nextControlFlow("else if (field.equals($S))", "..")
        .beginControlFlow("if (cursor.size() > 1)")
        .addStatement("cursor.pop()")
        .endControlFlow()
        .nextControlFlow("else if (field.indexOf('=') < 0)")
        .addStatement("$T next = cursor.peek().get(camel(field))", node)
        .addStatement("cursor.push(next instanceof $T o ? o : cursor.peek().putObject(camel(field)))", objectNode)
        .nextControlFlow("else")
        .addStatement("int eq = field.indexOf('=')")
        .addStatement("cursor.peek().put(camel(field.substring(0, eq)), field.substring(eq + 1))")
        .endControlFlow()
        .endControlFlow()
        .addStatement("return root.toString()")
        .build();
  }

  /** A field name as typed ({@code container-image}) to its JSON name ({@code containerImage}). */
  private MethodSpec camelMethod() {
    return MethodSpec.methodBuilder("camel")
        .addModifiers(Modifier.STATIC)
        .returns(String.class)
        .addParameter(String.class, "name")
        .addStatement("$T sb = new $T()", StringBuilder.class, StringBuilder.class)
        .addStatement("boolean upper = false")
        .beginControlFlow("for (char c : name.toCharArray())")
        .beginControlFlow("if (c == '-' && sb.length() > 0)")
        .addStatement("upper = true")
        .nextControlFlow("else")
        .addStatement("sb.append(upper ? Character.toUpperCase(c) : c)")
        .addStatement("upper = false")
        .endControlFlow()
        .endControlFlow()
        .addStatement("return sb.toString()")
        .build();
  }

  /** {@code --body}'s text: the JSON itself, {@code @file}'s content, or standard input for {@code -}. */
  private MethodSpec readBodyMethod() {
    ClassName files = ClassName.get("java.nio.file", "Files");
    ClassName paths = ClassName.get("java.nio.file", "Path");
    ClassName utf8 = ClassName.get("java.nio.charset", "StandardCharsets");
    return MethodSpec.methodBuilder("readBody")
        .addModifiers(Modifier.STATIC)
        .returns(String.class)
        .addParameter(COMMAND_SPEC, "spec")
        .addParameter(String.class, "body")
        .beginControlFlow("if (body == null)")
        .addStatement("return $S", "{}")
        .endControlFlow()
        .beginControlFlow("try")
        .beginControlFlow("if (body.equals($S))", "-")
        .addStatement("return new String(System.in.readAllBytes(), $T.UTF_8)", utf8)
        .endControlFlow()
        .beginControlFlow("if (body.startsWith($S))", "@")
        .addStatement("return $T.readString($T.of(body.substring(1)), $T.UTF_8)", files, paths, utf8)
        .endControlFlow()
        .nextControlFlow("catch ($T e)", ClassName.get("java.io", "IOException"))
        .addStatement("throw new $T(spec.commandLine(), $S + e.getMessage(), e)", PARAMETER_EXCEPTION,
            "--body: cannot read ")
        .endControlFlow()
        .addStatement("return body")
        .build();
  }
}
