package io.discogen.runtime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Bytes to upload, with their content type and, when known, their length. The bytes come from a
 * source that can be opened again, so a failed upload can be retried or resumed from any offset
 * without holding the whole content in memory.
 *
 * <pre>{@code
 * MediaContent.of("image/png", bytes);
 * MediaContent.of("video/mp4", Path.of("movie.mp4"));
 * MediaContent.of("text/csv", -1, () -> new URL(u).openStream());   // length unknown
 * }</pre>
 */
public final class MediaContent {

  /** Opens the content from its first byte; each call returns a fresh stream. */
  @FunctionalInterface
  public interface Source {
    InputStream open() throws IOException;
  }

  private final String type;
  private final long length;
  private final Source source;
  private final String description;

  private MediaContent(String type, long length, Source source, String description) {
    String t = type == null || type.isBlank() ? "application/octet-stream" : type.trim();
    Headers.check("Content-Type", t);
    if (t.indexOf('/') <= 0) {
      throw new IllegalArgumentException("content type must look like type/subtype");
    }
    if (length < -1) {
      throw new IllegalArgumentException("length must be -1 (unknown) or at least 0");
    }
    this.type = t;
    this.length = length;
    this.source = Objects.requireNonNull(source, "source");
    this.description = description;
  }

  /** Content held in memory (not copied: do not modify the array while uploading). */
  public static MediaContent of(String type, byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    return new MediaContent(type, bytes.length, () -> new ByteArrayInputStream(bytes), "bytes");
  }

  /**
   * A file's content; its size is read now.
   *
   * @throws UncheckedIOException the file cannot be read
   */
  public static MediaContent of(String type, Path file) {
    Objects.requireNonNull(file, "file");
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of the upload file", e);
    }
    return new MediaContent(type, size, () -> Files.newInputStream(file), "file");
  }

  /**
   * Content from a source that can be opened again (for retries and resumed uploads).
   *
   * @param length the number of bytes the source yields, or -1 when unknown
   */
  public static MediaContent of(String type, long length, Source source) {
    return new MediaContent(type, length, source, "stream");
  }

  /** The content type ({@code application/octet-stream} when none was given). */
  public String type() {
    return type;
  }

  /** The length in bytes, or -1 when unknown. */
  public long length() {
    return length;
  }

  /** Whether the length is known. */
  public boolean hasLength() {
    return length >= 0;
  }

  /** Opens a fresh stream over the content, from its first byte. */
  public InputStream open() throws IOException {
    InputStream in = source.open();
    if (in == null) {
      throw new IOException("the media source returned no stream");
    }
    return in;
  }

  /** The media type without parameters, lower case ({@code image/png}). */
  String mediaType() {
    return type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "MediaContent[" + type + ", " + (length < 0 ? "unknown length" : length + " bytes") + ", " + description + "]";
  }
}
