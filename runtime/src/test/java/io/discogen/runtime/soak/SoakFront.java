package io.discogen.runtime.soak;

import java.util.Map;

/** What the soak's client talks to: a front that applies {@link Faults} on the way to {@link SoakServer}. */
interface SoakFront extends AutoCloseable {
  /** The port the client connects to (on the loopback address). */
  int port();

  /** Requests received. */
  long requests();

  /** Client connections accepted. */
  int connections();

  Map<Faults.Fault, Long> faults();

  /** Anything else the front has to report (one line, or empty). */
  default String more() {
    return "";
  }

  @Override
  void close();
}
