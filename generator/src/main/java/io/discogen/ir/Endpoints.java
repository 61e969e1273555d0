package io.discogen.ir;

/**
 * Where an API is served. {@code rootUrl} ends with {@code /}; {@code servicePath} is relative to it
 * and ends with {@code /} unless empty.
 *
 * @param rootUrl e.g. {@code https://dataproc.googleapis.com/}
 * @param mtlsRootUrl the mutual-TLS endpoint, may be null
 * @param servicePath e.g. {@code ""} or {@code storage/v1/}
 * @param batchPath e.g. {@code batch}, may be null when the API has no batch endpoint
 */
public record Endpoints(String rootUrl, String mtlsRootUrl, String servicePath, String batchPath) {}
