package io.discogen.diff;

/** How a change affects code written against the previously generated client. */
public enum Severity {
  /** Code that compiled against the old client may no longer compile, or a feature it used is gone. */
  BREAKING,
  /** Code still compiles, but the same calls may now behave differently on the wire or at the server. */
  BEHAVIOURAL,
  /** Something new; existing code is unaffected. */
  ADDITIVE
}
