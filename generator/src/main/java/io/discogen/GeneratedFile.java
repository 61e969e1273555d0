package io.discogen;

/**
 * One output file, not yet written.
 *
 * @param path relative to the output directory, with {@code /} separators
 * @param content the bytes to write
 */
public record GeneratedFile(String path, byte[] content) {}
