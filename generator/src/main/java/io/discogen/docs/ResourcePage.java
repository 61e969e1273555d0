package io.discogen.docs;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.discogen.ir.EnumSchema;
import io.discogen.ir.Method;
import io.discogen.ir.Parameter;
import io.discogen.ir.Resource;
import io.discogen.ir.TypeRef;
import io.discogen.java.NamePlan;
import io.discogen.java.RuntimeNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The page of one resource ({@code projects.locations.sessions}), or of the methods declared on the
 * API itself: where it sits in the Java client, a table of its methods, then per method its HTTP
 * request, parameters and a usage example that compiles against the generated client.
 */
final class ResourcePage {
  private static final ClassName CLIENT_OPTIONS = ClassName.get("io.discogen.runtime", "ClientOptions");
  private static final ClassName RESPONSE_STREAM = ClassName.get("io.discogen.runtime", "ResponseStream");

  private final DocsContext ctx;
  private final Sections sections;

  ResourcePage(DocsContext ctx, Sections sections) {
    this.ctx = ctx;
    this.sections = sections;
  }

  Page render(DocsContext.ResourceInfo info) {
    Resource r = info.resource();
    Page page = new Page(info.page());
    page.heading(1, null, Markdown.inline(r.path()));
    page.block(breadcrumb(info, page.path()));
    ClassName cls = ctx.names.resourceClass(r);
    List<List<String>> overview = new ArrayList<>();
    overview.add(List.of("Resource", Markdown.cellCode(r.path())));
    overview.add(List.of("Java", "`" + serviceVariable() + "." + String.join("().", info.accessors()) + "()`"
        + " returns `" + String.join(".", cls.simpleNames()) + "`"));
    if (!r.resources().isEmpty()) {
      List<String> subs = new ArrayList<>();
      for (Resource sub : r.resources()) {
        subs.add(Markdown.link(Markdown.inline(sub.name()),
            DocsContext.href(page.path(), new DocsContext.Location(ctx.resource(sub.path()).page(), null))));
      }
      overview.add(List.of("Sub-resources", String.join(", ", subs)));
    }
    page.table(List.of("", ""), overview);
    methods(page, r.methods(), info.accessors());
    return page;
  }

  /** The page of the methods the API declares outside any resource. */
  Page renderServiceMethods() {
    Page page = new Page(ctx.serviceMethodsPage());
    page.heading(1, null, "Methods of " + Markdown.inline(ctx.names.service().simpleName()));
    page.block(Markdown.link("API index", DocsContext.relative(page.path(), DocsContext.INDEX))
        + " · methods called on the service object itself: `" + serviceVariable() + ".method(…)`");
    methods(page, ctx.api.methods(), List.of());
    return page;
  }

  private String breadcrumb(DocsContext.ResourceInfo info, String from) {
    List<String> crumbs = new ArrayList<>();
    crumbs.add(Markdown.link("API index", DocsContext.relative(from, DocsContext.INDEX)));
    List<DocsContext.ResourceInfo> ancestors = new ArrayList<>();
    for (String p = info.parentPath(); p != null; p = ctx.resource(p).parentPath()) {
      ancestors.add(0, ctx.resource(p));
    }
    for (DocsContext.ResourceInfo a : ancestors) {
      crumbs.add(Markdown.link(Markdown.inline(a.resource().name()),
          DocsContext.href(from, new DocsContext.Location(a.page(), null))));
    }
    crumbs.add(Markdown.inline(info.resource().name()));
    return String.join(" › ", crumbs);
  }

  private void methods(Page page, List<Method> methods, List<String> accessors) {
    if (methods.isEmpty()) {
      page.block("This resource has no methods of its own; see its sub-resources.");
      return;
    }
    Map<Method, Map<String, String>> paramAnchors = new LinkedHashMap<>();
    Anchors anchors = ctx.anchors(page.path());
    for (Method m : methods) {
      Map<String, String> a = new LinkedHashMap<>();
      for (Parameter p : m.parameters()) {
        a.put(p.name(), anchors.allocate("param", m.name(), p.name()));
      }
      if (m.request() != null) {
        a.put(null, anchors.allocate("param", m.name(), "body"));
      }
      paramAnchors.put(m, a);
    }

    page.heading(2, null, "Methods");
    List<List<String>> rows = new ArrayList<>();
    for (Method m : methods) {
      Map<String, String> a = paramAnchors.get(m);
      List<String> required = new ArrayList<>();
      for (Parameter p : m.requiredParameters()) {
        required.add(Markdown.link(Markdown.cellCode(p.name()), "#" + a.get(p.name())));
      }
      if (m.request() != null) {
        required.add(Markdown.link("body", "#" + a.get(null)));
      }
      List<String> optional = new ArrayList<>();
      for (Parameter p : m.optionalParameters()) {
        optional.add(Markdown.link(Markdown.cellCode(p.name()), "#" + a.get(p.name())));
      }
      rows.add(List.of(
          Markdown.link(Markdown.cellCode(m.name()), "#" + ctx.methodLocation(m.id()).anchor()),
          Markdown.cellCode(m.httpMethod() + " " + m.path()),
          String.join(", ", required),
          String.join(", ", optional),
          (m.deprecated() ? "**Deprecated.** " : "") + Markdown.summary(m.description(), ctx.site)));
    }
    page.table(List.of("Method", "HTTP request", "Required parameters", "Optional parameters", "Description"), rows);

    for (Method m : methods) {
      method(page, m, accessors, paramAnchors.get(m));
    }
  }

  private void method(Page page, Method m, List<String> accessors, Map<String, String> anchors) {
    page.heading(2, ctx.methodLocation(m.id()).anchor(), Markdown.inline(m.name()));
    page.block(Sections.deprecatedNote(m.deprecated()).strip());
    page.block(Markdown.text(m.description(), ctx.site));

    String root = ctx.api.endpoints().rootUrl();
    String servicePath = ctx.api.endpoints().servicePath() == null ? "" : ctx.api.endpoints().servicePath();
    String url = m.path().startsWith("/") ? root + m.path().substring(1) : root + servicePath + m.path();
    List<String> facts = new ArrayList<>();
    facts.add("- **HTTP request:** " + Markdown.code(m.httpMethod() + " " + url));
    facts.add("- **Java:** `" + String.join(".", ctx.names.requestClass(m.id()).simpleNames()) + "` request, made by `"
        + ctx.names.requestAccessor(m.id()) + "(" + signature(m) + ")`");
    String cliPage = ctx.cliPage(m.id());
    if (cliPage != null) {
      facts.add("- **Command line:** " + Markdown.link(Markdown.code(CliPage.commandLine(ctx.cli, ctx.cli.of(m))),
          DocsContext.relative(page.path(), cliPage)));
    }
    if (m.response() != null) {
      facts.add("- **Response:** " + ctx.typeMarkdown(m.response(), page.path()));
    } else {
      facts.add("- **Response:** none (`" + RuntimeNames.EXECUTE + "()` returns `null`)");
    }
    TypeRef item = m.pagedItem();
    if (item != null) {
      facts.add("- **Paging:** `" + RuntimeNames.ITERATE_ALL + "()` iterates every " + ctx.typeMarkdown(item, page.path())
          + " across all pages, fetching the next page as needed (also `" + RuntimeNames.STREAM + "()` and `"
          + RuntimeNames.PAGES + "()`).");
    }
    if (m.streamsResponse()) {
      facts.add("- **Streamed response:** the server answers with a stream of these messages: read them with"
          + " `" + RuntimeNames.EXECUTE_STREAM + "()`, each as it arrives (`" + RuntimeNames.EXECUTE + "()` fails on the stream).");
    }
    if (m.longRunning() != null) {
      facts.add("- **Long-running:** returns an operation; `" + RuntimeNames.EXECUTE_AND_WAIT + "()` polls "
          + Markdown.code(m.longRunning().pollMethodId()) + " until it is done and throws `OperationException` if it failed.");
    }
    if (m.requestIdParameter() != null) {
      facts.add("- **Safe retries:** leave " + Markdown.code(m.requestIdParameter())
          + " unset and the client fills it with a random UUID, kept across retries of the call, so the server ignores duplicates and the call is retried safely.");
    }
    NamePlan.MediaNames media = ctx.names.media(m.id());
    if (m.mediaUpload() != null) {
      io.discogen.ir.MediaUpload u = m.mediaUpload();
      List<String> accept = new ArrayList<>();
      for (String a : u.accept()) {
        accept.add(Markdown.code(a));
      }
      String withMedia = signature(m) + (signature(m).isEmpty() ? "" : ", ") + "MediaContent " + media.mediaArg();
      List<String> protocols = new ArrayList<>();
      if (u.simplePath() != null) {
        protocols.add(u.multipart() ? "`SIMPLE`, `MULTIPART`" : "`SIMPLE`");
      }
      if (u.resumablePath() != null) {
        protocols.add("`RESUMABLE`");
      }
      facts.add("- **Media upload:** `" + ctx.names.requestAccessor(m.id()) + "(" + withMedia + ")` uploads the content"
          + " (a `MediaContent` from bytes, a file or a stream) with " + (m.request() != null ? "the metadata in `"
          + ctx.names.contentArg(m.id()) + "`" : "no metadata") + "; the API accepts "
          + (accept.isEmpty() ? "any media type" : String.join(", ", accept))
          + (u.maxSize() == null ? "" : ", at most " + bytes(u.maxSize())) + ". Protocols: "
          + String.join(", ", protocols) + " (`" + media.setUploadProtocol() + "(UploadProtocol)`; by default resumable"
          + " where the API offers it and the content is large)."
          + (u.resumablePath() == null ? "" : " A resumable upload is sent in chunks of `" + media.setChunkSize()
              + "(int)` bytes, reports progress to `" + media.setProgressListener() + "(…)` and survives dropped"
              + " connections; `" + media.resumeUpload() + "(sessionUri, …)` continues one after a restart."));
    }
    if (m.mediaDownload() != null) {
      facts.add("- **Media download:** `" + media.downloadTo() + "(OutputStream)` writes the content itself (`alt=media`)"
          + " and resumes from the last byte received if the transfer breaks; `" + media.asInputStream()
          + "()` streams it. `" + RuntimeNames.EXECUTE + "()` returns the metadata instead.");
    }
    if (m.binaryResponse() != null) {
      String how = " `" + media.downloadTo() + "(OutputStream)` writes it, `" + media.asInputStream() + "()` streams it";
      facts.add(m.binaryResponse().resumable()
          ? "- **Binary response:** the content may be streamed instead of read into memory:" + how + "."
          : "- **Binary response:** the content may be streamed instead of read into memory:" + how + " (not resumed"
              + " when the transfer breaks: the request is not repeated).");
    }
    if (!m.scopes().isEmpty()) {
      List<String> scopes = new ArrayList<>();
      for (String s : m.scopes()) {
        String constant = ctx.names.scopeConstant(s);
        scopes.add(constant != null ? "`" + String.join(".", ctx.names.scopesClass().simpleNames()) + "." + constant + "`" : Markdown.code(s));
      }
      facts.add("- **Scopes:** " + String.join(", ", scopes));
    }
    page.block(String.join("\n", facts));

    page.heading(3, null, "Parameters");
    List<List<String>> rows = new ArrayList<>();
    for (Parameter p : m.parameters()) {
      rows.add(parameterRow(page.path(), m, p, anchors.get(p.name())));
    }
    if (m.request() != null) {
      rows.add(List.of(Markdown.anchor(anchors.get(null)) + "request body", "argument `" + ctx.names.contentArg(m.id()) + "`",
          ctx.typeMarkdown(m.request(), page.path()), "body", "yes", "The request body.", ""));
    }
    if (rows.isEmpty()) {
      page.block("None of its own.");
    } else {
      page.table(List.of("Name", "Java", "Type", "Location", "Required", "Description", "Pattern"), rows);
    }
    page.block("Every method also takes the " + Markdown.link("common parameters",
        DocsContext.href(page.path(), new DocsContext.Location(DocsContext.INDEX, ctx.commonParametersAnchor))) + ".");

    for (EnumSchema e : m.enums()) {
      sections.enumSection(page, e, 4, ctx.location(e.id()).anchor());
    }

    page.heading(3, null, "Example");
    page.code("java", example(m, accessors));
  }

  private List<String> parameterRow(String from, Method m, Parameter p, String anchor) {
    NamePlan.MemberNames n = ctx.names.param(m.id(), p.name());
    String java;
    if (p.required()) {
      java = "argument `" + n.field() + "`";
    } else {
      java = "`" + n.setter() + "(…)`";
      if (n.rawSetter() != null) {
        java += "<br>raw: `" + n.rawSetter() + "(…)`";
      }
      if (n.defaultGetter() != null) {
        java += "<br>or default: `" + n.defaultGetter() + "()`";
      }
    }
    String description = (p.deprecated() ? "**Deprecated.** " : "") + Markdown.cell(p.description(), ctx.site);
    if (p.defaultValue() != null) {
      description += (description.isEmpty() ? "" : "<br>") + "Default: " + Markdown.cellCode(p.defaultValue());
    }
    String format = ctx.wireFormat(p.type());
    if (format != null) {
      description += (description.isEmpty() ? "" : "<br>") + "Format: " + format;
    }
    if (p.repeated()) {
      description += (description.isEmpty() ? "" : "<br>") + "Repeated: sent once per value.";
    }
    return List.of(Markdown.anchor(anchor) + Markdown.cellCode(p.name()), java, ctx.typeMarkdown(p.type(), from),
        p.location().name().toLowerCase(Locale.ROOT), p.required() ? "yes" : "no", description,
        p.pattern() == null ? "" : Markdown.cellCode(p.pattern()));
  }

  /** The Java signature of a method's accessor: {@code String parent, Session content}. */
  private String signature(Method m) {
    List<String> args = new ArrayList<>();
    for (Parameter p : m.requiredParameters()) {
      args.add(DocsContext.display(ctx.types.apiType(p.type())) + " " + ctx.names.param(m.id(), p.name()).field());
    }
    if (m.request() != null) {
      args.add(DocsContext.display(ctx.types.apiType(m.request())) + " " + ctx.names.contentArg(m.id()));
    }
    return String.join(", ", args);
  }

  String serviceVariable() {
    return new JavaSnippet(ctx).local(ctx.names.service().simpleName(), "service");
  }

  /**
   * A usage example: build the service, walk the accessor chain, call the method with placeholder
   * values of the right types, set one optional parameter, then execute (iterate all pages or the
   * streamed messages, or wait for the operation).
   */
  List<String> example(Method m, List<String> accessors) {
    JavaSnippet j = new JavaSnippet(ctx);
    List<String> body = new ArrayList<>();
    String service = j.local(ctx.names.service().simpleName(), "service");
    String serviceType = j.ref(ctx.names.service());
    body.add(serviceType + " " + service + " = new " + serviceType + "(" + j.ref(CLIENT_OPTIONS) + ".builder().build());");

    StringBuilder chain = new StringBuilder(service);
    for (String a : accessors) {
      chain.append('.').append(a).append("()");
    }
    List<String> args = new ArrayList<>();
    for (Parameter p : m.requiredParameters()) {
      args.add(j.placeholder(p.type(), p.name(), p.location() == Parameter.Location.PATH ? p.pattern() : null));
    }
    if (m.request() != null) {
      args.add(j.placeholder(m.request(), "body", null));
    }
    List<String> calls = new ArrayList<>();
    calls.add("." + ctx.names.requestAccessor(m.id()) + "(" + String.join(", ", args) + ")");
    Parameter optional = exampleOptional(m);
    if (optional != null) {
      calls.add("." + ctx.names.param(m.id(), optional.name()).setter() + "("
          + j.placeholder(optional.type(), optional.name(), null) + ")");
    }

    if (m.requestIdParameter() != null) {
      String rid = m.requestIdParameter().matches("[A-Za-z0-9_.$-]+") ? m.requestIdParameter() : "the request id";
      body.add("// " + rid + " is left unset: the client fills it, so retries are safe.");
    }
    TypeRef item = m.pagedItem();
    if (item != null) {
      TypeName itemType = ctx.types.apiType(item);
      String itemVar = j.local(itemType instanceof ClassName c ? c.simpleName() : null, "item");
      body.add("for (" + j.type(itemType) + " " + itemVar + " : " + chain);
      for (String c : calls) {
        body.add("    " + c);
      }
      body.add("    ." + RuntimeNames.ITERATE_ALL + "()) {");
      body.add("  System.out.println(" + itemVar + ");");
      body.add("}");
    } else if (m.streamsResponse()) {
      TypeName message = ctx.types.apiType(m.response());
      String stream = j.local(null, "stream");
      String messageVar = j.local(message instanceof ClassName c ? c.simpleName() : null, "message");
      body.add("try (" + j.type(ParameterizedTypeName.get(RESPONSE_STREAM, message)) + " " + stream + " = " + chain);
      for (String c : calls) {
        body.add("    " + c);
      }
      body.add("    ." + RuntimeNames.EXECUTE_STREAM + "()) {");
      body.add("  for (" + j.type(message) + " " + messageVar + " : " + stream + ") {");
      body.add("    System.out.println(" + messageVar + ");");
      body.add("  }");
      body.add("}");
    } else {
      String terminal = "." + (m.longRunning() != null ? RuntimeNames.EXECUTE_AND_WAIT : RuntimeNames.EXECUTE) + "();";
      if (m.response() == null || isEmptyObject(m.response())) {
        body.add(chain.toString());
      } else {
        TypeName response = ctx.types.apiType(m.response());
        String var = j.local(response instanceof ClassName c ? c.simpleName() : null, "response");
        body.add(j.type(response) + " " + var + " = " + chain);
      }
      for (String c : calls) {
        body.add("    " + c);
      }
      body.add("    " + terminal);
    }
    List<String> lines = new ArrayList<>(j.importLines());
    lines.add("");
    lines.addAll(body);
    return lines;
  }

  /** A size in the largest binary unit that divides it: {@code 5 TiB}, {@code 1536 KiB}, {@code 100 bytes}. */
  static String bytes(long n) {
    String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB"};
    int u = 0;
    long v = n;
    while (u < units.length - 1 && v >= 1024 && v % 1024 == 0) {
      v /= 1024;
      u++;
    }
    return v + " " + units[u];
  }

  /** Whether a type is an object without properties ({@code Empty}): examples do not keep it. */
  private boolean isEmptyObject(TypeRef t) {
    return ctx.types.resolve(t) instanceof TypeRef.Named n
        && ctx.index.get(n.schemaId()) instanceof io.discogen.ir.ObjectSchema o && o.properties().isEmpty();
  }

  /**
   * The optional parameter an example sets: {@code pageSize} when paging, else the first that is
   * the method's own (not a common parameter), not deprecated, not the page token or request id.
   */
  private Parameter exampleOptional(Method m) {
    List<Parameter> candidates = new ArrayList<>();
    for (Parameter p : m.optionalParameters()) {
      if (p.deprecated() || ctx.names.isCommonParam(m.id(), p.name())
          || p.name().equals(m.requestIdParameter())
          || (m.pagination() != null && p.name().equals(m.pagination().pageTokenParameter()))) {
        continue;
      }
      candidates.add(p);
    }
    for (Parameter p : candidates) {
      if (m.pagination() != null && p.name().equals("pageSize")) {
        return p;
      }
    }
    return candidates.isEmpty() ? null : candidates.get(0);
  }
}
