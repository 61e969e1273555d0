package io.discogen.java;

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
import io.discogen.ir.LongRunning;
import io.discogen.ir.MediaUpload;
import io.discogen.ir.Method;
import io.discogen.ir.ObjectSchema;
import io.discogen.ir.Pagination;
import io.discogen.ir.Parameter;
import io.discogen.ir.Property;
import io.discogen.ir.Schema;
import io.discogen.ir.Schemas;
import io.discogen.ir.TypeRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Emits one request class per API method: required parameters and the body as constructor
 * arguments, optional ones as fluent setters, the static {@code RestMethod} the runtime sends it
 * by, and paging and long-running-operation helpers where the IR says the method has them.
 */
final class RequestEmitter {
  private final ApiModel api;
  private final NamePlan names;
  private final TypeMapper types;
  private final EnumEmitter enums;
  private final Map<String, Schema> index;

  RequestEmitter(ApiModel api, NamePlan names, TypeMapper types, EnumEmitter enums) {
    this.api = api;
    this.names = names;
    this.types = types;
    this.enums = enums;
    this.index = api.schemaIndex();
  }

  /** The response type as a type argument: {@code Void} for methods that return nothing. */
  TypeName responseType(Method m) {
    return m.response() == null ? ClassName.get(Void.class) : types.apiType(m.response());
  }

  /** Constructor arguments in call order: required parameters, then the body. */
  List<CodeBlock> argumentNames(Method m) {
    List<CodeBlock> args = new ArrayList<>();
    for (Parameter p : m.requiredParameters()) {
      args.add(CodeBlock.of("$N", names.param(m.id(), p.name()).field()));
    }
    if (m.request() != null) {
      args.add(CodeBlock.of("$N", names.contentArg(m.id())));
    }
    return args;
  }

  /** The same arguments as parameters, for the accessor on the resource class. */
  List<com.palantir.javapoet.ParameterSpec> parameters(Method m) {
    List<com.palantir.javapoet.ParameterSpec> ps = new ArrayList<>();
    for (Parameter p : m.requiredParameters()) {
      ps.add(com.palantir.javapoet.ParameterSpec.builder(types.apiType(p.type()), names.param(m.id(), p.name()).field()).build());
    }
    if (m.request() != null) {
      ps.add(com.palantir.javapoet.ParameterSpec.builder(types.apiType(m.request()), names.contentArg(m.id())).build());
    }
    return ps;
  }

  TypeSpec emit(Method m) {
    ClassName cls = names.requestClass(m.id());
    TypeName response = responseType(m);
    TypeSpec.Builder b = TypeSpec.classBuilder(cls.simpleName())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(names.baseRequest(), response, cls));
    String doc = Javadocs.sanitize(m.description());
    b.addJavadoc("$L", (doc.isEmpty() ? "" : doc + "\n\n<p>") + m.httpMethod() + " <code>" + Javadocs.sanitize(m.path()) + "</code>\n");
    if (m.streamsResponse()) {
      b.addJavadoc("\n<p>The server answers with a stream of response messages: read them with {@link\n#$N()}, each as it arrives ({@code $N()} fails on the stream).\n",
          RuntimeNames.EXECUTE_STREAM, RuntimeNames.EXECUTE);
    }
    ClassName error = errorClass(m);
    if (error != null) {
      b.addJavadoc("\n<p>Error responses carry a {@link $T}: {@code catch (ApiException e) { $T err =\ne.errorAs($T.class); }}, see {@link #ERROR_TYPE}.\n",
          error, error, error);
    }
    Map<String, ClassName> errors = errorClasses(m);
    if (!errors.isEmpty()) {
      addErrorTypes(b, cls, errors);
    }
    if (m.deprecated()) {
      b.addAnnotation(Deprecated.class);
    }
    b.addField(FieldSpec.builder(Runtime.REST_METHOD, "METHOD", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(restMethod(m))
        .build());
    if (error != null) {
      b.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(Class.class), error), "ERROR_TYPE",
              Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("The body of this method's error responses, for {@code ApiException.errorAs(ERROR_TYPE)}.\n")
          .initializer("$T.class", error)
          .build());
    }
    if (m.longRunning() != null) {
      b.addField(FieldSpec.builder(Runtime.REST_METHOD, "POLL", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer(pollMethod(m, m.longRunning()))
          .build());
    }
    b.addMethod(constructor(m, response));
    if (m.mediaUpload() != null || m.mediaDownload() != null || m.binaryResponse() != null) {
      addMedia(b, cls, m, response);
    }
    for (Parameter p : m.parameters()) {
      if (!names.isCommonParam(m.id(), p.name())) {
        addAccessors(b, cls, m, p);
      }
    }
    if (m.longRunning() != null) {
      addWait(b, response);
    }
    if (m.pagedItem() != null) {
      addPaging(b, m, m.pagination(), response);
    }
    for (EnumSchema e : m.enums()) {
      b.addType(enums.emit(e));
    }
    return b.build();
  }

  /** Each error status whose body is a model class, to that class, when the statuses differ; else empty. */
  private Map<String, ClassName> errorClasses(Method m) {
    Map<String, ClassName> out = new LinkedHashMap<>();
    m.errorTypes().forEach((status, t) -> {
      if (types.apiType(t) instanceof ClassName c && !c.packageName().startsWith("java.")) {
        out.put(status, c);
      }
    });
    return new HashSet<>(out.values()).size() > 1 ? out : Map.of();
  }

  /**
   * Operations whose error responses declare different bodies: the javadoc lists them by status,
   * {@code errorTypeFor(status)} tells the class (exact status, then its range, then default), and
   * {@code decodeError(e)} decodes an {@code ApiException}'s body as it, for a pattern match.
   */
  private static void addErrorTypes(TypeSpec.Builder b, ClassName cls, Map<String, ClassName> errors) {
    List<String> lines = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    MethodSpec.Builder typeFor = MethodSpec.methodBuilder(RuntimeNames.ERROR_TYPE_FOR)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(ClassName.get(Class.class), WildcardTypeName.subtypeOf(Object.class)))
        .addParameter(int.class, "statusCode")
        .addJavadoc("The class this method's error responses with {@code statusCode} carry: the one declared for\n"
            + "that status, else for its range ({@code 4XX}), else the default one; null when none is.\n");
    ClassName fallback = null;
    for (int pass = 0; pass < 2; pass++) {
      for (Map.Entry<String, ClassName> e : errors.entrySet()) {
        String status = e.getKey();
        if (status.equals("default")) {
          fallback = e.getValue();
        } else if (pass == 0 && !status.endsWith("XX")) {
          typeFor.beginControlFlow("if (statusCode == $L)", Integer.parseInt(status))
              .addStatement("return $T.class", e.getValue()).endControlFlow();
        } else if (pass == 1 && status.endsWith("XX")) {
          typeFor.beginControlFlow("if (statusCode / 100 == $L)", status.charAt(0))
              .addStatement("return $T.class", e.getValue()).endControlFlow();
        }
      }
    }
    if (fallback == null) {
      typeFor.addStatement("return null");
    } else {
      typeFor.addStatement("return $T.class", fallback);
    }
    for (Map.Entry<String, ClassName> e : errors.entrySet()) {
      lines.add("<li>" + (e.getKey().equals("default") ? "any other status" : e.getKey()) + ": {@link $T}");
      args.add(e.getValue());
    }
    ClassName example = errors.values().iterator().next();
    args.add(RuntimeNames.DECODE_ERROR);
    args.add(cls);
    args.add(RuntimeNames.DECODE_ERROR);
    args.add(example);
    b.addJavadoc("\n<p>Error responses carry, by status:\n<ul>\n" + String.join("\n", lines) + "\n</ul>\n"
        + "{@link #$N} decodes one as its type: {@code catch (ApiException e) { if\n"
        + "($T.$N(e) instanceof $T err) { ... } }}.\n", args.toArray());
    b.addMethod(typeFor.build());
    b.addMethod(MethodSpec.methodBuilder(RuntimeNames.DECODE_ERROR)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(Object.class)
        .addParameter(ClassName.get(Runtime.PKG, "ApiException"), "e")
        .addJavadoc("The body of an error response of this method, decoded as the class {@link #$N}\n"
            + "names for its status; null when none is named or the response had no body.\n\n"
            + "@throws $T the body does not fit that class\n", RuntimeNames.ERROR_TYPE_FOR,
            ClassName.get(Runtime.PKG, "InvalidResponseException"))
        .addStatement("$T<?> type = $N(e.statusCode())", Class.class, RuntimeNames.ERROR_TYPE_FOR)
        .addStatement("return type == null ? null : e.errorAs(type)")
        .build());
  }

  /** The declared error model as a class, or null (none, or not a class: a list, a map). */
  private ClassName errorClass(Method m) {
    if (m.errorType() == null) {
      return null;
    }
    TypeName t = types.apiType(m.errorType());
    return t instanceof ClassName c && !c.packageName().startsWith("java.") ? c : null;
  }

  private CodeBlock restMethod(Method m) {
    CodeBlock.Builder c = CodeBlock.builder()
        .add("$T.builder($L, $L, $L)", Runtime.REST_METHOD, Literals.string(m.id()), Literals.string(m.httpMethod()), Literals.string(m.path()))
        .indent();
    for (Parameter p : m.parameters()) {
      switch (p.location()) {
        // One "$L" part per line where no type is named: see JavaEmitter.
        case PATH -> {
          if (p.style() == Parameter.Style.SIMPLE && !p.explode()) {
            c.add("$L", "\n.pathParam(" + Literals.quote(p.name()) + ", " + Literals.code(p.pattern()) + ")");
          } else {
            c.add("$L$T$L", "\n.pathParam(" + Literals.quote(p.name()) + ", " + Literals.code(p.pattern()) + ", ",
                Runtime.REST_METHOD, ".Style." + p.style() + ", " + p.explode() + ")");
          }
        }
        case HEADER -> c.add("$L", "\n.headerParam(" + Literals.quote(p.name()) + (p.explode() ? ", true)" : ")"));
        case COOKIE -> c.add("$L", "\n.cookieParam(" + Literals.quote(p.name()) + ")");
        default -> {
          if (p.style() == Parameter.Style.FORM && p.explode()) {
            c.add("$L", "\n.queryParam(" + Literals.quote(p.name()) + ")");
          } else {
            c.add("$L$T$L", "\n.queryParam(" + Literals.quote(p.name()) + ", ", Runtime.REST_METHOD,
                ".Style." + (p.style() == Parameter.Style.SIMPLE ? Parameter.Style.FORM : p.style()) + ", " + p.explode() + ")");
          }
        }
      }
      if (types.contains(p.type(), TypeRef.Kind.BYTES_URL_SAFE)) {
        // Discovery's format: byte is URL-safe base64 in the query and path too.
        c.add("$L", "\n.base64Url(" + Literals.quote(p.name()) + ")");
      }
    }
    if (m.requestIdParameter() != null) {
      c.add("\n.requestId($L)", Literals.string(m.requestIdParameter()));
    }
    if (m.requestContentType() != null) {
      c.add("\n.contentType($L)", Literals.string(m.requestContentType()));
      if (m.request() != null && types.resolve(m.request()) instanceof TypeRef.Named n
          && index.get(n.schemaId()) instanceof ObjectSchema body) {
        for (io.discogen.ir.Property p : body.allProperties(index)) {
          if (types.resolve(p.type()) instanceof TypeRef.Primitive prim && prim.kind() == TypeRef.Kind.BINARY) {
            c.add("\n.binaryPart($L)", Literals.string(p.name()));
          }
        }
      }
    }
    addScopes(c, m.scopes());
    if (m.mediaDownload() != null) {
      c.add("\n.mediaDownload($L)", m.mediaDownload().useDownloadService());
    } else if (m.binaryResponse() != null && m.binaryResponse().resumable()) {
      c.add("\n.binaryResponse()");
    }
    MediaUpload mu = m.mediaUpload();
    if (mu != null) {
      c.add("\n.mediaUpload($S, $S, $L, $LL", simplePath(m), mu.resumablePath(), mu.multipart(),
          mu.maxSize() == null ? -1 : mu.maxSize());
      for (String a : mu.accept()) {
        c.add(", $S", a);
      }
      c.add(")");
    }
    return c.add("\n.build()").unindent().build();
  }

  /**
   * The simple upload path: the declared one, else (no protocols declared at all) Google's
   * convention, {@code /upload/} before the service path.
   */
  private String simplePath(Method m) {
    MediaUpload mu = m.mediaUpload();
    if (mu.simplePath() != null || mu.resumablePath() != null) {
      return mu.simplePath();
    }
    String servicePath = api.endpoints().servicePath() == null ? "" : api.endpoints().servicePath();
    return "/upload/" + servicePath + (m.path().startsWith("/") ? m.path().substring(1) : m.path());
  }

  /** The constructor that attaches media, and the public upload and download members. */
  private void addMedia(TypeSpec.Builder b, ClassName cls, Method m, TypeName response) {
    NamePlan.MediaNames mn = names.media(m.id());
    if (m.mediaUpload() != null) {
      MethodSpec.Builder ctor = MethodSpec.constructorBuilder()
          .addParameter(Runtime.API_CLIENT, "client");
      List<CodeBlock> args = new ArrayList<>();
      args.add(CodeBlock.of("client"));
      for (com.palantir.javapoet.ParameterSpec p : parameters(m)) {
        ctor.addParameter(p);
        args.add(CodeBlock.of("$N", p.name()));
      }
      ctor.addParameter(Runtime.MEDIA_CONTENT, mn.mediaArg())
          .addStatement("this($L)", CodeBlock.join(args, ", "))
          .addStatement("attachMedia($N)", mn.mediaArg());
      b.addMethod(ctor.build());
      b.addMethod(MethodSpec.methodBuilder(mn.setUploadProtocol())
          .addModifiers(Modifier.PUBLIC)
          .returns(cls)
          .addParameter(Runtime.UPLOAD_PROTOCOL, "protocol")
          .addJavadoc("How the media is uploaded. By default: simple (multipart with metadata) for content up to 8 MiB,\n"
              + "resumable for larger content or content of unknown length when the method supports it.\n")
          .addStatement("return uploadProtocol(protocol)")
          .build());
      b.addMethod(MethodSpec.methodBuilder(mn.setProgressListener())
          .addModifiers(Modifier.PUBLIC)
          .returns(cls)
          .addParameter(Runtime.UPLOAD_PROGRESS_LISTENER, "listener")
          .addJavadoc("Receives upload progress (bytes sent, total, and the resumable session URI).\n")
          .addStatement("return uploadListener(listener)")
          .build());
      b.addMethod(MethodSpec.methodBuilder(mn.setChunkSize())
          .addModifiers(Modifier.PUBLIC)
          .returns(cls)
          .addParameter(int.class, "bytes")
          .addJavadoc("The chunk size of resumable uploads (8 MiB by default), a multiple of 256 KiB.\n")
          .addStatement("return uploadChunkSize(bytes)")
          .build());
      b.addMethod(MethodSpec.methodBuilder(mn.resumeUpload())
          .addModifiers(Modifier.PUBLIC)
          .returns(response)
          .addParameter(String.class, "sessionUri")
          .addParameter(Runtime.MEDIA_CONTENT, "media")
          .addJavadoc("Sends the rest of {@code media} to a resumable upload session started earlier (its URI comes\n"
              + "with the upload's progress), for example after a restart.\n")
          .addStatement("return resumeMediaUpload(sessionUri, media)")
          .build());
    }
    if (m.binaryResponse() != null && !m.binaryResponse().resumable()) {
      // One exchange, not repeatable with a Range header: the runtime's non-resumable stream.
      b.addMethod(MethodSpec.methodBuilder(mn.downloadTo())
          .addModifiers(Modifier.PUBLIC)
          .addParameter(Runtime.OUTPUT_STREAM, "out")
          .addJavadoc("Sends the request and copies the response body into {@code out} (not closed) as it\n"
              + "arrives, instead of into memory. Not resumed: a broken transfer fails with\n"
              + "{@code TransportException}, and the request is not sent again.\n")
          .addStatement("downloadResponseTo(out)")
          .build());
      b.addMethod(MethodSpec.methodBuilder(mn.asInputStream())
          .addModifiers(Modifier.PUBLIC)
          .returns(Runtime.INPUT_STREAM)
          .addJavadoc("Sends the request and returns the response body as a stream, once the response headers\n"
              + "have arrived, instead of reading it into memory. The caller closes it (that ends the\n"
              + "connection, also early). Not resumed: a broken transfer fails the read, and the\n"
              + "request is not sent again.\n")
          .addStatement("return openResponseStream()")
          .build());
    } else if (m.mediaDownload() != null || m.binaryResponse() != null) {
      String what = m.mediaDownload() != null ? "the media ({@code alt=media})" : "the response body";
      b.addMethod(MethodSpec.methodBuilder(mn.downloadTo())
          .addModifiers(Modifier.PUBLIC)
          .addParameter(Runtime.OUTPUT_STREAM, "out")
          .addJavadoc("Downloads $L into {@code out}, which is not closed; an interrupted\n"
              + "transfer resumes where it stopped.\n", what)
          .addStatement("downloadMediaTo(out)")
          .build());
      b.addMethod(MethodSpec.methodBuilder(mn.asInputStream())
          .addModifiers(Modifier.PUBLIC)
          .returns(Runtime.INPUT_STREAM)
          .addJavadoc("Downloads $L as a stream, which the caller closes (that ends the\n"
              + "connection); an interrupted transfer resumes where it stopped.\n", what)
          .addStatement("return openMediaStream()")
          .build());
    }
  }

  private CodeBlock pollMethod(Method m, LongRunning lro) {
    CodeBlock.Builder c = CodeBlock.builder()
        .add("$T.builder($L, $L, $L)", Runtime.REST_METHOD, Literals.string(lro.pollMethodId()), Literals.string(lro.pollHttpMethod()), Literals.string(lro.pollPath()))
        .indent()
        .add("\n.pathParam($L, null)", Literals.string(lro.pollNameParameter()));
    addScopes(c, m.scopes());
    return c.add("\n.build()").unindent().build();
  }

  private void addScopes(CodeBlock.Builder c, List<String> scopes) {
    if (scopes.isEmpty()) {
      return;
    }
    List<CodeBlock> refs = new ArrayList<>();
    for (String s : scopes) {
      String constant = names.scopeConstant(s);
      refs.add(constant != null
          ? CodeBlock.of("$T.$N", names.scopesClass(), constant)
          : Literals.string(s));
    }
    c.add("\n.scopes($L)", CodeBlock.join(refs, ", "));
  }

  private MethodSpec constructor(Method m, TypeName response) {
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder()
        .addParameter(Runtime.API_CLIENT, "client");
    for (com.palantir.javapoet.ParameterSpec p : parameters(m)) {
      ctor.addParameter(p);
    }
    CodeBlock content = m.request() == null ? CodeBlock.of("null") : CodeBlock.of("$N", names.contentArg(m.id()));
    ctor.addStatement("super(client, METHOD, $L, $L)", content, typeLiteral(response));
    for (Parameter p : m.requiredParameters()) {
      String arg = names.param(m.id(), p.name()).field();
      ctor.addStatement("set($L, $L)", Literals.string(p.name()), encode(p, CodeBlock.of("$T.requireNonNull($N, $S)", Runtime.OBJECTS, arg, arg)));
    }
    return ctor.build();
  }

  private CodeBlock typeLiteral(TypeName t) {
    if (t instanceof ParameterizedTypeName) {
      return CodeBlock.of("new $T<$T>() {}.getType()",
          ClassName.get("com.fasterxml.jackson.core.type", "TypeReference"), t);
    }
    return CodeBlock.of("$T.class", t);
  }

  /** The value to store for a parameter: enums as their wire text. */
  private CodeBlock encode(Parameter p, CodeBlock value) {
    EnumSchema e = types.enumOf(p.type());
    if (e == null) {
      return value;
    }
    return CodeBlock.of("$T.$N($L)", Runtime.WIRE_ENUMS, types.enumEncoder(p.type()), value);
  }

  private void addAccessors(TypeSpec.Builder b, ClassName cls, Method m, Parameter p) {
    NamePlan.MemberNames n = names.param(m.id(), p.name());
    TypeName api = types.apiType(p.type());
    String doc = Javadocs.sanitize(p.description());
    MethodSpec.Builder getter = MethodSpec.methodBuilder(n.getter()).addModifiers(Modifier.PUBLIC).returns(api);
    // Statements and docs are joined into one "$L" part where no type is named: see JavaEmitter.
    String wire = Literals.quote(p.name());
    MethodSpec.Builder setter = MethodSpec.methodBuilder(n.setter())
        .addModifiers(Modifier.PUBLIC)
        .returns(cls)
        .addParameter(api, n.field())
        .addStatement("$L$L)", "return set(" + wire + ", ", encode(p, CodeBlock.of("$L", n.field())));
    if (!doc.isEmpty()) {
      getter.addJavadoc("$L", doc + "\n");
      // The description once, on the getter: some (Compute's filter) run to kilobytes and are
      // repeated in every request that takes them; the setter links to it.
      setter.addJavadoc("$L", "Sets <code>" + Javadocs.sanitize(p.name()) + "</code>, described at {@link #"
          + n.getter() + "()}. Returns this request.\n");
    }
    if (p.deprecated()) {
      getter.addAnnotation(Deprecated.class);
      setter.addAnnotation(Deprecated.class);
    }
    EnumSchema e = types.enumOf(p.type());
    if (e == null) {
      getter.addStatement("$L", "return get(" + wire + ")");
      b.addMethod(getter.build()).addMethod(setter.build());
      if (n.defaultGetter() != null) {
        boolean dflt = names.booleanDefault(p.type(), p.defaultValue());
        MethodSpec.Builder is = MethodSpec.methodBuilder(n.defaultGetter()).addModifiers(Modifier.PUBLIC)
            .returns(TypeName.BOOLEAN)
            .addJavadoc("$L", "{@link #" + n.getter() + "()}, or its default, {@code " + dflt + "}, while not set.\n")
            .addStatement("$T value = get($L)", Boolean.class, wire)
            .addStatement("$L", "return value == null ? " + dflt + " : value");
        if (p.deprecated()) {
          is.addAnnotation(Deprecated.class);
        }
        b.addMethod(is.build());
      }
      return;
    }
    ClassName enumClass = names.schemaClass(e.id());
    boolean list = types.resolve(p.type()) instanceof TypeRef.ListOf;
    getter.addStatement(list
        ? CodeBlock.of("return $T.decodeList(get($L), $T::fromValue)", Runtime.WIRE_ENUMS, Literals.string(p.name()), enumClass)
        : CodeBlock.of("return $T.fromValue(get($L))", enumClass, Literals.string(p.name())));
    TypeName raw = types.storageType(p.type());
    b.addMethod(getter.build()).addMethod(setter.build());
    b.addMethod(MethodSpec.methodBuilder(n.rawGetter())
        .addModifiers(Modifier.PUBLIC)
        .returns(raw)
        .addJavadoc("The raw wire value of {@link #$N()}.\n", n.getter())
        .addStatement("return get($L)", Literals.string(p.name()))
        .build());
    b.addMethod(MethodSpec.methodBuilder(n.rawSetter())
        .addModifiers(Modifier.PUBLIC)
        .returns(cls)
        .addParameter(raw, n.field())
        .addJavadoc("Sets the raw wire value of {@link #$N()}, for values this client does not know.\n", n.getter())
        .addStatement("return set($L, $N)", Literals.string(p.name()), n.field())
        .build());
  }

  private void addWait(TypeSpec.Builder b, TypeName response) {
    b.addMethod(MethodSpec.methodBuilder(RuntimeNames.EXECUTE_AND_WAIT)
        .addModifiers(Modifier.PUBLIC)
        .returns(response)
        .addJavadoc("Sends the request, then polls the long-running operation it starts until it is done.\n"
            + "An operation that ends in error is thrown as an {@code OperationException}.\n")
        .addStatement("return $N($T.DEFAULT_TIMEOUT)", RuntimeNames.EXECUTE_AND_WAIT, Runtime.OPERATIONS)
        .build());
    b.addMethod(MethodSpec.methodBuilder(RuntimeNames.EXECUTE_AND_WAIT)
        .addModifiers(Modifier.PUBLIC)
        .returns(response)
        .addParameter(Runtime.DURATION, "timeout")
        .addJavadoc("As {@link #$N()}, waiting at most {@code timeout}.\n", RuntimeNames.EXECUTE_AND_WAIT)
        .addStatement("return $T.waitFor(this, POLL, $S, timeout)", Runtime.OPERATIONS, "name")
        .build());
  }

  private void addPaging(TypeSpec.Builder b, Method m, Pagination pg, TypeName response) {
    TypeRef item = pg.itemType();
    MethodSpec.Builder iterate = MethodSpec.methodBuilder(RuntimeNames.ITERATE_ALL)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(Runtime.PAGED_ITERABLE, types.apiType(item), response))
        .addJavadoc("Every item of every page, fetched lazily as iteration proceeds; also {@code $N()}\n"
            + "and {@code $N()}.\n", RuntimeNames.STREAM, RuntimeNames.PAGES);
    if (pg.itemsProperty() == null) {
      // The response is the list of items (link header or offset paging).
      if (pg.kind() == Pagination.Kind.OFFSET) {
        iterate.addStatement("return $T.ofOffset(this, $L, $L, page -> page)", Runtime.PAGED_ITERABLE,
            Literals.string(pg.pageTokenParameter()), Literals.string(pg.limitParameter()));
      } else {
        iterate.addStatement("return $T.ofLinkHeader(this, page -> page)", Runtime.PAGED_ITERABLE);
      }
      b.addMethod(iterate.build());
      return;
    }
    String pageSchema = ((TypeRef.Named) types.resolve(m.response())).schemaId();
    ClassName pageClass = (ClassName) response;
    String items = getter(pageSchema, pg.itemsProperty());
    switch (pg.kind()) {
      case TOKEN -> iterate.addStatement("return $T.of(this, $L, $L, $T::$N)", Runtime.PAGED_ITERABLE,
          Literals.string(pg.pageTokenParameter()), nextToken(pageSchema, pageClass, pg), pageClass, items);
      case NEXT_LINK -> iterate.addStatement("return $T.ofNextLink(this, $L, $T::$N)", Runtime.PAGED_ITERABLE,
          nextToken(pageSchema, pageClass, pg), pageClass, items);
      case LINK_HEADER -> iterate.addStatement("return $T.ofLinkHeader(this, $T::$N)", Runtime.PAGED_ITERABLE,
          pageClass, items);
      case OFFSET -> iterate.addStatement("return $T.ofOffset(this, $L, $L, $T::$N)", Runtime.PAGED_ITERABLE,
          Literals.string(pg.pageTokenParameter()), Literals.string(pg.limitParameter()), pageClass, items);
    }
    b.addMethod(iterate.build());
  }

  /**
   * The function from a page to its next token or URL: a getter, or, one object down ({@code
   * meta.next_cursor}), the inner getter behind a null check (no object: no next page).
   */
  private CodeBlock nextToken(String pageSchema, ClassName pageClass, Pagination pg) {
    String outer = getter(pageSchema, pg.nextPageTokenProperty());
    if (pg.nextPageTokenInner() == null) {
      return CodeBlock.of("$T::$N", pageClass, outer);
    }
    Property holder = index.get(pageSchema) instanceof ObjectSchema o
        ? o.allProperties(index).stream().filter(p -> p.name().equals(pg.nextPageTokenProperty())).findFirst().orElse(null)
        : null;
    ObjectSchema inner = holder == null ? null : Schemas.objectOf(holder.type(), index);
    if (inner == null) {
      throw new IllegalStateException(pageSchema + "." + pg.nextPageTokenProperty() + " is no object");
    }
    return CodeBlock.of("page -> page.$N() == null ? null : page.$N().$N()", outer, outer,
        getter(inner.id(), pg.nextPageTokenInner()));
  }

  /** The getter of a page property, declared by the page's schema or (OpenAPI {@code allOf}) a parent's. */
  private String getter(String schemaId, String wireName) {
    for (String id = schemaId; id != null; id = index.get(id) instanceof ObjectSchema o ? o.parent() : null) {
      NamePlan.MemberNames member = names.property(id, wireName);
      if (member != null) {
        return member.getter();
      }
    }
    throw new IllegalStateException(schemaId + " has no property " + wireName);
  }

  ApiModel api() {
    return api;
  }
}
