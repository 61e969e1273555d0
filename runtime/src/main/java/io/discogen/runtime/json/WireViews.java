package io.discogen.runtime.json;

/**
 * Jackson views that tell request bodies from other JSON. Request bodies are written with {@link
 * Request}; model fields the spec declares {@code readOnly} carry {@link ServerOnly}, so they are
 * decoded from responses, kept in {@code toString} and {@link Json#write}, but never sent.
 */
public final class WireViews {
  private WireViews() {}

  /** The view request bodies are written with. */
  public interface Request {}

  /** Marks fields only the server sets. */
  public interface ServerOnly {}
}
