package io.discogen.diff;

import com.palantir.javapoet.ClassName;
import io.discogen.diff.Location.Area;
import io.discogen.diff.Location.Names;
import io.discogen.ir.AliasSchema;
import io.discogen.ir.ApiModel;
import io.discogen.ir.EnumSchema;
import io.discogen.ir.Endpoints;
import io.discogen.ir.MediaUpload;
import io.discogen.ir.Method;
import io.discogen.ir.ObjectSchema;
import io.discogen.ir.Parameter;
import io.discogen.ir.Property;
import io.discogen.ir.Resource;
import io.discogen.ir.Schema;
import io.discogen.ir.Scope;
import io.discogen.java.NamePlan.MemberNames;
import io.discogen.java.RuntimeNames;
import io.discogen.spec.SpecException;
import io.discogen.spec.SpecProblem;
import io.discogen.spec.SpecReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Compares two revisions of an API at the level of the Java client generated from them, and says
 * what changed and whether it breaks users.
 *
 * <pre>{@code
 * DiffReport report = ApiDiff.compare(SpecReader.read(oldPath, "old.json"),
 *                                     SpecReader.read(newPath, "new.json"));
 * if (report.hasBreaking()) { ... }                  // suggestedBump() == MAJOR
 * Files.writeString(changelog, report.toMarkdown());  // or toJson()
 * }</pre>
 *
 * <p>Both sides are IR models, so any input format the {@code SpecReader} accepts can be compared.
 * Java names come from {@code NamePlan} and Java types from {@code TypeMapper}, exactly as the
 * generator chooses them; a name that changes only because of a new clashing neighbour is reported
 * as a rename. {@link ChangeKind} lists the kinds of change and their severities. Elements are
 * matched by spec name: schemas by id, properties, parameters and enum values by wire name,
 * resources by path, methods by id. The report's order is deterministic (see {@link DiffReport}).
 */
public final class ApiDiff {
  private static final String ITERATE_ALL = RuntimeNames.ITERATE_ALL + "()";
  private static final String EXECUTE_AND_WAIT = RuntimeNames.EXECUTE_AND_WAIT + "()";
  private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());

  /** Groups, then breaking first, then by element (spec names), then kind and values. */
  static final Comparator<Change> ORDER =
      Comparator.<Change, Area>comparing(c -> c.where().area())
          .thenComparing(c -> c.where().group(), TEXT)
          .thenComparing(Change::severity)
          .thenComparing(c -> c.where().spec().resource(), TEXT)
          .thenComparing(c -> c.where().spec().method(), TEXT)
          .thenComparing(c -> c.where().spec().parameter(), TEXT)
          .thenComparing(c -> c.where().spec().schema(), TEXT)
          .thenComparing(c -> c.where().spec().member(), TEXT)
          .thenComparing(Change::kind)
          .thenComparing(Change::oldValue, TEXT)
          .thenComparing(Change::newValue, TEXT)
          .thenComparing(Change::description, TEXT);

  private final JavaView a;
  private final JavaView b;
  private final List<Change> out = new ArrayList<>();

  private ApiDiff(JavaView oldView, JavaView newView) {
    this.a = oldView;
    this.b = newView;
  }

  /**
   * Compares two revisions of an API.
   *
   * @param oldApi the revision users' code was written against
   * @param newApi the revision to regenerate from
   * @return every change, classified, in a deterministic order
   */
  public static DiffReport compare(ApiModel oldApi, ApiModel newApi) {
    Objects.requireNonNull(oldApi, "oldApi");
    Objects.requireNonNull(newApi, "newApi");
    ApiDiff d = new ApiDiff(new JavaView(oldApi), new JavaView(newApi));
    d.service();
    d.resources();
    d.models();
    List<Change> sorted = new ArrayList<>(d.out);
    sorted.sort(ORDER);
    return new DiffReport(DiffReport.ApiInfo.of(oldApi), DiffReport.ApiInfo.of(newApi), sorted);
  }

  /**
   * Reads two spec files and compares them. Display paths are the paths as given.
   *
   * @throws SpecException listing the problems of both files, each one line, when either is rejected
   */
  public static DiffReport compare(Path oldSpec, Path newSpec) throws SpecException {
    List<SpecProblem> problems = new ArrayList<>();
    ApiModel oldApi = read(oldSpec, problems);
    ApiModel newApi = read(newSpec, problems);
    if (!problems.isEmpty()) {
      throw new SpecException(problems);
    }
    return compare(oldApi, newApi);
  }

  private static ApiModel read(Path spec, List<SpecProblem> problems) {
    try {
      return SpecReader.read(spec, spec.toString());
    } catch (SpecException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  // ---------------------------------------------------------------- API-wide

  private void service() {
    Location loc = new Location(Area.API, "", Names.NONE, new Names(null, null, null, b.serviceClass(), null));
    if (!a.serviceClass().equals(b.serviceClass())) {
      add(ChangeKind.SERVICE_RENAMED, loc, a.serviceClass(), b.serviceClass(),
          "Service class " + code(a.serviceClass()) + " renamed to " + code(b.serviceClass()));
    }
    Endpoints ea = a.api.endpoints();
    Endpoints eb = b.api.endpoints();
    endpoint(loc, "rootUrl", ea.rootUrl(), eb.rootUrl());
    endpoint(loc, "mtlsRootUrl", ea.mtlsRootUrl(), eb.mtlsRootUrl());
    endpoint(loc, "servicePath", ea.servicePath(), eb.servicePath());
    endpoint(loc, "batchPath", ea.batchPath(), eb.batchPath());

    Map<String, Scope> sa = byKey(a.api.scopes(), Scope::url);
    Map<String, Scope> sb = byKey(b.api.scopes(), Scope::url);
    for (String url : sa.keySet()) {
      String constant = "Scopes." + a.names.scopeConstant(url);
      if (!sb.containsKey(url)) {
        add(ChangeKind.SCOPE_REMOVED, loc.withMember(url, constant), url, null,
            "Scope " + code(url) + " removed (constant " + code(constant) + ")");
      } else if (!constant.equals("Scopes." + b.names.scopeConstant(url))) {
        String now = "Scopes." + b.names.scopeConstant(url);
        add(ChangeKind.SCOPE_RENAMED, loc.withMember(url, now), constant, now,
            "Constant of scope " + code(url) + " renamed from " + code(constant) + " to " + code(now));
      }
    }
    for (String url : sb.keySet()) {
      if (!sa.containsKey(url)) {
        String constant = "Scopes." + b.names.scopeConstant(url);
        add(ChangeKind.SCOPE_ADDED, loc.withMember(url, constant), null, url,
            "Scope " + code(url) + " added (constant " + code(constant) + ")");
      }
    }

    Location params = new Location(Area.API, "", Names.NONE,
        new Names(null, null, null, JavaView.className(b.names.baseRequest()), null));
    parameters(params, null, a.api.commonParameters(), b.api.commonParameters());
  }

  private void endpoint(Location loc, String field, String was, String now) {
    if (!Objects.equals(was, now)) {
      add(ChangeKind.ENDPOINT_CHANGED, loc.withMember(field, null), was, now,
          field + " changed from " + code(was) + " to " + code(now));
    }
  }

  // ---------------------------------------------------------------- resources and methods

  private void resources() {
    for (Resource r : a.resources.values()) {
      Resource now = b.resources.get(r.path());
      if (now == null) {
        if (topmost(r.path(), b.resources)) {
          add(ChangeKind.RESOURCE_REMOVED, resourceLoc(a, r.path()), r.path(), null,
              "Resource " + code(r.path()) + " removed (" + code(a.resourceChain(r.path())) + ")");
        }
        continue;
      }
      String wasAccessor = a.names.resourceAccessor(r);
      String nowAccessor = b.names.resourceAccessor(now);
      String wasClass = resourceClassLabel(a.names.resourceClass(r));
      String nowClass = resourceClassLabel(b.names.resourceClass(now));
      if (!wasAccessor.equals(nowAccessor) || !wasClass.equals(nowClass)) {
        String was = wasAccessor + "() / " + wasClass;
        String is = nowAccessor + "() / " + nowClass;
        add(ChangeKind.RESOURCE_RENAMED, resourceLoc(b, r.path()), was, is,
            "Resource " + code(r.path()) + ": accessor and class " + code(was) + " are now " + code(is));
      }
    }
    for (Resource r : b.resources.values()) {
      if (!a.resources.containsKey(r.path()) && topmost(r.path(), a.resources)) {
        add(ChangeKind.RESOURCE_ADDED, resourceLoc(b, r.path()), null, r.path(),
            "Resource " + code(r.path()) + " added (" + code(b.resourceChain(r.path())) + ")");
      }
    }
    for (Method m : a.methods.values()) {
      if (!b.methods.containsKey(m.id())) {
        add(ChangeKind.METHOD_REMOVED, methodLoc(a, m.id()), m.id(), null,
            "Method " + code(m.id()) + " removed (" + code(a.methodCall(m.id())) + ")");
      }
    }
    for (Method m : b.methods.values()) {
      Method was = a.methods.get(m.id());
      if (was == null) {
        add(ChangeKind.METHOD_ADDED, methodLoc(b, m.id()), null, m.id(),
            "Method " + code(m.id()) + " added (" + code(b.methodCall(m.id())) + ")");
      } else {
        method(was, m);
      }
    }
  }

  /**
   * A resource class's name, marked when it is a top-level class (an API too large for one service
   * class): moving out of the service class changes the name users import.
   */
  private static String resourceClassLabel(ClassName c) {
    return c.enclosingClassName() == null ? c.simpleName() + " (top-level)" : c.simpleName();
  }

  /** Whether a path missing from {@code other} has its parent there (only the top of a removed subtree counts). */
  private static boolean topmost(String path, Map<String, Resource> other) {
    int dot = path.lastIndexOf('.');
    return dot < 0 || other.containsKey(path.substring(0, dot));
  }

  private void method(Method ma, Method mb) {
    String id = mb.id();
    Location loc = methodLoc(b, id);
    String m = "Method " + code(id);

    String wasCall = a.methodCall(id);
    String nowCall = b.methodCall(id);
    String wasClass = a.names.requestClass(id).simpleName();
    String nowClass = b.names.requestClass(id).simpleName();
    if (!a.names.requestAccessor(id).equals(b.names.requestAccessor(id)) || !wasClass.equals(nowClass)) {
      add(ChangeKind.METHOD_RENAMED, loc, wasCall + " / " + wasClass, nowCall + " / " + nowClass,
          m + ": " + code(wasCall) + " (class " + code(wasClass) + ") is now " + code(nowCall)
              + " (class " + code(nowClass) + ")");
    }
    if (!ma.httpMethod().equals(mb.httpMethod())) {
      add(ChangeKind.HTTP_METHOD_CHANGED, loc, ma.httpMethod(), mb.httpMethod(),
          m + " now sends " + code(mb.httpMethod()) + " instead of " + code(ma.httpMethod()));
    }
    if (!ma.path().equals(mb.path())) {
      add(ChangeKind.PATH_CHANGED, loc, ma.path(), mb.path(),
          m + ": path " + code(ma.path()) + " is now " + code(mb.path()));
    }
    if (ma.request() == null && mb.request() != null) {
      String t = b.type(mb.request());
      add(ChangeKind.REQUEST_BODY_ADDED, loc, null, t,
          m + " now takes a " + code(t) + " body: " + code(nowCall) + " has a new argument");
    } else if (ma.request() != null && mb.request() == null) {
      String t = a.type(ma.request());
      add(ChangeKind.REQUEST_BODY_REMOVED, loc, t, null,
          m + " no longer takes a " + code(t) + " body: " + code(nowCall) + " lost an argument");
    } else if (ma.request() != null) {
      String was = a.type(ma.request());
      String now = b.type(mb.request());
      if (!a.typeKey(ma.request()).equals(b.typeKey(mb.request()))) {
        add(ChangeKind.REQUEST_TYPE_CHANGED, loc, was, now,
            m + ": body type " + code(was) + " is now " + code(now));
      }
    }
    String wasResponse = ma.response() == null ? "Void" : a.type(ma.response());
    String nowResponse = mb.response() == null ? "Void" : b.type(mb.response());
    String wasKey = ma.response() == null ? "Void" : a.typeKey(ma.response());
    String nowKey = mb.response() == null ? "Void" : b.typeKey(mb.response());
    if (!wasKey.equals(nowKey)) {
      add(ChangeKind.RESPONSE_TYPE_CHANGED, loc, wasResponse, nowResponse,
          m + ": " + code(RuntimeNames.EXECUTE + "()") + " returns " + code(nowResponse) + " instead of " + code(wasResponse));
    }
    for (String s : ma.scopes()) {
      if (!mb.scopes().contains(s)) {
        add(ChangeKind.METHOD_SCOPE_REMOVED, loc.withMember(s, null), s, null,
            m + " no longer accepts scope " + code(s));
      }
    }
    for (String s : mb.scopes()) {
      if (!ma.scopes().contains(s)) {
        add(ChangeKind.METHOD_SCOPE_ADDED, loc.withMember(s, null), null, s, m + " now also accepts scope " + code(s));
      }
    }
    media(loc, m, ma, mb);
    boolean wasPaged = JavaView.iterable(ma);
    boolean nowPaged = JavaView.iterable(mb);
    if (wasPaged && !nowPaged) {
      add(ChangeKind.PAGINATION_REMOVED, loc, ITERATE_ALL, null, m + " no longer pages: " + code(ITERATE_ALL) + " is gone");
    } else if (!wasPaged && nowPaged) {
      add(ChangeKind.PAGINATION_ADDED, loc, null, ITERATE_ALL, m + " now pages: " + code(ITERATE_ALL) + " added");
    }
    if (JavaView.waitable(ma) && !JavaView.waitable(mb)) {
      add(ChangeKind.LONG_RUNNING_REMOVED, loc, EXECUTE_AND_WAIT, null,
          m + " no longer returns a long-running operation: " + code(EXECUTE_AND_WAIT) + " is gone");
    } else if (!JavaView.waitable(ma) && JavaView.waitable(mb)) {
      add(ChangeKind.LONG_RUNNING_ADDED, loc, null, EXECUTE_AND_WAIT,
          m + " now returns a long-running operation: " + code(EXECUTE_AND_WAIT) + " added");
    }
    if (!Objects.equals(ma.requestIdParameter(), mb.requestIdParameter())) {
      add(ChangeKind.REQUEST_ID_CHANGED, loc, ma.requestIdParameter(), mb.requestIdParameter(),
          m + ": the parameter that de-duplicates retries is now " + code(mb.requestIdParameter())
              + " (was " + code(ma.requestIdParameter()) + ")");
    }
    if (!ma.deprecated() && mb.deprecated()) {
      add(ChangeKind.DEPRECATED, loc, null, "deprecated", m + " (" + code(nowCall) + ") is now deprecated");
    }
    parameters(loc, id, ma.parameters(), mb.parameters());
  }

  private void media(Location loc, String m, Method ma, Method mb) {
    MediaUpload ua = ma.mediaUpload();
    MediaUpload ub = mb.mediaUpload();
    if (ua != null && ub == null) {
      add(ChangeKind.MEDIA_UPLOAD_REMOVED, loc, describe(ua), null, m + " no longer supports media upload");
    } else if (ua == null && ub != null) {
      add(ChangeKind.MEDIA_UPLOAD_ADDED, loc, null, describe(ub), m + " now supports media upload");
    } else if (ua != null && !describe(ua).equals(describe(ub))) {
      add(ChangeKind.MEDIA_UPLOAD_CHANGED, loc, describe(ua), describe(ub),
          m + ": media upload " + code(describe(ua)) + " is now " + code(describe(ub)));
    }
    if (downloads(ma) && !downloads(mb)) {
      add(ChangeKind.MEDIA_DOWNLOAD_REMOVED, loc, "mediaDownload", null, m + " no longer supports media download");
    } else if (!downloads(ma) && downloads(mb)) {
      add(ChangeKind.MEDIA_DOWNLOAD_ADDED, loc, null, "mediaDownload", m + " now supports media download");
    }
  }

  /** Whether the client has download methods for {@code m}: a media download or a binary response. */
  private static boolean downloads(Method m) {
    return m.mediaDownload() != null || m.binaryResponse() != null;
  }

  private static String describe(MediaUpload u) {
    return "accept=" + u.accept() + ", maxSize=" + u.maxSize() + ", simple=" + u.simplePath()
        + (u.multipart() ? " (multipart)" : "") + ", resumable=" + u.resumablePath();
  }

  /** Parameters of one method ({@code methodId} non-null) or the API-wide ones. */
  private void parameters(Location loc, String methodId, List<Parameter> pa, List<Parameter> pb) {
    Map<String, Parameter> byA = byKey(pa, Parameter::name);
    Map<String, Parameter> byB = byKey(pb, Parameter::name);
    String owner = methodId == null ? "API-wide parameter " : "Parameter ";
    String of = methodId == null ? "" : " of " + code(methodId);
    String call = methodId == null ? null : b.methodCall(methodId);
    for (Parameter p : pa) {
      if (!byB.containsKey(p.name())) {
        MemberNames n = paramNames(a, methodId, p.name());
        String what = owner + code(p.name()) + of;
        add(ChangeKind.PARAMETER_REMOVED, loc.withParameter(p.name(), n.setter()), a.type(p.type()), null,
            what + " removed (" + (p.required() && call != null ? "an argument of " + code(call) : code(n.setter())) + ")");
      }
    }
    for (Parameter p : pb) {
      MemberNames n = paramNames(b, methodId, p.name());
      Location at = loc.withParameter(p.name(), n.setter());
      String what = owner + code(p.name()) + of;
      String type = b.type(p.type());
      Parameter was = byA.get(p.name());
      if (was == null) {
        if (p.required()) {
          add(ChangeKind.REQUIRED_PARAMETER_ADDED, at, null, type,
              "Required parameter " + code(p.name()) + " (" + code(type) + ") added" + (methodId == null ? " to every method" : " to " + code(methodId))
                  + (call == null ? "" : ": " + code(call) + " has a new argument"));
        } else {
          add(ChangeKind.PARAMETER_ADDED, at, null, type,
              "Optional " + (methodId == null ? "API-wide parameter " : "parameter ") + code(p.name()) + " ("
                  + code(type) + ") added" + (methodId == null ? "" : " to " + code(methodId)) + ": " + code(n.setter()));
        }
        continue;
      }
      MemberNames wasNames = paramNames(a, methodId, p.name());
      String wasType = a.type(was.type());
      if (!was.required() && p.required()) {
        add(ChangeKind.PARAMETER_BECAME_REQUIRED, at, "optional", "required",
            what + " is now required" + (call == null ? "" : ": it moves from " + code(wasNames.setter()) + " into the arguments of " + code(call)));
      } else if (was.required() && !p.required()) {
        add(ChangeKind.PARAMETER_BECAME_OPTIONAL, at, "required", "optional",
            what + " is now optional" + (call == null ? "" : ": it leaves the arguments of " + code(call) + " (use " + code(n.setter()) + ")"));
      }
      if (!a.typeKey(was.type()).equals(b.typeKey(p.type()))) {
        add(ChangeKind.PARAMETER_TYPE_CHANGED, at, wasType, type, what + ": type " + code(wasType) + " is now " + code(type));
      } else if (!a.wire(was.type()).equals(b.wire(p.type()))) {
        add(ChangeKind.WIRE_FORMAT_CHANGED, at, a.wire(was.type()), b.wire(p.type()),
            what + ": still " + code(type) + " in Java, but sent as " + code(b.wire(p.type())) + " instead of " + code(a.wire(was.type())));
      }
      if (!wasNames.setter().equals(n.setter()) || !wasNames.getter().equals(n.getter())) {
        add(ChangeKind.PARAMETER_RENAMED, at, wasNames.getter() + "/" + wasNames.setter(), n.getter() + "/" + n.setter(),
            what + ": " + code(wasNames.getter()) + "/" + code(wasNames.setter()) + " are now " + code(n.getter()) + "/" + code(n.setter()));
      }
      if (was.location() != p.location()) {
        add(ChangeKind.PARAMETER_LOCATION_CHANGED, at, was.location().name().toLowerCase(java.util.Locale.ROOT),
            p.location().name().toLowerCase(java.util.Locale.ROOT),
            what + " now travels in the " + p.location().name().toLowerCase(java.util.Locale.ROOT)
                + " instead of the " + was.location().name().toLowerCase(java.util.Locale.ROOT));
      }
      if (!Objects.equals(was.pattern(), p.pattern())) {
        add(ChangeKind.PARAMETER_PATTERN_CHANGED, at, was.pattern(), p.pattern(),
            what + ": pattern " + code(was.pattern()) + " is now " + code(p.pattern()));
      }
      if (!Objects.equals(defaultOf(was.defaultValue()), defaultOf(p.defaultValue()))) {
        add(ChangeKind.DEFAULT_CHANGED, at, was.defaultValue(), p.defaultValue(),
            what + ": default " + code(was.defaultValue()) + " is now " + code(p.defaultValue()));
      }
      if (!was.deprecated() && p.deprecated()) {
        add(ChangeKind.DEPRECATED, at, null, "deprecated", what + " (" + code(n.setter()) + ") is now deprecated");
      }
      EnumSchema ea = a.types.enumOf(was.type());
      EnumSchema eb = b.types.enumOf(p.type());
      // A parameter's own enum is compared here; one that is also a model (an OpenAPI component
      // the parameter references) is compared once, under models.
      if (ea != null && eb != null && ea.id().equals(eb.id()) && !b.models.containsKey(eb.id())) {
        enumValues(at.withSchema(eb.id(), b.schemaClass(eb.id())), ea, eb);
      }
    }
    List<String> ra = requiredOrder(pa, byB);
    List<String> rb = requiredOrder(pb, byA);
    if (methodId != null && !ra.equals(rb)) {
      add(ChangeKind.PARAMETER_ORDER_CHANGED, loc, String.join(", ", ra), String.join(", ", rb),
          "Method " + code(methodId) + ": required arguments " + code(String.join(", ", ra))
              + " now come in the order " + code(String.join(", ", rb)));
    }
  }

  /** The required parameters, in call order, that are required on both sides. */
  private static List<String> requiredOrder(List<Parameter> ps, Map<String, Parameter> other) {
    List<String> names = new ArrayList<>();
    for (Parameter p : ps) {
      Parameter o = other.get(p.name());
      if (p.required() && o != null && o.required()) {
        names.add(p.name());
      }
    }
    return names;
  }

  private static MemberNames paramNames(JavaView v, String methodId, String wire) {
    return methodId == null ? v.names.commonParam(wire) : v.names.param(methodId, wire);
  }

  private static Location resourceLoc(JavaView v, String path) {
    return new Location(Area.RESOURCE, path, new Names(path, null, null, null, null),
        new Names(v.resourceChain(path), null, null, null, null));
  }

  private static Location methodLoc(JavaView v, String id) {
    String path = v.resourceOf.get(id);
    return new Location(Area.RESOURCE, path, new Names(path, id, null, null, null),
        new Names(v.resourceChain(path), v.methodCall(id), null, null, null));
  }

  // ---------------------------------------------------------------- models

  private void models() {
    for (Schema s : a.classes.values()) {
      if (!b.classes.containsKey(s.id())) {
        add(ChangeKind.SCHEMA_REMOVED, modelLoc(a, s.id()), s.id(), null,
            kindName(s) + " " + code(s.id()) + " removed (class " + code(a.schemaClass(s.id())) + ")");
      }
    }
    for (Schema s : b.classes.values()) {
      if (!a.classes.containsKey(s.id())) {
        add(ChangeKind.SCHEMA_ADDED, modelLoc(b, s.id()), null, s.id(),
            kindName(s) + " " + code(s.id()) + " added (class " + code(b.schemaClass(s.id())) + ")");
      }
    }
    for (Schema sb : b.models.values()) {
      Schema sa = a.models.get(sb.id());
      if (sa == null || sa instanceof AliasSchema || sb instanceof AliasSchema) {
        continue; // classes appearing or going are reported above, or by the property that held them
      }
      Location loc = modelLoc(b, sb.id());
      if (sa.getClass() != sb.getClass()) {
        add(ChangeKind.SCHEMA_KIND_CHANGED, loc, kindName(sa).toLowerCase(java.util.Locale.ROOT),
            kindName(sb).toLowerCase(java.util.Locale.ROOT),
            "Schema " + code(sb.id()) + " changed from " + article(kindName(sa)) + " to " + article(kindName(sb))
                + " (class " + code(b.schemaClass(sb.id())) + ")");
        continue;
      }
      renamed(loc, sb.id());
      if (sa instanceof ObjectSchema oa && sb instanceof ObjectSchema ob) {
        if (!oa.deprecated() && ob.deprecated()) {
          add(ChangeKind.DEPRECATED, loc, null, "deprecated",
              "Model " + code(ob.id()) + " (" + code(b.schemaClass(ob.id())) + ") is now deprecated");
        }
        properties(loc, oa, ob);
      } else if (sa instanceof EnumSchema ea && sb instanceof EnumSchema eb) {
        enumValues(loc, ea, eb);
      }
    }
  }

  /** A class name change: the full name for top-level classes, the simple name for nested ones. */
  private void renamed(Location loc, String id) {
    String was = a.schemaClass(id);
    String now = b.schemaClass(id);
    boolean nested = b.parentOf.containsKey(id);
    String wasCompared = nested ? a.names.schemaClass(id).simpleName() : was;
    String nowCompared = nested ? b.names.schemaClass(id).simpleName() : now;
    if (!wasCompared.equals(nowCompared)) {
      add(ChangeKind.SCHEMA_RENAMED, loc, was, now,
          "Class of schema " + code(id) + " renamed from " + code(was) + " to " + code(now));
    }
  }

  private void properties(Location loc, ObjectSchema oa, ObjectSchema ob) {
    String id = ob.id();
    String cls = b.schemaClass(id);
    Map<String, Property> byA = byKey(oa.properties(), Property::name);
    Map<String, Property> byB = byKey(ob.properties(), Property::name);
    boolean sent = b.requestSchemas.contains(id);
    for (Property p : oa.properties()) {
      if (!byB.containsKey(p.name())) {
        String getter = a.names.property(id, p.name()).getter();
        add(ChangeKind.PROPERTY_REMOVED, loc.withMember(p.name(), getter), a.type(p.type()), null,
            "Property " + code(id + "." + p.name()) + " removed (" + code(a.schemaClass(id) + "." + getter + "()") + ")");
      }
    }
    for (Property p : ob.properties()) {
      MemberNames n = b.names.property(id, p.name());
      Location at = loc.withMember(p.name(), n.getter());
      String what = "Property " + code(id + "." + p.name());
      String type = b.type(p.type());
      Property was = byA.get(p.name());
      if (was == null) {
        if (sent && JavaView.mustSet(p)) {
          add(ChangeKind.REQUIRED_PROPERTY_ADDED, at, null, type,
              "Required property " + code(id + "." + p.name()) + " (" + code(type)
                  + ") added to a request body: callers must set it (" + code(cls + "." + n.setter() + "()") + ")");
        } else {
          add(ChangeKind.PROPERTY_ADDED, at, null, type,
              what + " added (" + code(cls + "." + n.getter() + "()") + ", " + code(type) + ")");
        }
        continue;
      }
      MemberNames wasNames = a.names.property(id, p.name());
      String wasType = a.type(was.type());
      if (!a.typeKey(was.type()).equals(b.typeKey(p.type()))) {
        add(ChangeKind.PROPERTY_TYPE_CHANGED, at, wasType, type,
            what + ": " + code(cls + "." + n.getter() + "()") + " returns " + code(type) + " instead of " + code(wasType));
      } else if (!a.wire(was.type()).equals(b.wire(p.type()))) {
        add(ChangeKind.WIRE_FORMAT_CHANGED, at, a.wire(was.type()), b.wire(p.type()),
            what + ": still " + code(type) + " in Java, but sent as " + code(b.wire(p.type())) + " instead of " + code(a.wire(was.type())));
      }
      if (!wasNames.getter().equals(n.getter()) || !wasNames.setter().equals(n.setter())) {
        add(ChangeKind.PROPERTY_RENAMED, at, wasNames.getter() + "/" + wasNames.setter(), n.getter() + "/" + n.setter(),
            what + ": " + code(wasNames.getter()) + "/" + code(wasNames.setter()) + " are now " + code(n.getter()) + "/" + code(n.setter()));
      }
      if (!Objects.equals(defaultOf(was.defaultValue()), defaultOf(p.defaultValue()))) {
        add(ChangeKind.DEFAULT_CHANGED, at, was.defaultValue(), p.defaultValue(),
            what + ": default " + code(was.defaultValue()) + " is now " + code(p.defaultValue()));
      }
      if (sent && JavaView.mustSet(p) && !JavaView.mustSet(was) && !was.outputOnly()) {
        add(ChangeKind.PROPERTY_BECAME_REQUIRED, at, "optional", "required",
            what + " of a request body is now required: callers must set it (" + code(cls + "." + n.setter() + "()") + ")");
      }
      if (a.requestSchemas.contains(id) && !was.outputOnly() && p.outputOnly()) {
        add(ChangeKind.PROPERTY_BECAME_OUTPUT_ONLY, at, "settable", "output only",
            what + " is now output only: the server ignores values sent in " + code(cls + "." + n.setter() + "()"));
      }
      if (!was.deprecated() && p.deprecated()) {
        add(ChangeKind.DEPRECATED, at, null, "deprecated",
            what + " (" + code(cls + "." + n.getter() + "()") + ") is now deprecated");
      }
    }
  }

  /** Values of one enum present on both sides; {@code loc} names the enum (schema) already. */
  private void enumValues(Location loc, EnumSchema ea, EnumSchema eb) {
    String cls = b.schemaClass(eb.id());
    String what = "Enum " + code(eb.id()) + " (" + code(cls) + ")";
    Map<String, EnumSchema.EnumValue> byA = byKey(ea.values(), EnumSchema.EnumValue::value);
    Map<String, EnumSchema.EnumValue> byB = byKey(eb.values(), EnumSchema.EnumValue::value);
    for (String v : byA.keySet()) {
      if (!byB.containsKey(v)) {
        String constant = a.names.enumConstant(ea.id(), v);
        add(ChangeKind.ENUM_VALUE_REMOVED, loc.withMember(v, constant), v, null,
            what + ": value " + code(v) + " removed (constant " + code(constant) + ")");
      }
    }
    for (EnumSchema.EnumValue v : byB.values()) {
      String constant = b.names.enumConstant(eb.id(), v.value());
      Location at = loc.withMember(v.value(), constant);
      EnumSchema.EnumValue was = byA.get(v.value());
      if (was == null) {
        add(ChangeKind.ENUM_VALUE_ADDED, at, null, v.value(),
            what + ": value " + code(v.value()) + " added (constant " + code(constant) + ")");
        continue;
      }
      String wasConstant = a.names.enumConstant(ea.id(), v.value());
      if (!wasConstant.equals(constant)) {
        add(ChangeKind.ENUM_CONSTANT_RENAMED, at, wasConstant, constant,
            what + ": constant of " + code(v.value()) + " renamed from " + code(wasConstant) + " to " + code(constant));
      }
      if (!was.deprecated() && v.deprecated()) {
        add(ChangeKind.DEPRECATED, at, null, "deprecated", what + ": value " + code(v.value()) + " is now deprecated");
      }
    }
    String wasUnknown = a.names.unknownConstant(ea.id());
    String nowUnknown = b.names.unknownConstant(eb.id());
    if (!wasUnknown.equals(nowUnknown)) {
      add(ChangeKind.ENUM_CONSTANT_RENAMED, loc.withMember(null, nowUnknown), wasUnknown, nowUnknown,
          what + ": the constant for unrecognised values renamed from " + code(wasUnknown) + " to " + code(nowUnknown));
    }
  }

  private static Location modelLoc(JavaView v, String id) {
    return new Location(Area.MODEL, v.topOf.get(id), new Names(null, null, null, id, null),
        new Names(null, null, null, v.schemaClass(id), null));
  }

  private static String kindName(Schema s) {
    return s instanceof EnumSchema ? "Enum" : s instanceof ObjectSchema ? "Model" : "Alias";
  }

  private static String article(String kind) {
    String k = kind.toLowerCase(java.util.Locale.ROOT);
    return (k.startsWith("e") || k.startsWith("a") ? "an " : "a ") + k;
  }

  // ---------------------------------------------------------------- helpers

  private void add(ChangeKind kind, Location where, String oldValue, String newValue, String description) {
    out.add(new Change(kind, where, oldValue, newValue, description));
  }

  /** A spec default; an empty one says no more than none. */
  private static String defaultOf(String d) {
    return d == null || d.isEmpty() ? null : d;
  }

  /** First occurrence wins: duplicated names are the parser's business. */
  private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
    Map<String, T> map = new LinkedHashMap<>();
    for (T t : items) {
      map.putIfAbsent(key.apply(t), t);
    }
    return map;
  }

  /**
   * A value as Markdown code, on one line and at most 160 characters; {@code (none)} for null. The
   * fence is longer than any run of backticks inside, so spec text cannot break out of it.
   */
  static String code(String s) {
    if (s == null) {
      return "(none)";
    }
    String flat = s.replaceAll("\\s+", " ").strip();
    if (flat.length() > 160) {
      flat = flat.substring(0, 157) + "...";
    }
    if (flat.isEmpty()) {
      return "(empty)";
    }
    int longest = 0;
    int run = 0;
    for (int i = 0; i < flat.length(); i++) {
      run = flat.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    String pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
    return fence + pad + flat + pad + fence;
  }
}
