package io.discogen.runtime;

import java.util.List;
import java.util.Objects;

/**
 * What a generated service class knows of its API: where it is served and which API-wide
 * parameters it accepts.
 *
 * @param name the API's short name ({@code dataproc})
 * @param version its version ({@code v1})
 * @param rootUrl default root, ends with {@code /}
 * @param mtlsRootUrl mutual-TLS root, or null
 * @param servicePath relative to the root, empty or ending with {@code /}
 * @param batchPath relative to the root, or null
 * @param commonParameters wire names of the API-wide query parameters the API declares
 */
public record ServiceInfo(
    String name,
    String version,
    String rootUrl,
    String mtlsRootUrl,
    String servicePath,
    String batchPath,
    List<String> commonParameters) {

  public ServiceInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(rootUrl, "rootUrl");
    servicePath = servicePath == null ? "" : servicePath;
    commonParameters = List.copyOf(commonParameters);
  }
}
