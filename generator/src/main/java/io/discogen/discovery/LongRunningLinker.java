package io.discogen.discovery;

import io.discogen.ir.LongRunning;
import io.discogen.ir.Method;
import io.discogen.ir.Parameter;
import io.discogen.ir.Resource;
import io.discogen.ir.Schema;
import io.discogen.ir.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Marks methods that return a long-running operation and links each to the {@code operations.get}
 * method that polls it. Runs once every method is read, because a poll method may be declared
 * anywhere in the document.
 */
final class LongRunningLinker {
  private final Map<String, Schema> index;
  private final List<Poll> polls = new ArrayList<>();

  /** An {@code operations.get} method and the dotted path of its resource. */
  private record Poll(String resourcePath, Method method, String schemaId) {}

  LongRunningLinker(List<Resource> resources, Map<String, Schema> index) {
    this.index = index;
    collectPolls(resources);
  }

  /**
   * A poll method: {@code get} in a resource named {@code operations}, a GET with one required
   * parameter (in the path) and an operation as response.
   */
  private void collectPolls(List<Resource> resources) {
    for (Resource r : resources) {
      if (r.name().equals("operations")) {
        for (Method m : r.methods()) {
          List<Parameter> required = m.requiredParameters();
          if (m.name().equals("get")
              && m.httpMethod().equals("GET")
              && required.size() == 1
              && required.get(0).location() == Parameter.Location.PATH
              && m.response() instanceof TypeRef.Named n
              && Derivations.isOperation(index.get(n.schemaId()))) {
            polls.add(new Poll(r.path(), m, n.schemaId()));
          }
        }
      }
      collectPolls(r.resources());
    }
  }

  List<Method> link(List<Method> methods, String resourcePath, boolean inOperations) {
    if (polls.isEmpty()) {
      return methods;
    }
    List<Method> out = new ArrayList<>(methods.size());
    for (Method m : methods) {
      // Methods on operations themselves (get, wait, cancel) act on an operation, not start one.
      LongRunning lr = inOperations ? null : longRunning(m, resourcePath);
      out.add(lr == null ? m : withLongRunning(m, lr));
    }
    return out;
  }

  List<Resource> linkResources(List<Resource> resources) {
    if (polls.isEmpty()) {
      return resources;
    }
    List<Resource> out = new ArrayList<>(resources.size());
    for (Resource r : resources) {
      out.add(
          new Resource(
              r.name(),
              r.path(),
              link(r.methods(), r.path(), r.name().equals("operations")),
              linkResources(r.resources())));
    }
    return out;
  }

  private LongRunning longRunning(Method m, String resourcePath) {
    if (!(m.response() instanceof TypeRef.Named n) || !Derivations.isOperation(index.get(n.schemaId()))) {
      return null;
    }
    Poll best = null;
    int bestShared = -1;
    int bestDepth = Integer.MAX_VALUE;
    for (Poll p : polls) {
      if (!p.schemaId().equals(n.schemaId())) {
        continue;
      }
      // The closest operations resource: most segments shared with the caller, then the fewest
      // of its own (projects.instances.operations beats projects.instances.backups.operations
      // for projects.instances.create); remaining ties go to the first in document order.
      int shared = sharedSegments(resourcePath, p.resourcePath());
      int depth = p.resourcePath().split("\\.").length;
      if (shared > bestShared || (shared == bestShared && depth < bestDepth)) {
        best = p;
        bestShared = shared;
        bestDepth = depth;
      }
    }
    if (best == null) {
      return null;
    }
    Method poll = best.method();
    return new LongRunning(
        n.schemaId(),
        poll.id(),
        poll.httpMethod(),
        poll.path(),
        poll.requiredParameters().get(0).name());
  }

  /** How many leading dotted segments two resource paths share. */
  static int sharedSegments(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    int n = 0;
    while (n < x.length && n < y.length && x[n].equals(y[n])) {
      n++;
    }
    return n;
  }

  private static Method withLongRunning(Method m, LongRunning lr) {
    return new Method(
        m.name(),
        m.id(),
        m.httpMethod(),
        m.path(),
        m.flatPath(),
        m.description(),
        m.parameters(),
        m.request(),
        m.response(),
        m.scopes(),
        m.deprecated(),
        m.enums(),
        m.mediaUpload(),
        m.mediaDownload(),
        m.pagination(),
        lr,
        m.requestIdParameter(),
        m.requestContentType(),
        m.errorType(),
        m.errorTypes(),
        m.binaryResponse(),
        m.streamsResponse());
  }
}
