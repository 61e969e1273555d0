package io.discogen.ir;

import java.util.List;

/**
 * A resource: a named group of methods and sub-resources ({@code projects.locations.sessions}).
 *
 * @param name the spec's key ({@code sessions})
 * @param path dotted names from the top ({@code projects.locations.sessions})
 * @param methods in document order
 * @param resources sub-resources in document order
 */
public record Resource(String name, String path, List<Method> methods, List<Resource> resources) {

  public Resource {
    methods = List.copyOf(methods);
    resources = List.copyOf(resources);
  }

  void collectMethods(List<Method> into) {
    into.addAll(methods);
    for (Resource r : resources) {
      r.collectMethods(into);
    }
  }
}
