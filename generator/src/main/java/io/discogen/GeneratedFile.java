package io.discogen;

/**
 * One output file, not yet written.
 *
 * @param path relative to the output directory, with {@code /} separators
 * @param content the bytes to write
 * @param executable whether to mark it executable (a launcher script), where the file system can
 */
public record GeneratedFile(String path, byte[] content, boolean executable) {

  /** A file that is not executable: source, pom, docs. */
  public GeneratedFile(String path, byte[] content) {
    this(path, content, false);
  }
}
