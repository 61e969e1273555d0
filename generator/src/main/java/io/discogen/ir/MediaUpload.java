package io.discogen.ir;

import java.util.List;

/**
 * Media upload support of a method.
 *
 * @param accept accepted MIME ranges ({@code image/*}); empty means any
 * @param maxSize the largest upload in bytes, or null for no limit
 * @param simplePath the path template for simple and multipart uploads, or null
 * @param resumablePath the path template for resumable uploads, or null
 * @param multipart whether the simple protocol accepts multipart uploads
 */
public record MediaUpload(
    List<String> accept, Long maxSize, String simplePath, String resumablePath, boolean multipart) {

  public MediaUpload {
    accept = List.copyOf(accept);
  }
}
