package io.discogen.docs;

import java.util.HashSet;
import java.util.Set;

/**
 * Explicit anchor ids of one page, unique on it. Every id has a prefix ({@code type-}, {@code
 * method-}, {@code param-}) that no heading slug GitHub derives from Discogen's headings starts with,
 * so explicit anchors and heading anchors never collide.
 */
final class Anchors {
  private final Set<String> used = new HashSet<>();

  String allocate(String prefix, String... parts) {
    StringBuilder base = new StringBuilder(prefix);
    for (String p : parts) {
      base.append('-').append(Markdown.slug(p));
    }
    String id = base.toString();
    for (int k = 2; !used.add(id); k++) {
      id = base + "-" + k;
    }
    return id;
  }
}
