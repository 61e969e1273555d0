package io.discogen.java;

import com.palantir.javapoet.ClassName;
import io.discogen.ir.AliasSchema;
import io.discogen.ir.ApiModel;
import io.discogen.ir.EnumSchema;
import io.discogen.ir.Method;
import io.discogen.ir.ObjectSchema;
import io.discogen.ir.Parameter;
import io.discogen.ir.Property;
import io.discogen.ir.Resource;
import io.discogen.ir.Schema;
import io.discogen.ir.Schemas;
import io.discogen.ir.SpecSource;
import io.discogen.ir.Scope;
import io.discogen.ir.SecurityScheme;
import io.discogen.ir.TypeRef;
import io.discogen.ir.UnionSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every Java name of one generated API, decided once, before any code is emitted: classes (unique
 * case-insensitively, so files never clash on macOS or Windows), nested classes (never named like an
 * enclosing class), members (never clashing with inherited ones), enum constants, scope constants.
 * Decisions follow document order, so adding or renaming one schema never renames another.
 */
public final class NamePlan {

  /**
   * Names of one property or parameter.
   *
   * @param field the field, constructor argument or local variable name
   * @param getter the getter (typed for enums)
   * @param setter the fluent setter (typed for enums)
   * @param rawGetter for enums: the getter of the raw wire text, else null
   * @param rawSetter for enums: the setter of the raw wire text, else null
   * @param defaultGetter for a boolean with a documented default: {@code isX()}, which answers the
   *     default while the value is absent (as Google's own clients do), else null
   * @param nulls for a nullable property that can be sent: its explicit-null members, else null
   */
  public record MemberNames(
      String field, String getter, String setter, String rawGetter, String rawSetter, String defaultGetter, NullNames nulls) {

    MemberNames(String field, String getter, String setter, String rawGetter, String rawSetter) {
      this(field, getter, setter, rawGetter, rawSetter, null, null);
    }

    MemberNames withField(String f) {
      return new MemberNames(f, getter, setter, rawGetter, rawSetter, defaultGetter, nulls);
    }
  }

  /**
   * The extra members of a nullable property: the private method Jackson sets it through (to see
   * an explicit null), the method sending an explicit null, and the one telling it was received.
   */
  public record NullNames(String reader, String clear, String isNull) {}

  /**
   * Public names of the media members of one request class; null where the method does not upload
   * (or download) media.
   *
   * @param mediaArg the constructor argument carrying the content to upload
   * @param setUploadProtocol chooses simple, multipart or resumable
   * @param setProgressListener receives upload progress
   * @param setChunkSize resumable chunk size
   * @param resumeUpload continues an upload from its session URI
   * @param downloadTo downloads the media into an {@code OutputStream}
   * @param asInputStream downloads the media as an {@code InputStream}
   */
  /**
   * Names of one method's request class and members.
   *
   * @param requestClass the request class ({@code Dataproc.Projects.Locations.Sessions.Create})
   * @param accessor the resource's method making the request ({@code create})
   * @param params each parameter's wire name to its names (the common ones for an optional
   *     parameter every method has), in parameter order
   * @param contentArg the constructor argument of the request body
   * @param media the media members, or null when the method neither uploads nor downloads media
   */
  public record RequestNames(
      ClassName requestClass, String accessor, Map<String, MemberNames> params, String contentArg, MediaNames media) {
    public RequestNames {
      params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
  }

  /**
   * Names of one enum's constants.
   *
   * @param constants each wire value to its constant, in declaration order
   * @param unknown the constant standing for values the client does not know
   */
  public record EnumNames(Map<String, String> constants, String unknown) {
    public EnumNames {
      constants = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(constants));
    }
  }

  public record MediaNames(
      String mediaArg,
      String setUploadProtocol,
      String setProgressListener,
      String setChunkSize,
      String resumeUpload,
      String downloadTo,
      String asInputStream) {}

  static final Set<String> OBJECT_METHODS = Set.of(
      "getClass", "hashCode", "equals", "clone", "toString", "notify", "notifyAll", "wait", "finalize");
  /**
   * Methods of {@code Object} an accessor with arguments only overloads ({@code clone(String
   * project, ...)}, {@code wait(String project, String operation)}, as in Google's own clients);
   * {@code equals} stays reserved, its overload would read as {@code Object}'s.
   */
  private static final Set<String> OVERLOADABLE_OBJECT_METHODS = Set.of(
      "getClass", "hashCode", "clone", "toString", "notify", "notifyAll", "finalize", "wait");

  /**
   * What a resource class named like an enclosing class (Sheets' {@code spreadsheets.sheets}, Tasks'
   * {@code tasks}) gets at its end: {@code SheetsOperations}, as in Google's clients.
   */
  private static final String RESOURCE_SUFFIX = "Operations";

  /**
   * Names Google's own generated clients (apis-client-generator's Java language model) never give
   * a class or a method as they are, compared ignoring case: the classic Java keywords, the JSON
   * types' Java classes, {@code entry}. A class so named gets the API's name in front ({@code
   * Object} in Storage is {@code StorageObject}, {@code Import} in Calendar {@code CalendarImport}),
   * a method the API's {@code name} ({@code calendarImport}). Ours too, so that their users find
   * the same names.
   */
  static final Set<String> OFFICIAL_RESERVED = union(JavaNames.RESERVED, Set.of("entry", "integer", "object", "string"));
  /**
   * The public and protected methods of {@code JsonModel} and its superclasses, by hand as {@link
   * #CLIENT_REQUEST_METHODS} (and checked the same way).
   */
  static final Set<String> JSON_MODEL_METHODS = union(OBJECT_METHODS, Set.of(
      "unknownFields", "setUnknownField", "explicitNull", "isExplicitNull", "fields"));
  /**
   * Names a model's generated members never take: {@code JsonModel}'s, and its private {@code
   * readUnknownField}, Jackson's any-setter, which a same-named method would confuse.
   */
  static final Set<String> MODEL_METHODS = union(JSON_MODEL_METHODS, Set.of("readUnknownField"));
  /**
   * The public and protected methods of {@code ClientRequest} and its superclasses, by hand (the
   * generator does not depend on the runtime): {@code OfficialNamesTest} checks by reflection that
   * this is exactly that set.
   */
  static final Set<String> CLIENT_REQUEST_METHODS = union(OBJECT_METHODS, Set.of(
      "set", "get", "setHeader", "setSuppressPatternChecks", "getSuppressPatternChecks", "setRequestTimeout",
      "setTotalTimeout", RuntimeNames.EXECUTE, "executeAsync",
      RuntimeNames.EXECUTE_STREAM, "executeStreamAsync", "method", "client", "content",
      "responseType", "params", "headers",
      // the protected media helpers, wrapped under public names where they apply
      "attachMedia", "uploadProtocol", "uploadListener", "uploadChunkSize", "resumeMediaUpload",
      "openMediaStream", "downloadMediaTo", "openResponseStream", "downloadResponseTo"));
  /**
   * Names a request's generated members never take: its base class's, those the emitters add, and
   * {@code ClientRequest}'s private {@code self()} and {@code media}, which are not inherited but
   * were always kept off (freeing them would rename members of existing clients).
   */
  static final Set<String> REQUEST_METHODS = union(CLIENT_REQUEST_METHODS, RuntimeNames.GENERATED_REQUEST_METHODS,
      Set.of("self", "media"));

  private final String packageName;
  private final ClassName service;
  private final ClassName baseRequest;
  private final ClassName scopesClass;
  private final Map<String, ClassName> schemaClasses = new HashMap<>();
  private final Map<String, Map<String, MemberNames>> properties = new HashMap<>();
  private final Map<String, EnumNames> enums = new HashMap<>();
  // By identity: resource paths can repeat ("a.b" at the top and "b" inside "a").
  private final Map<Resource, ClassName> resourceClasses = new IdentityHashMap<>();
  private final Map<Resource, String> resourceAccessors = new IdentityHashMap<>();
  private final Map<String, RequestNames> requests = new HashMap<>();
  private String batchAccessor;
  private final Map<String, MemberNames> commonParams = new LinkedHashMap<>();
  private final Map<String, String> scopeConstants = new LinkedHashMap<>();
  private final Map<String, String> securityMethods = new LinkedHashMap<>();
  private final Map<String, List<String>> unionVariants = new HashMap<>();
  private final Map<String, Schema> index;
  private final Map<String, Set<String>> nestedClassNames = new HashMap<>();
  private final List<ObjectSchema> pendingMembers = new ArrayList<>();
  private final Map<String, MemberScope> memberScopes = new HashMap<>();
  private final Polymorphism polymorphism;
  private final Set<String> topLevelNames = new HashSet<>();
  private final List<Resource> topLevelResources = new ArrayList<>();
  private final Map<String, ClassName> fallbackClasses = new HashMap<>();
  /** The API's class-name prefix for {@link #OFFICIAL_RESERVED} names ({@code Storage}). */
  private final String classPrefix;
  /** The API's method-name prefix for {@link #OFFICIAL_RESERVED} names ({@code calendar}). */
  private final String methodPrefix;
  /** Top-level class names of the package: the service, its base request, resources split out of it. */
  private final ClassScope top = new ClassScope(Set.of(), "");
  /** Top-level class names of the model package. */
  private final ClassScope models = new ClassScope(Set.of(), "");
  private final String modelPackage;

  private NamePlan(ApiModel api, String packageName, int maxNestMembers) {
    this.packageName = packageName;
    this.index = api.schemaIndex();
    this.polymorphism = new Polymorphism(index);
    this.classPrefix = JavaNames.upperCamel(api.displayName());
    this.methodPrefix = JavaNames.lowerCamel(api.name() == null || api.name().isBlank() ? api.displayName() : api.name());

    // Models go to a package of their own, as in Google's clients and OpenAPI Generator: the model
    // Calendar and the service Calendar both keep their names.
    this.modelPackage = packageName + ".model";
    int serviceNested = Math.max(1 + "ScopesConstants".length(), nestedLength(api.methods(), api.resources()));
    String serviceName = top.allocate(JavaNames.upperCamel(api.displayName()), "Service", true, "", serviceNested);
    this.service = ClassName.get(packageName, serviceName);
    this.baseRequest = ClassName.get(packageName,
        top.allocate(serviceName + "Request", "Base", true, "", nestedLength(api.commonEnums(), List.of())));
    // Model names first: classes that are inherited from avoid them for their member types.
    List<String> topNames = new ArrayList<>();
    for (Schema s : api.schemas()) {
      if (!(s instanceof AliasSchema)) {
        topNames.add(models.allocate(className(s.name()), suffix(s), true, "", nestedLength(s)));
        topLevelNames.add(topNames.get(topNames.size() - 1));
      }
    }
    Map<String, Integer> idCounts = new HashMap<>();
    for (Schema s : api.schemas()) {
      idCounts.merge(s.id(), 1, Integer::sum);
    }
    int next = 0;
    for (Schema s : api.schemas()) {
      if (!(s instanceof AliasSchema)) {
        String name = topNames.get(next++);
        String where = idCounts.get(s.id()) == 1
            && !s.id().contains(".") && !s.id().contains("#") ? pointer("/schemas", s.id()) : "/schemas";
        planSchema(s, ClassName.get(modelPackage, name), List.of(name), where);
      }
    }
    for (ObjectSchema o : pendingMembers) {
      planMembers(o, new HashSet<>());
    }

    // Service class: Scopes first, then resources and the API's own methods.
    ClassScope serviceScope = new ClassScope(Set.of(serviceName), "");
    this.scopesClass = service.nestedClass(serviceScope.allocate("Scopes", "Constants", false));
    Set<String> scopeNames = new HashSet<>();
    for (Scope sc : api.scopes()) {
      scopeConstants.put(sc.url(), unique(scopeConstantName(sc.url()), scopeNames));
    }

    // Common parameters live on the base request class.
    MemberScope baseMembers = new MemberScope(REQUEST_METHODS);
    ClassScope baseScope = new ClassScope(Set.of(baseRequest.simpleName(), "T", "R"), "/parameters");
    for (EnumSchema e : api.commonEnums()) {
      planSchema(e, baseRequest.nestedClass(baseScope.allocate(JavaNames.upperCamel(e.name()), "Enum", false)), List.of(), "/parameters");
    }
    for (Parameter p : api.commonParameters()) {
      commonParams.put(p.name(), baseMembers.member(p.name(), isEnum(p.type())));
    }
    Set<String> requestReserved = union(REQUEST_METHODS, baseMembers.methods);

    // An API too large for one service class gets each top-level resource as a class of its own
    // (Microsoft Graph beta: 40,928 nested classes in all; its largest top-level resource fits).
    boolean discovery = api.source().format() == SpecSource.Format.DISCOVERY;
    boolean splitResources = nestedClassCount(api.methods(), api.resources()) > maxNestMembers;
    if (splitResources) {
      int own = nestedClassCount(api.methods(), List.of());
      if (own > maxNestMembers) {
        throw tooLarge(discovery ? "/methods" : "/paths", "service class", own, maxNestMembers);
      }
      for (Resource r : api.resources()) {
        int n = nestedClassCount(r.methods(), r.resources());
        if (n > maxNestMembers) {
          throw tooLarge(discovery ? pointer("/resources", r.name()) : "/paths", "resource class (" + r.name() + ")", n, maxNestMembers);
        }
      }
    }
    MemberScope serviceAccessors = planContainer(service, List.of(serviceName), serviceScope,
        splitResources ? top : null, api.methods(), api.resources(), requestReserved, "");
    if (api.endpoints().batchPath() != null) {
      // Planned after the resource and method accessors so that adding batch support renames none.
      this.batchAccessor = serviceAccessors.preferred("batch", "newBatch");
    }
    // Credentials helpers for API-key security schemes, on the service class; planned last for the same reason.
    for (SecurityScheme sc : api.securitySchemes()) {
      if (sc.kind() == SecurityScheme.Kind.API_KEY) {
        securityMethods.put(sc.name(), serviceAccessors.method(JavaNames.lowerCamel(sc.name() + " credentials")));
      }
    }
  }

  /** Plans every name of {@code api}, its code going to {@code packageName}. */
  public static NamePlan of(ApiModel api, String packageName) {
    return new NamePlan(api, packageName, MAX_NEST_MEMBERS);
  }

  /** As {@link #of(ApiModel, String)}, with another limit on classes nested in one class (for tests). */
  static NamePlan of(ApiModel api, String packageName, int maxNestMembers) {
    return new NamePlan(api, packageName, maxNestMembers);
  }

  private static TooLargeException tooLarge(String pointer, String what, int nested, int max) {
    return new TooLargeException(pointer, "too many operations for one " + what + ": its " + nested
        + " nested resource and request classes would overflow the Java class file's constant pool"
        + " (a class lists each one; at most " + max + " fit)");
  }

  /**
   * @param topLevel where the resources get top-level class names (an API split into a class per
   *     top-level resource), or null to nest them in {@code owner}
   */
  private MemberScope planContainer(
      ClassName owner,
      List<String> enclosing,
      ClassScope classes,
      ClassScope topLevel,
      List<Method> methods,
      List<Resource> resources,
      Set<String> requestReserved,
      String ptr) {
    MemberScope accessors = new MemberScope(OBJECT_METHODS);
    for (Resource r : resources) {
      String rptr = pointer(pointer(ptr, "resources"), r.name());
      String simple;
      ClassName cls;
      List<String> inner;
      if (topLevel != null) {
        simple = topLevel.allocate(className(r.name()), RESOURCE_SUFFIX, true, rptr, nestedLength(r.methods(), r.resources()));
        cls = ClassName.get(packageName, simple);
        inner = List.of(simple);
        topLevelResources.add(r);
      } else {
        simple = classes.allocate(className(r.name()), RESOURCE_SUFFIX, false, rptr, nestedLength(r.methods(), r.resources()));
        cls = owner.nestedClass(simple);
        inner = append(enclosing, simple);
      }
      resourceClasses.put(r, cls);
      resourceAccessors.put(r, accessors.accessor(methodName(r.name()), false));
      planContainer(cls, inner, new ClassScope(Set.copyOf(inner), rptr), null, r.methods(), r.resources(), requestReserved, rptr);
    }
    for (Method m : methods) {
      String mptr = pointer(pointer(ptr, "methods"), m.name());
      String simple = classes.allocate(className(m.name()), "Request", false, mptr, nestedLength(m.enums(), List.of()));
      ClassName cls = owner.nestedClass(simple);
      boolean takesArguments = !m.requiredParameters().isEmpty() || m.request() != null;
      String accessor = accessors.accessor(methodName(m.name()), takesArguments);
      requests.put(m.id(), planMethod(m, cls, accessor, append(enclosing, simple), requestReserved, mptr));
    }
    return accessors;
  }

  private RequestNames planMethod(Method m, ClassName cls, String accessor, List<String> enclosing, Set<String> reserved,
      String mptr) {
    ClassScope nested = new ClassScope(Set.copyOf(enclosing), mptr);
    for (EnumSchema e : m.enums()) {
      planSchema(e, cls.nestedClass(nested.allocate(JavaNames.upperCamel(e.name()), "Enum", false)), List.of(), mptr);
    }
    MemberScope members = new MemberScope(reserved);
    // Media members first: they are fixed API, and a clash is settled by renaming the parameter.
    String setProtocol = null;
    String setListener = null;
    String setChunkSize = null;
    String resume = null;
    String downloadTo = null;
    String asStream = null;
    if (m.mediaUpload() != null) {
      setProtocol = members.preferred("setUploadProtocol", "setMediaUploadProtocol");
      setListener = members.preferred("setProgressListener", "setUploadProgressListener");
      setChunkSize = members.preferred("setChunkSize", "setUploadChunkSize");
      resume = members.preferred("resumeUpload", "resumeMediaUploadAt");
    }
    // A binary response reads like a media download, whatever the verb: one pair of names to learn.
    if (m.mediaDownload() != null || m.binaryResponse() != null) {
      downloadTo = members.preferred("executeMediaAndDownloadTo", "downloadMediaInto");
      asStream = members.preferred("executeMediaAsInputStream", "openMediaInputStream");
    }
    Map<String, MemberNames> names = new LinkedHashMap<>();
    Set<String> args = new HashSet<>(Set.of("client"));
    for (Parameter p : m.parameters()) {
      MemberNames common = commonParams.get(p.name());
      if (common != null && !p.required()) {
        names.put(p.name(), common);
        continue;
      }
      MemberNames mn = members.member(p.name(), isEnum(p.type()));
      String arg = unique(mn.field(), args);
      names.put(p.name(), mn.withField(arg));
    }
    for (Parameter p : m.parameters()) {
      MemberNames n = names.get(p.name());
      if (n != commonParams.get(p.name()) && booleanDefault(p.type(), p.defaultValue()) != null) {
        String isX = members.method("is" + n.getter().substring("get".length()));
        names.put(p.name(), new MemberNames(n.field(), n.getter(), n.setter(), n.rawGetter(), n.rawSetter(), isX, null));
      }
    }
    String contentArg = unique("content", args);
    MediaNames media = null;
    if (m.mediaUpload() != null || m.mediaDownload() != null || m.binaryResponse() != null) {
      String mediaArg = m.mediaUpload() == null ? null : unique("media", args);
      media = new MediaNames(mediaArg, setProtocol, setListener, setChunkSize, resume, downloadTo, asStream);
    }
    return new RequestNames(cls, accessor, names, contentArg, media);
  }

  private void planSchema(Schema s, ClassName cls, List<String> enclosing, String where) {
    schemaClasses.put(s.id(), cls);
    if (s instanceof ObjectSchema o) {
      List<String> chain = enclosing.isEmpty() ? List.copyOf(cls.simpleNames()) : enclosing;
      // Subclasses inherit these member types, which would shadow same-named top-level classes there.
      ClassScope nested = new ClassScope(Set.copyOf(chain), where,
          polymorphism.hasChildren(o.id()) ? topLevelNames : Set.of());
      Set<String> nestedNames = new HashSet<>();
      for (Schema n : o.nested()) {
        String base = n instanceof EnumSchema ? JavaNames.upperCamel(n.name()) : className(n.name());
        String simple = nested.allocate(base, suffix(n), false, where, nestedLength(n));
        nestedNames.add(simple);
        planSchema(n, cls.nestedClass(simple), append(chain, simple), where);
      }
      nestedClassNames.put(s.id(), nestedNames);
      pendingMembers.add(o);
    } else if (s instanceof UnionSchema u) {
      List<String> variants = new ArrayList<>();
      Set<String> used = new HashSet<>();
      for (TypeRef v : u.variants()) {
        variants.add(unique(variantBase(v, 0), used));
      }
      unionVariants.put(s.id(), variants);
      if (polymorphism.isSealed(u.id())) {
        List<String> chain = enclosing.isEmpty() ? List.copyOf(cls.simpleNames()) : enclosing;
        // Variant classes inherit it: it must not shadow a top-level class there.
        ClassScope nested = new ClassScope(Set.copyOf(chain), where, topLevelNames);
        fallbackClasses.put(u.id(), cls.nestedClass(nested.allocate("Unknown", "Variant", false)));
      }
    } else if (s instanceof EnumSchema e) {
      Map<String, String> constants = new LinkedHashMap<>();
      Set<String> used = new HashSet<>(Set.of("VALUE", "$VALUES"));
      for (EnumSchema.EnumValue v : e.values()) {
        if (!constants.containsKey(v.value())) {
          // Integer values as openapi-generator names them: NUMBER_1, NUMBER_MINUS_1.
          String base = !e.integer() ? JavaNames.upperSnake(v.value())
              : "NUMBER_" + (v.value().startsWith("-") ? "MINUS_" + v.value().substring(1) : v.value());
          constants.put(v.value(), unique(base, used));
        }
      }
      enums.put(s.id(), new EnumNames(constants, unique("UNRECOGNIZED", used)));
    }
  }

  /**
   * Plans the members of an object after its parent's: a child's accessors never take a name an
   * ancestor's accessor has (that would override it, likely with another type).
   */
  private MemberScope planMembers(ObjectSchema o, Set<String> planning) {
    MemberScope done = memberScopes.get(o.id());
    if (done != null) {
      return done;
    }
    Set<String> reserved = new HashSet<>(MODEL_METHODS);
    // A field named like a nested class would obscure it ("_1.fromValue(...)" finds the field).
    Set<String> reservedFields = new HashSet<>(nestedClassNames.getOrDefault(o.id(), Set.of()));
    if (o.parent() != null && index.get(o.parent()) instanceof ObjectSchema parent && planning.add(o.id())) {
      MemberScope inherited = planMembers(parent, planning);
      reserved.addAll(inherited.methods);
      // Jackson groups fields by Java name before their JSON names: a child's field never reuses one.
      reservedFields.addAll(inherited.allFields);
    }
    MemberScope members = new MemberScope(reserved, reservedFields);
    members.allFields.addAll(reservedFields);
    Map<String, MemberNames> names = new LinkedHashMap<>();
    for (Property p : o.properties()) {
      names.put(p.name(), members.member(p.name(), isEnum(p.type())));
    }
    // Later additions come after every accessor, so that they rename none: explicit nulls, then defaults.
    for (Property p : o.properties()) {
      if (p.nullable() && !p.readOnly()) { // read-only ones are never sent, so never sent as null
        MemberNames n = names.get(p.name());
        String base = n.setter().substring("set".length());
        NullNames nulls = new NullNames(
            members.method("read" + base), members.method("clear" + base), members.method("is" + base + "Null"));
        names.put(p.name(), new MemberNames(n.field(), n.getter(), n.setter(), n.rawGetter(), n.rawSetter(), null, nulls));
      }
    }
    for (Property p : o.properties()) {
      if (booleanDefault(p.type(), p.defaultValue()) != null) {
        MemberNames n = names.get(p.name());
        String isX = members.method("is" + n.getter().substring("get".length()));
        names.put(p.name(), new MemberNames(n.field(), n.getter(), n.setter(), n.rawGetter(), n.rawSetter(), isX, n.nulls()));
      }
    }
    properties.put(o.id(), names);
    memberScopes.put(o.id(), members);
    return members;
  }

  /** A readable name for a union variant: {@code Dog}, {@code String}, {@code DogList}. */
  private String variantBase(TypeRef t, int depth) {
    if (depth > 8) {
      return "Value";
    }
    if (t instanceof TypeRef.Named n) {
      Schema s = index.get(n.schemaId());
      return s == null ? "Value" : JavaNames.upperCamel(s.name());
    } else if (t instanceof TypeRef.ListOf l) {
      return variantBase(l.element(), depth + 1) + "List";
    } else if (t instanceof TypeRef.MapOf m) {
      return variantBase(m.value(), depth + 1) + "Map";
    } else if (t instanceof TypeRef.Primitive p) {
      return switch (p.kind()) {
        case INT32 -> "Integer";
        case UINT32, INT64, INT64_NUMBER -> "Long";
        case UINT64 -> "BigInteger";
        case BYTES, BYTES_URL_SAFE, BINARY -> "Bytes";
        default -> JavaNames.upperCamel(p.kind().name().toLowerCase(Locale.ROOT));
      };
    }
    return "Value";
  }

  /** Whether a type is an enum, or a list or map of one: such members get typed and raw accessors. */
  boolean isEnum(TypeRef t) {
    // As the emitters decide it: through aliases ("kinds": {"$ref": "Kinds"}, Kinds an array of an enum).
    return Schemas.enumOf(t, index) != null;
  }

  /**
   * The boolean default of a property or parameter ({@code "default": "true"}), or null: such a
   * member gets {@code isX()}, the value or else the default.
   */
  Boolean booleanDefault(TypeRef type, String defaultValue) {
    if (defaultValue == null || isEnum(type)
        || !(Schemas.resolve(type, index) instanceof TypeRef.Primitive prim)
        || prim.kind() != TypeRef.Kind.BOOLEAN) {
      return null;
    }
    return switch (defaultValue) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> null;
    };
  }

  /**
   * A class name from spec text, with the API's name in front of an {@link #OFFICIAL_RESERVED} one:
   * for the classes Google's clients have too (schemas, resources, methods), not for enums of
   * parameters or nested enums, which they do not have.
   */
  private String className(String specName) {
    String n = JavaNames.upperCamel(specName);
    return OFFICIAL_RESERVED.contains(n.toLowerCase(Locale.ROOT)) ? classPrefix + n : n;
  }

  /** A resource or request accessor name, with the API's name in front of an {@link #OFFICIAL_RESERVED} one. */
  private String methodName(String specName) {
    return OFFICIAL_RESERVED.contains(specName.toLowerCase(Locale.ROOT))
        ? methodPrefix + JavaNames.memberBase(specName)
        : JavaNames.lowerCamel(specName);
  }

  /**
   * The longest tail ({@code $Inner$Deeper}) the classes nested in a schema's class add to its
   * class file names, at their full names: room its own name leaves them if it can.
   */
  private int nestedLength(Schema s) {
    int n = 0;
    if (s instanceof ObjectSchema o) {
      for (Schema inner : o.nested()) {
        n = Math.max(n, 1 + className(inner.name()).length() + nestedLength(inner));
      }
    } else if (s instanceof UnionSchema) {
      n = 1 + "UnknownVariant".length();
    }
    return n;
  }

  /** As {@link #nestedLength(Schema)}, for a resource's or a method's classes (the enums of a method). */
  private int nestedLength(List<?> methodsOrEnums, List<Resource> resources) {
    int n = 0;
    for (Object o : methodsOrEnums) {
      n = Math.max(n, o instanceof Method m
          ? 1 + className(m.name()).length() + nestedLength(m.enums(), List.of())
          : 1 + className(((Schema) o).name()).length());
    }
    for (Resource r : resources) {
      n = Math.max(n, 1 + className(r.name()).length() + nestedLength(r.methods(), r.resources()));
    }
    return n;
  }

  private static String suffix(Schema s) {
    return s instanceof EnumSchema ? "Enum" : "Model";
  }

  private static String scopeConstantName(String url) {
    String s = url;
    for (String prefix : List.of("https://www.googleapis.com/auth/", "https://", "http://")) {
      if (s.startsWith(prefix)) {
        s = s.substring(prefix.length());
        break;
      }
    }
    return JavaNames.upperSnake(s);
  }

  /** Appends {@code key} to a JSON pointer (RFC 6901). */
  private static String pointer(String parent, String key) {
    return parent + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  private static String unique(String base, Set<String> used) {
    String n = base;
    for (int k = 2; !used.add(n); k++) {
      n = base + k;
    }
    return n;
  }

  private static List<String> append(List<String> list, String s) {
    List<String> out = new ArrayList<>(list);
    out.add(s);
    return out;
  }

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    Set<String> out = new HashSet<>();
    for (Set<String> s : sets) {
      out.addAll(s);
    }
    return Set.copyOf(out);
  }

  /**
   * The longest class file name, in bytes ({@code Outer$Inner$Request.class}): the file name limit
   * of common file systems (ext4, APFS, NTFS). Class names are ASCII, one byte a character.
   */
  static final int MAX_FILE_NAME = 255;

  /**
   * The longest binary name of a class below its package ({@code Outer$Inner$Request}): a class
   * name is cut only where its class file name would pass {@link #MAX_FILE_NAME}.
   */
  static final int MAX_BINARY_NAME = MAX_FILE_NAME - ".class".length();

  /** Length of the hash that ends a shortened class name. */
  private static final int HASH_CHARS = 6;

  /** A short stable hash of a name (FNV-1a, 32 bits), as upper-case base-36 digits. */
  static String hash(String s) {
    int h = 0x811c9dc5;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x01000193;
    }
    String digits = Long.toString(h & 0xffffffffL, 36).toUpperCase(Locale.ROOT);
    return "0".repeat(Math.max(0, HASH_CHARS - digits.length())) + digits.substring(Math.max(0, digits.length() - HASH_CHARS));
  }

  /** Below this much room for a nested class name, nesting is too deep to name. */
  private static final int MIN_CLASS_NAME = 8;

  /** An enclosing class's name is never cut below this for the room of its nested classes. */
  private static final int MIN_ENCLOSING_NAME = 48;

  /**
   * Classes nested so deeply (resources in resources, inline objects in inline objects) that
   * their class files could not be named on common file systems.
   */
  public static class UnsupportedShapeException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String pointer;

    UnsupportedShapeException(String pointer, String message) {
      super(message);
      this.pointer = pointer;
    }

    /** The JSON pointer of the element that could not be turned into classes. */
    public String pointer() {
      return pointer;
    }
  }

  /** Nested too deeply for Java class file names. */
  public static final class TooDeepException extends UnsupportedShapeException {
    private static final long serialVersionUID = 1L;

    TooDeepException(String pointer) {
      super(pointer, "nested too deeply to generate: the Java class file names would exceed file system limits");
    }
  }

  /** More classes than one Java class can hold as nest members. */
  public static final class TooLargeException extends UnsupportedShapeException {
    private static final long serialVersionUID = 1L;

    TooLargeException(String pointer, String message) {
      super(pointer, message);
    }
  }

  /**
   * Classes nested in one top-level class, at any depth: a nest host lists every one in its
   * NestMembers and InnerClasses attributes, about three of the class file's 65,535 constant-pool
   * entries each, so at most ~21,800 fit. Microsoft Graph v1.0 (21,089 nested classes) fits in its
   * service class; Graph beta (40,928) gets a class per top-level resource instead.
   */
  public static final int MAX_NEST_MEMBERS = 21_500;

  private static int nestedClassCount(List<Method> methods, List<Resource> resources) {
    int n = 0;
    for (Method m : methods) {
      n += 1 + m.enums().size();
    }
    for (Resource r : resources) {
      n += 1 + nestedClassCount(r.methods(), r.resources());
    }
    return n;
  }

  /**
   * Class names of one scope: unique case-insensitively, never an enclosing class's name, short
   * enough that the class file name fits any file system.
   */
  private static final class ClassScope {
    private final Set<String> enclosing;
    private final Set<String> avoid;
    private final Set<String> takenLower = new HashSet<>();
    private final int budget;
    private final String where;

    /** @param where the JSON pointer of what declares these classes, for the too-deep problem */
    ClassScope(Set<String> enclosing, String where) {
      this(enclosing, where, Set.of());
    }

    /** @param avoid further names not to take (they do not count against the length budget) */
    ClassScope(Set<String> enclosing, String where, Set<String> avoid) {
      this.avoid = avoid;
      this.enclosing = enclosing;
      this.where = where;
      int used = 0;
      for (String e : enclosing) {
        used += e.length() + 1;
      }
      this.budget = MAX_BINARY_NAME - used;
    }

    String allocate(String base, String suffix, boolean topLevel) {
      return allocate(base, suffix, topLevel, where);
    }

    String allocate(String base, String suffix, boolean topLevel, String ptr) {
      return allocate(base, suffix, topLevel, ptr, 0);
    }

    /**
     * @param ptr where the class's spec element is, for the too-deep problem
     * @param nested the length its nested classes add to class file names: the name leaves them
     *     that room, unless that cuts it below {@link #MIN_ENCLOSING_NAME}
     */
    String allocate(String base, String suffix, boolean topLevel, String ptr, int nested) {
      if (budget < MIN_CLASS_NAME) {
        throw new TooDeepException(ptr);
      }
      int room = Math.max(Math.min(budget, MIN_ENCLOSING_NAME), budget - nested);
      String n = fit(base, "", room);
      if (clashes(n, topLevel)) {
        n = fit(base, suffix, room);
      }
      for (int k = 2; clashes(n, topLevel); k++) {
        n = fit(base, suffix + k, room);
      }
      takenLower.add(n.toLowerCase(Locale.ROOT));
      if (JavaNames.JAVA_LANG.contains(n)) {
        javaLangNames.add(n);
      }
      return n;
    }

    /** The names taken that are also {@code java.lang} classes ({@code Thread}): legal, but they shadow them. */
    final Set<String> javaLangNames = new java.util.TreeSet<>();

    /**
     * {@code base + tail} within the budget: a base too long keeps its start and ends with a
     * hash of the whole of it, so long names that share a start still differ, and each one's
     * shortening depends on nothing else in the document.
     */
    private static String fit(String base, String tail, int budget) {
      int room = Math.max(HASH_CHARS + 1, budget - tail.length());
      return (base.length() > room ? base.substring(0, room - HASH_CHARS) + hash(base) : base) + tail;
    }

    private boolean clashes(String n, boolean topLevel) {
      return enclosing.contains(n)
          || avoid.contains(n)
          || takenLower.contains(n.toLowerCase(Locale.ROOT))
          || (topLevel && JavaNames.isWindowsDeviceName(n))
          || JavaNames.KEYWORDS.contains(n);
    }
  }

  /** Members of one class: fields unique, accessor methods unique and never an inherited name. */
  private static final class MemberScope {
    private final Set<String> methods;
    private final Set<String> fields = new HashSet<>();

    MemberScope(Set<String> reserved) {
      this(reserved, Set.of());
    }

    MemberScope(Set<String> reserved, Set<String> reservedFields) {
      this.methods = new HashSet<>(reserved);
      this.fields.addAll(reservedFields);
    }

    /**
     * A resource or request accessor's name: one taking arguments may take the name of a
     * no-argument method of {@code Object}, which it overloads ({@code clone(String, Instance)});
     * any may take a contextual keyword ({@code record()}).
     */
    String accessor(String name, boolean takesArguments) {
      boolean overload = takesArguments && OVERLOADABLE_OBJECT_METHODS.contains(name) && !overloads.contains(name);
      // record(...), open(...): legal method names, as in Google's clients
      boolean contextual = JavaNames.CONTEXTUAL_KEYWORDS.contains(name) && !methods.contains(name);
      if (overload || contextual) {
        overloads.add(name);
        methods.add(name);
        return name;
      }
      return method(name);
    }

    private final Set<String> overloads = new HashSet<>();

    String method(String name) {
      String n = JavaNames.escapeMember(name);
      if (methods.contains(n)) {
        n = n + "_";
      }
      return unique(n, methods);
    }

    /** The first of {@code candidates} still free, else the last one made unique. */
    String preferred(String... candidates) {
      for (String c : candidates) {
        if (!methods.contains(c)) {
          methods.add(c);
          return c;
        }
      }
      return method(candidates[candidates.length - 1]);
    }

    /** The fields of this class and of its ancestors. */
    final Set<String> allFields = new HashSet<>();

    MemberNames member(String wireName, boolean enumAccessors) {
      String base = JavaNames.memberBase(wireName);
      if (base.startsWith("_")) {
        base = base.substring(1); // getters may start with a digit after "get"
      }
      String b = base;
      for (int k = 1; !free(b, enumAccessors); k++) {
        b = k == 1 ? base + "_" : base + k;
      }
      String getter = "get" + b;
      String setter = "set" + b;
      methods.add(getter);
      methods.add(setter);
      String rawGetter = null;
      String rawSetter = null;
      if (enumAccessors) {
        rawGetter = getter + "Value";
        rawSetter = setter + "Value";
        methods.add(rawGetter);
        methods.add(rawSetter);
      }
      String field = unique(JavaNames.escapeMember(JavaNames.lowerCamel(wireName)), fields);
      allFields.add(field);
      return new MemberNames(field, getter, setter, rawGetter, rawSetter);
    }

    private boolean free(String base, boolean enumAccessors) {
      if (methods.contains("get" + base) || methods.contains("set" + base)) {
        return false;
      }
      return !enumAccessors || !(methods.contains("get" + base + "Value") || methods.contains("set" + base + "Value"));
    }
  }

  /** Who extends and implements what: decided with the names, for the emitters. */
  Polymorphism polymorphism() {
    return polymorphism;
  }

  public String packageName() {
    return packageName;
  }

  /** The package of the model classes, enums and unions: {@code <package>.model}. */
  public String modelPackage() {
    return modelPackage;
  }

  public ClassName service() {
    return service;
  }

  public ClassName baseRequest() {
    return baseRequest;
  }

  public ClassName scopesClass() {
    return scopesClass;
  }

  /** The class of an object or enum schema (top-level, nested, or a parameter enum). */
  public ClassName schemaClass(String schemaId) {
    ClassName c = schemaClasses.get(schemaId);
    if (c == null) {
      throw new IllegalStateException("no class planned for schema " + schemaId);
    }
    return c;
  }

  public MemberNames property(String schemaId, String wireName) {
    return properties.get(schemaId).get(wireName);
  }

  /** The explicit-null members of a nullable property, or null for other properties. */
  public NullNames nullable(String schemaId, String wireName) {
    return property(schemaId, wireName).nulls();
  }

  /**
   * Top-level classes named like a {@code java.lang} class ({@code Thread} in Gmail, {@code Error}):
   * they shadow it in their package and where imported, so every file of both packages writes that
   * {@code java.lang} class fully qualified (JavaPoet's {@code alwaysQualify}).
   */
  public Set<String> javaLangShadows() {
    return union(top.javaLangNames, models.javaLangNames);
  }

  /** Names of an enum schema's constants (a top-level, nested or parameter enum). */
  public EnumNames enumNames(String enumId) {
    return enums.get(enumId);
  }

  public String enumConstant(String enumId, String wireValue) {
    return enums.get(enumId).constants().get(wireValue);
  }

  public String unknownConstant(String enumId) {
    return enums.get(enumId).unknown();
  }

  public ClassName resourceClass(Resource resource) {
    return resourceClasses.get(resource);
  }

  /**
   * The resources that are top-level classes of their own, each in its own file: none, unless the
   * API has more classes than fit nested in one service class; then each top-level resource.
   */
  public List<Resource> topLevelResources() {
    return List.copyOf(topLevelResources);
  }

  public String resourceAccessor(Resource resource) {
    return resourceAccessors.get(resource);
  }

  /** Names of a method's request class and its members. */
  public RequestNames request(String methodId) {
    return requests.get(methodId);
  }

  public ClassName requestClass(String methodId) {
    RequestNames r = requests.get(methodId);
    return r == null ? null : r.requestClass();
  }

  public String requestAccessor(String methodId) {
    RequestNames r = requests.get(methodId);
    return r == null ? null : r.accessor();
  }

  /** Names of a method's parameter; for an optional parameter the API declares for every method, the common names. */
  public MemberNames param(String methodId, String wireName) {
    return requests.get(methodId).params().get(wireName);
  }

  public boolean isCommonParam(String methodId, String wireName) {
    return commonParams.get(wireName) == param(methodId, wireName);
  }

  public String contentArg(String methodId) {
    RequestNames r = requests.get(methodId);
    return r == null ? null : r.contentArg();
  }

  /** Names of a method's media members, or null when it neither uploads nor downloads media. */
  public MediaNames media(String methodId) {
    RequestNames r = requests.get(methodId);
    return r == null ? null : r.media();
  }

  /** The service class's accessor of a new batch, or null when the API has no batch endpoint. */
  public String batchAccessor() {
    return batchAccessor;
  }

  public MemberNames commonParam(String wireName) {
    return commonParams.get(wireName);
  }

  /**
   * Whether a union is a sealed interface its variant classes implement (a discriminated union of
   * objects), rather than a class that keeps the JSON.
   */
  public boolean isSealedUnion(String unionId) {
    return polymorphism.isSealed(unionId);
  }

  /** For a sealed union: each variant's object id to the discriminator values that select it. */
  public Map<String, List<String>> discriminatorValues(String unionId) {
    return polymorphism.discriminatorValues((UnionSchema) polymorphism.schema(unionId));
  }

  /** The sealed unions an object's class implements itself (not through its parent). */
  public List<String> sealedUnionsOf(String objectId) {
    return polymorphism.interfacesOf(objectId);
  }

  /** Names of a union's variants, in order: {@code isX}, {@code asX}, {@code ofX} use them. */
  public List<String> unionVariants(String unionId) {
    return unionVariants.get(unionId);
  }

  /**
   * The class a sealed union (see {@link Polymorphism}) decodes to when the discriminator names
   * no known variant: it keeps the JSON.
   */
  public ClassName unknownVariantClass(String unionId) {
    return fallbackClasses.get(unionId);
  }

  /** The service's static method making credentials for an API-key security scheme, or null. */
  public String securityMethod(String schemeName) {
    return securityMethods.get(schemeName);
  }

  public String scopeConstant(String url) {
    return scopeConstants.get(url);
  }
}
