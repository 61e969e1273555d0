package io.discogen.ir;

/**
 * Media download support of a method ({@code alt=media}).
 *
 * @param useDownloadService whether downloads go through the {@code /download/} service path
 */
public record MediaDownload(boolean useDownloadService) {}
