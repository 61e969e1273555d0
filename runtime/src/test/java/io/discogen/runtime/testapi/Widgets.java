package io.discogen.runtime.testapi;

import io.discogen.runtime.ApiClient;
import io.discogen.runtime.ClientOptions;
import io.discogen.runtime.Operations;
import io.discogen.runtime.PagedIterable;
import io.discogen.runtime.RestMethod;
import io.discogen.runtime.ServiceInfo;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A hand-written client in exactly the shape the generator emits. */
public final class Widgets {
  public static final ServiceInfo SERVICE_INFO = new ServiceInfo("widgets", "v1",
      "https://widgets.googleapis.com/", "https://widgets.mtls.googleapis.com/", "", "batch",
      List.of("$.xgafv", "access_token", "alt", "callback", "fields", "key", "oauth_token", "prettyPrint",
          "quotaUser", "uploadType", "upload_protocol"));

  static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";

  private final ApiClient client;

  public Widgets(ClientOptions options) {
    this.client = new ApiClient(SERVICE_INFO, options);
  }

  public ApiClient client() {
    return client;
  }

  public Get get(String name) {
    return new Get(client, name);
  }

  public Lookup lookup(String id) {
    return new Lookup(client, id);
  }

  public Create create(String parent, Widget content) {
    return new Create(client, parent, content);
  }

  public Insert insert(String parent, Widget content) {
    return new Insert(client, parent, content);
  }

  public List_ list(String parent) {
    return new List_(client, parent);
  }

  public Delete delete(String name) {
    return new Delete(client, name);
  }

  public static final class Get extends WidgetsRequest<Widget, Get> {
    private static final RestMethod METHOD = RestMethod.builder("widgets.projects.widgets.get", "GET", "v1/{+name}")
        .pathParam("name", "^projects/[^/]+/widgets/[^/]+$").scopes(SCOPE).build();

    Get(ApiClient client, String name) {
      super(client, METHOD, null, Widget.class);
      set("name", name);
    }

    public Get setView(String view) {
      return set("view", view);
    }
  }

  /** {@code {id}} simple expansion, every query type, repeated and dotted names, a header param. */
  public static final class Lookup extends WidgetsRequest<Widget, Lookup> {
    private static final RestMethod METHOD = RestMethod.builder("widgets.lookup", "GET", "v1/lookup/{id}")
        .pathParam("id", null).queryParam("filter").queryParam("tags").queryParam("page.size")
        .queryParam("minSize").queryParam("since").queryParam("ttl").queryParam("day").queryParam("token")
        .queryParam("flag").queryParam("ratio").queryParam("big").queryParam("times")
        .headerParam("x-goog-request-params").scopes(SCOPE).build();

    Lookup(ApiClient client, String id) {
      super(client, METHOD, null, Widget.class);
      set("id", id);
    }

    public Lookup setFilter(String filter) {
      return set("filter", filter);
    }

    public Lookup setTags(List<String> tags) {
      return set("tags", tags);
    }

    public Lookup setPageSize(Integer pageSize) {
      return set("page.size", pageSize);
    }

    public Lookup setMinSize(Long minSize) {
      return set("minSize", minSize);
    }

    public Lookup setSince(Instant since) {
      return set("since", since);
    }

    public Lookup setTtl(Duration ttl) {
      return set("ttl", ttl);
    }

    public Lookup setDay(LocalDate day) {
      return set("day", day);
    }

    public Lookup setToken(byte[] token) {
      return set("token", token);
    }

    public Lookup setFlag(Boolean flag) {
      return set("flag", flag);
    }

    public Lookup setRatio(Double ratio) {
      return set("ratio", ratio);
    }

    public Lookup setBig(BigInteger big) {
      return set("big", big);
    }

    public Lookup setTimes(List<Instant> times) {
      return set("times", times);
    }

    public Lookup setRequestParams(String v) {
      return set("x-goog-request-params", v);
    }
  }

  /** POST with a request id: retried, returns a long-running operation. */
  public static final class Create extends WidgetsRequest<Operation, Create> {
    private static final RestMethod METHOD = RestMethod.builder("widgets.projects.widgets.create", "POST", "v1/{+parent}/widgets")
        .pathParam("parent", "^projects/[^/]+$").queryParam("requestId").queryParam("widgetId")
        .requestId("requestId").scopes(SCOPE).build();
    private static final RestMethod POLL = RestMethod.builder("widgets.projects.operations.get", "GET", "v1/{+name}")
        .pathParam("name", null).scopes(SCOPE).build();

    Create(ApiClient client, String parent, Widget content) {
      super(client, METHOD, content, Operation.class);
      set("parent", parent);
    }

    public Create setRequestId(String requestId) {
      return set("requestId", requestId);
    }

    public String getRequestId() {
      return get("requestId");
    }

    public Create setWidgetId(String widgetId) {
      return set("widgetId", widgetId);
    }

    public Operation executeAndWait() {
      return Operations.waitFor(this, POLL, "name", Operations.DEFAULT_TIMEOUT);
    }

    public Operation executeAndWait(Duration timeout) {
      return Operations.waitFor(this, POLL, "name", timeout);
    }

    public CompletableFuture<Operation> executeAndWaitAsync() {
      return Operations.waitForAsync(this, POLL, "name", Operations.DEFAULT_TIMEOUT);
    }
  }

  /** POST without a request id: never retried after sending. */
  public static final class Insert extends WidgetsRequest<Widget, Insert> {
    private static final RestMethod METHOD = RestMethod.builder("widgets.projects.widgets.insert", "POST", "v1/{+parent}/widgets:insert")
        .pathParam("parent", "^projects/[^/]+$").scopes(SCOPE).build();

    Insert(ApiClient client, String parent, Widget content) {
      super(client, METHOD, content, Widget.class);
      set("parent", parent);
    }
  }

  public static final class List_ extends WidgetsRequest<ListWidgetsResponse, List_> {
    private static final RestMethod METHOD = RestMethod.builder("widgets.projects.widgets.list", "GET", "v1/{+parent}/widgets")
        .pathParam("parent", "^projects/[^/]+$").queryParam("pageToken").queryParam("pageSize").scopes(SCOPE).build();

    List_(ApiClient client, String parent) {
      super(client, METHOD, null, ListWidgetsResponse.class);
      set("parent", parent);
    }

    public List_ setPageToken(String pageToken) {
      return set("pageToken", pageToken);
    }

    public String getPageToken() {
      return get("pageToken");
    }

    public List_ setPageSize(Integer pageSize) {
      return set("pageSize", pageSize);
    }

    public PagedIterable<Widget, ListWidgetsResponse> iterateAll() {
      return PagedIterable.of(this, "pageToken", ListWidgetsResponse::getNextPageToken, ListWidgetsResponse::getWidgets);
    }
  }

  public static final class Delete extends WidgetsRequest<Empty, Delete> {
    private static final RestMethod METHOD = RestMethod.builder("widgets.projects.widgets.delete", "DELETE", "v1/{+name}")
        .pathParam("name", "^projects/[^/]+/widgets/[^/]+$").scopes(SCOPE).build();

    Delete(ApiClient client, String name) {
      super(client, METHOD, null, Empty.class);
      set("name", name);
    }
  }
}
