package io.discogen.runtime;

/**
 * Marks a built-in {@link HttpPolicy} a user adds that never reads a response's body ({@link
 * HttpPolicy#onRequest}, {@link OpenTelemetryPolicy}): with only such user policies, a call's 2xx
 * JSON body is decoded while it arrives (see {@link Pipeline#decodesOnArrival}). Any other user
 * policy sees the body as bytes, as documented.
 */
interface LeavesResponsesAlone { }
