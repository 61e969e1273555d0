package io.discogen.ir;

/**
 * Media download support of a Discovery method: the media is asked for with {@code alt=media}.
 * (An OpenAPI binary response is a {@link BinaryResponse}.)
 *
 * @param useDownloadService whether downloads go through the {@code /download/} service path
 */
public record MediaDownload(boolean useDownloadService) {}
