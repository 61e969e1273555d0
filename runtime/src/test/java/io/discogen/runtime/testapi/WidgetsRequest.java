package io.discogen.runtime.testapi;

import io.discogen.runtime.ApiClient;
import io.discogen.runtime.ClientRequest;
import io.discogen.runtime.RestMethod;

/** The API-wide base request, as the generator emits it. */
public abstract class WidgetsRequest<T, R extends WidgetsRequest<T, R>> extends ClientRequest<T, R> {
  protected WidgetsRequest(ApiClient client, RestMethod method, Object content, java.lang.reflect.Type responseType) {
    super(client, method, content, responseType);
  }

  public R setFields(String fields) {
    return set("fields", fields);
  }

  public R setPrettyPrint(Boolean prettyPrint) {
    return set("prettyPrint", prettyPrint);
  }

  public R setXgafv(String v) {
    return set("$.xgafv", v);
  }

  public R setQuotaUser(String quotaUser) {
    return set("quotaUser", quotaUser);
  }

  public R setAccessToken(String accessToken) {
    return set("access_token", accessToken);
  }
}
