package io.discogen.ir;

/**
 * Media download support of a method.
 *
 * @param useDownloadService whether downloads go through the {@code /download/} service path
 * @param altMedia whether the media is asked for with {@code alt=media} (Discovery); false when
 *     the method's response is the content itself (an OpenAPI binary response)
 */
public record MediaDownload(boolean useDownloadService, boolean altMedia) {
  /** A Discovery media download ({@code alt=media}). */
  public MediaDownload(boolean useDownloadService) {
    this(useDownloadService, true);
  }
}
