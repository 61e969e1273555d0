package io.discogen.runtime;

/**
 * Where an upload stands.
 *
 * @param state the stage reached
 * @param bytesSent bytes the server has acknowledged (simple and multipart: sent)
 * @param totalBytes the content length, or -1 while unknown
 * @param sessionUri the resumable session URI once the session exists, else null; keep it to
 *     resume after a restart. It grants access to the upload: treat it as a secret.
 */
public record UploadProgress(State state, long bytesSent, long totalBytes, String sessionUri) {

  /** Stages of an upload. */
  public enum State {
    /** A resumable session is being started. */
    INITIATION_STARTED,
    /** The resumable session exists; {@link UploadProgress#sessionUri()} is set. */
    INITIATION_COMPLETE,
    /** Content is being sent. */
    MEDIA_IN_PROGRESS,
    /** The server has all the content and answered. */
    MEDIA_COMPLETE
  }

  /** The fraction done, 0 to 1, or -1 when the total is unknown. */
  public double fraction() {
    if (totalBytes < 0) {
      return -1;
    }
    return totalBytes == 0 ? 1.0 : (double) bytesSent / totalBytes;
  }

  @Override
  public String toString() {
    // The session URI is a capability: never printed.
    return "UploadProgress[" + state + ", " + bytesSent + "/" + (totalBytes < 0 ? "?" : totalBytes) + "]";
  }

  /** Receives progress of an upload, on the thread that uploads. */
  @FunctionalInterface
  public interface Listener {
    void progressChanged(UploadProgress progress);
  }
}
