package io.discogen.runtime;

/** How media is uploaded; see {@code mediaUpload.protocols} of a Discovery document. */
public enum UploadProtocol {
  /** One request with the content only ({@code uploadType=media}); no metadata. */
  SIMPLE,
  /** One {@code multipart/related} request: JSON metadata, then the content ({@code uploadType=multipart}). */
  MULTIPART,
  /**
   * A session ({@code uploadType=resumable}) then the content in chunks; survives dropped
   * connections and server errors, and can be resumed from its session URI.
   */
  RESUMABLE
}
