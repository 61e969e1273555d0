package io.discogen.ir;

/**
 * A 2xx response that is raw content, not JSON (an OpenAPI binary response): {@code execute()}
 * returns its bytes, and it may also be read as a stream instead of into memory.
 *
 * @param resumable whether a broken stream can be resumed with ranged requests, which repeat the
 *     request: only for a GET. Otherwise the stream is the body of one exchange, retried only until
 *     the response headers arrive.
 */
public record BinaryResponse(boolean resumable) {}
