package io.discogen.runtime;

/** Checks on header names and values that keep spec or user text from injecting headers. */
final class Headers {
  private Headers() {}

  static void check(String name, String value) {
    if (name == null || name.isEmpty() || !name.chars().allMatch(Headers::isTokenChar)) {
      throw new IllegalArgumentException("invalid HTTP header name: " + name);
    }
    if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("HTTP header value for " + name + " contains CR or LF");
    }
  }

  private static boolean isTokenChar(int c) {
    return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
  }
}
