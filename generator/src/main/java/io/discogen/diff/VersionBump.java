package io.discogen.diff;

/** The semantic-version bump a set of changes calls for. */
public enum VersionBump {
  /** Some change is {@link Severity#BREAKING}. */
  MAJOR,
  /** No breaking change, but something was added (or deprecated). */
  MINOR,
  /** Only behavioural changes, or none. */
  PATCH
}
