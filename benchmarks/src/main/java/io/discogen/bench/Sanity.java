package io.discogen.bench;

/** Fails the run if a side decoded something other than the whole payload (a silent no-op would win). */
final class Sanity {
  private Sanity() {}

  static void check(JsonBench b) {
    expect(b.discogenSessions.getSessions().size(), JsonBench.SESSIONS, "discogen sessions");
    expect(b.officialSessions.getSessions().size(), JsonBench.SESSIONS, "official sessions");
    expect(b.discogenInstances.getItems().size(), JsonBench.INSTANCES, "discogen instances");
    expect(b.officialInstances.getItems().size(), JsonBench.INSTANCES, "official instances");
    // Typed, not left as unknown properties: a nested field of the last element on each side.
    var ds = b.discogenSessions.getSessions().get(JsonBench.SESSIONS - 1);
    var os = b.officialSessions.getSessions().get(JsonBench.SESSIONS - 1);
    same(ds.getEnvironmentConfig().getExecutionConfig().getServiceAccount(),
        os.getEnvironmentConfig().getExecutionConfig().getServiceAccount(), "serviceAccount");
    if (!ds.unknownFields().isEmpty()) {
      throw new IllegalStateException("Discogen Session has unknown fields " + ds.unknownFields().keySet());
    }
    var di = b.discogenInstances.getItems().get(JsonBench.INSTANCES - 1);
    var oi = b.officialInstances.getItems().get(JsonBench.INSTANCES - 1);
    same(String.valueOf(di.getDisks().get(0).getDiskSizeGb()), String.valueOf(oi.getDisks().get(0).getDiskSizeGb()), "diskSizeGb");
    if (!di.unknownFields().isEmpty()) {
      throw new IllegalStateException("Discogen Instance has unknown fields " + di.unknownFields().keySet());
    }
  }

  private static void expect(int actual, int expected, String what) {
    if (actual != expected) {
      throw new IllegalStateException(what + ": " + actual + " != " + expected);
    }
  }

  private static void same(Object a, Object b, String what) {
    if (!String.valueOf(a).equals(String.valueOf(b))) {
      throw new IllegalStateException(what + ": " + a + " != " + b);
    }
  }
}
