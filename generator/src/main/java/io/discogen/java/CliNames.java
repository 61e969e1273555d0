package io.discogen.java;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.discogen.ir.ApiModel;
import io.discogen.ir.EnumSchema;
import io.discogen.ir.Method;
import io.discogen.ir.Parameter;
import io.discogen.ir.Resource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The names of an API's command line ({@code --cli}), decided once from the IR: the program's
 * name, each resource's and method's command, which methods have a command, how each parameter is
 * given (positional or an option, and the option's name). {@link CliEmitter} writes the program
 * from these and the docs' command-line pages show them, so the pages never show a name the
 * program does not accept.
 */
public final class CliNames {
  // Options every method command has (picocli's -h and -V too).
  public static final String BODY = "--body";
  public static final String FIELD = "-r";
  public static final String FIELD_LONG = "--field";
  public static final String ROOT_URL = "--root-url";
  public static final String ACCESS_TOKEN = "--access-token";
  public static final String API_KEY = "--api-key";
  public static final String FORMAT = "--format";
  public static final String DRY_RUN = "--dry-run";
  public static final String VERBOSE = "--verbose";
  public static final String OUTPUT = "--output";
  public static final String OUTPUT_SHORT = "-o";
  /** Google APIs only: the OAuth scopes to ask Application Default Credentials for. */
  public static final String SCOPE = "--scope";
  /** APIs with an HTTP basic security scheme only. */
  public static final String USER = "--user";
  /** Media upload methods only. */
  public static final String UPLOAD = "--upload";
  public static final String UPLOAD_TYPE = "--upload-content-type";
  /** Media download methods only. */
  public static final String DOWNLOAD = "--download";
  /** The sub-command that prints a bash/zsh completion script (picocli's AutoComplete). */
  public static final String COMPLETION = "generate-completion";
  /** Paged methods only. */
  public static final String ALL = "--all";
  public static final String LIMIT = "--limit";
  /** Long-running methods only. */
  public static final String WAIT = "--wait";

  /** Options every method command has; parameters may not take these names. */
  private static final Set<String> RESERVED_OPTIONS =
      Set.of("help", "version", "body", "root-url", "access-token", "api-key", "format", "all", "wait", "dry-run", "field",
          "verbose", "output");

  /** How a parameter is given on the command line. */
  public enum Form {
    /** A positional argument (a required path parameter of a type text converts to). */
    POSITIONAL,
    /** An option whose text converts to the parameter's type. */
    OPTION,
    /** A required option of a type text does not convert to (an object, a map of lists or objects): given as JSON. */
    JSON_OPTION
  }

  /**
   * One parameter of a command.
   *
   * @param name the option with its dashes ({@code --session-id}); for a positional, its label
   * @param label the value's label ({@code SESSION_ID})
   * @param type the Java type the value converts to (for {@link Form#JSON_OPTION}, the type the JSON is read as)
   * @param raw whether an enum is set through its raw (wire text) setter
   */
  public record Argument(Parameter parameter, Form form, String name, String label, TypeName type, boolean raw) {}

  /**
   * A method's command.
   *
   * @param path the sub-command names from the program down ({@code projects, locations, sessions, create})
   * @param arguments required parameters in order, then the optional ones that are options
   */
  public record Command(Method method, List<String> path, List<Argument> arguments) {}

  private final ApiModel api;
  private final NamePlan names;
  private final TypeMapper types;
  private final Map<Object, String> commandNames = new IdentityHashMap<>();
  private final Map<Method, Command> commands = new IdentityHashMap<>();
  private final List<Command> ordered = new ArrayList<>();
  private final List<Argument> commonOptions = new ArrayList<>();
  /** The option names the program itself takes on every command of this API. */
  private final Set<String> reserved;

  public CliNames(ApiModel api, NamePlan names, TypeMapper types) {
    this.api = api;
    this.names = names;
    this.types = types;
    Set<String> r = new HashSet<>(RESERVED_OPTIONS);
    if (api.usesGoogleScopes()) {
      r.add("scope");
    }
    if (basicAuth()) {
      r.add("user");
    }
    this.reserved = Set.copyOf(r);
    walk(api.resources(), api.methods(), List.of());
    // The API-wide parameters, options of every command (through a mixin).
    Set<String> optionNames = new LinkedHashSet<>(reserved);
    for (Parameter p : api.commonParameters()) {
      NamePlan.MemberNames n = names.commonParam(p.name());
      boolean raw = types.enumOf(p.type()) != null && n.rawSetter() != null;
      TypeName type = raw ? types.storageType(p.type()) : types.apiType(p.type());
      if (converts(type)) {
        commonOptions.add(new Argument(p, Form.OPTION, "--" + unique(kebab(p.name()), optionNames), label(p, type), type, raw));
      }
    }
  }

  /** The program's class: {@code <Service>Cli} beside the service class. */
  public static ClassName programClass(NamePlan names) {
    return ClassName.get(names.packageName(), names.service().simpleName() + "Cli");
  }

  /** The program's name: {@code dataproc}. */
  public String program() {
    return kebab(api.name());
  }

  /** Whether the program falls back to Google's Application Default Credentials (a Google API). */
  public boolean googleCredentials() {
    return api.usesGoogleScopes();
  }

  /** Whether the API declares HTTP basic authentication (the program then takes {@link #USER}). */
  public boolean basicAuth() {
    return api.securitySchemes().stream().anyMatch(s -> s.kind() == io.discogen.ir.SecurityScheme.Kind.HTTP_BASIC);
  }

  /** A resource's or a method's sub-command name. */
  public String command(Resource r) {
    return commandNames.get(r);
  }

  public String command(Method m) {
    return commandNames.get(m);
  }

  /** The command of a method, or null when the command line has none for it (see {@link #supported}). */
  public Command of(Method m) {
    return commands.get(m);
  }

  /** Every method's command, resources' before the API's own, depth-first in document order. */
  public List<Command> commands() {
    return List.copyOf(ordered);
  }

  /** The API-wide parameters that are options of every command. */
  public List<Argument> commonOptions() {
    return List.copyOf(commonOptions);
  }

  /**
   * Methods the CLI has a command for: all but those with a raw binary body (to do: {@code --body
   * @FILE} as the bytes). A server-streaming method prints each message as it comes; a binary
   * response goes to {@code --download FILE} or standard output.
   */
  public boolean supported(Method m) {
    return (m.request() == null || !(types.apiType(m.request()) instanceof ArrayTypeName));
  }

  private void walk(List<Resource> resources, List<Method> methods, List<String> path) {
    // Sub-command names of one command, unique among them: resources first; a method named like a
    // resource (or two names alike in kebab-case) gets -method, then a number.
    Set<String> taken = new HashSet<>();
    for (Resource r : resources) {
      commandNames.put(r, unique(kebab(r.name()), "resource", taken));
    }
    for (Method m : methods) {
      commandNames.put(m, unique(kebab(m.name()), "method", taken));
    }
    for (Resource r : resources) {
      List<String> sub = new ArrayList<>(path);
      sub.add(commandNames.get(r));
      walk(r.resources(), r.methods(), sub);
    }
    for (Method m : methods) {
      if (supported(m)) {
        List<String> full = new ArrayList<>(path);
        full.add(commandNames.get(m));
        Command c = new Command(m, List.copyOf(full), arguments(m));
        commands.put(m, c);
        ordered.add(c);
      }
    }
  }

  private List<Argument> arguments(Method m) {
    Set<String> optionNames = new HashSet<>(reserved);
    for (Parameter p : api.commonParameters()) {
      optionNames.add(kebab(p.name()));
    }
    if (m.mediaUpload() != null) {
      optionNames.add("upload");
      optionNames.add("upload-content-type");
    }
    if (m.mediaDownload() != null || m.binaryResponse() != null) {
      optionNames.add("download");
    }
    if (m.pagedItem() != null) {
      optionNames.add("limit"); // --all's --limit; an API parameter named limit is --param-limit there
    }
    List<Argument> out = new ArrayList<>();
    for (Parameter p : m.requiredParameters()) {
      TypeName type = types.apiType(p.type());
      if (p.location() == Parameter.Location.PATH && converts(type) && !isMap(type)) {
        out.add(new Argument(p, Form.POSITIONAL, label(p), label(p), type, false));
      } else {
        Form form = converts(type) ? Form.OPTION : Form.JSON_OPTION;
        out.add(new Argument(p, form, "--" + unique(kebab(p.name()), optionNames), label(p, type), type, false));
      }
    }
    for (Parameter p : m.optionalParameters()) {
      if (names.isCommonParam(m.id(), p.name())) {
        continue;
      }
      NamePlan.MemberNames n = names.param(m.id(), p.name());
      EnumSchema e = types.enumOf(p.type());
      boolean raw = e != null && n.rawSetter() != null;
      TypeName type = raw ? types.storageType(p.type()) : types.apiType(p.type());
      if (!converts(type)) {
        continue; // not convertible from text (maps of lists or objects, objects); to do: JSON values
      }
      out.add(new Argument(p, Form.OPTION, "--" + unique(kebab(p.name()), optionNames), label(p, type), type, raw));
    }
    return List.copyOf(out);
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

  /** An option name not taken: the name, else {@code param-<name>}, then with a number. */
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

  private static String label(Parameter p) {
    return kebab(p.name()).toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** A map option's label is {@code KEY=VALUE}, as it is given. */
  private static String label(Parameter p, TypeName type) {
    return isMap(type) ? "KEY=VALUE" : label(p);
  }

  /**
   * Types the command line converts from text: those picocli converts itself, lists of them, maps
   * of them by text keys (a repeated {@code --name key=value}), and bytes (base64 text, see {@link
   * #isBytes}).
   */
  static boolean converts(TypeName type) {
    if (isBytes(type)) {
      return true;
    }
    if (type instanceof ParameterizedTypeName p) {
      TypeName last = p.typeArguments().get(p.typeArguments().size() - 1);
      if (p.rawType().equals(ClassName.get(Map.class))) {
        return p.typeArguments().get(0).equals(ClassName.get(String.class)) && scalar(last);
      }
      return p.rawType().equals(ClassName.get(List.class)) && scalar(last);
    }
    return scalar(type);
  }

  /** A map option: {@code --name key=value}, repeated. */
  public static boolean isMap(TypeName type) {
    return type instanceof ParameterizedTypeName p && p.rawType().equals(ClassName.get(Map.class));
  }

  /**
   * Bytes ({@code byte[]}, or a list of them): the option takes base64 text, which the program
   * decodes ({@code OptionValues.bytes}), and the client sends in the spec's alphabet.
   */
  public static boolean isBytes(TypeName type) {
    if (type instanceof ParameterizedTypeName p && p.rawType().equals(ClassName.get(List.class))) {
      type = p.typeArguments().get(0);
    }
    return type instanceof ArrayTypeName a && a.componentType().equals(TypeName.BYTE);
  }

  /** Types picocli converts from text itself. */
  private static boolean scalar(TypeName type) {
    if (!(type instanceof ClassName c)) {
      return false;
    }
    return Set.of("java.lang.String", "java.lang.Boolean", "java.lang.Integer", "java.lang.Long", "java.lang.Float",
        "java.lang.Double", "java.math.BigDecimal", "java.math.BigInteger", "java.util.UUID", "java.net.URI",
        "java.time.Instant", "java.time.OffsetDateTime", "java.time.LocalDate", "java.time.Duration")
        .contains(c.canonicalName());
  }

  /** {@code getIamPolicy} and {@code $.xgafv} to {@code get-iam-policy} and {@code xgafv}. */
  public static String kebab(String name) {
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

  /**
   * A JSON field name as the {@code -r} cursor shows it ({@code containerImage} as {@code
   * container-image}), as the runtime's {@code ModelFields.kebab} does.
   */
  public static String fieldName(String jsonName) {
    StringBuilder sb = new StringBuilder();
    for (char c : jsonName.toCharArray()) {
      if (Character.isUpperCase(c) && sb.length() > 0) {
        sb.append('-');
      }
      sb.append(Character.toLowerCase(c));
    }
    return sb.toString();
  }
}
