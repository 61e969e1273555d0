package io.discogen;

import io.discogen.spec.SpecException;
import io.discogen.write.OutputWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * What a run's output depends on, so a build tool can skip a run whose output would not change:
 * the name, size and checksums (CRC-32 and CRC-32C) of every spec, the options that shape the
 * output, and the generator itself (the jar it was loaded from, whose path carries its version,
 * with its size and time, since a snapshot's version stays the same when its code changes). It is
 * plain text, one fact a line, so a person can see what an output directory was made from.
 *
 * <p>It is cheap by design, a few milliseconds for a handful of specs even in a fresh JVM such as a
 * Maven build's. Nothing but the specs is read. Checksums, not a cryptographic digest (whose
 * provider alone takes tens of milliseconds to start): this detects edits and need not resist
 * forgery. Strings are built with {@link StringBuilder}, not {@code +}, whose first uses each
 * bootstrap a method handle chain (again tens of milliseconds).
 *
 * <p>After a successful run the fingerprint is {@link #record recorded} in the output directory
 * next to the {@link OutputWriter#MARKER} file. A later run with the same fingerprint whose output
 * is still complete {@link #isCurrent is current}. A failed run leaves the previous output and its
 * fingerprint as they were, so the next run tries again.
 */
public final class Fingerprint {
  /** The file in the output directory holding the fingerprint of the run that wrote it. */
  public static final String FILE = ".discogen-fingerprint";

  /** Changes when what goes into a fingerprint changes. */
  private static final String FORMAT = "discogen-fingerprint 1";

  private Fingerprint() {}

  /**
   * The fingerprint of a run with these options, or empty when a spec cannot be listed or read
   * (the run itself will then report what is wrong).
   */
  public static Optional<String> compute(GeneratorOptions options) {
    Map<Path, String> specs;
    try {
      specs = Generator.expand(options.specs(), options.baseDirectory());
    } catch (SpecException e) {
      return Optional.empty();
    }
    StringBuilder fp = new StringBuilder();
    fp.append(FORMAT).append('\n');
    fp.append("generator ").append(GeneratorIdentity.VALUE).append('\n');
    fp.append("package ").append(options.packageName() == null ? "-" : options.packageName()).append('\n');
    fp.append("sourcesOnly ").append(options.sourcesOnly()).append('\n');
    fp.append("strict ").append(options.strict()).append('\n');
    if (options.cli()) { // only when on: fingerprints of runs without it stay as they were
      fp.append("cli true\n");
    }
    fp.append("docs ").append(options.docsDirectory() == null ? "-" : absolute(options.docsDirectory())).append('\n');
    byte[] buffer = new byte[64 * 1024];
    for (Map.Entry<Path, String> spec : specs.entrySet()) {
      try {
        fp.append("spec ").append(oneLine(spec.getValue())).append(' ');
        checksum(spec.getKey(), buffer, fp);
        fp.append('\n');
      } catch (IOException e) {
        return Optional.empty();
      }
    }
    return Optional.of(fp.toString());
  }

  /**
   * Whether the output directory holds complete output of a run with this fingerprint: the recorded
   * fingerprint matches, and every file the {@link OutputWriter#MARKER} lists still exists, in the
   * output directory and in the docs directory when docs are asked for.
   */
  public static boolean isCurrent(GeneratorOptions options, String fingerprint) {
    Path out = options.outputDirectory().toAbsolutePath().normalize();
    try {
      Path recorded = out.resolve(FILE);
      if (!Files.isRegularFile(recorded) || !Files.readString(recorded, StandardCharsets.UTF_8).equals(fingerprint)) {
        return false;
      }
      if (!complete(out)) {
        return false;
      }
      Path docs = options.docsDirectory() == null ? null : options.docsDirectory().toAbsolutePath().normalize();
      // Docs inside the output directory are listed in its marker; elsewhere they have their own.
      return docs == null || docs.startsWith(out) ? Files.isDirectory(docs == null ? out : docs) : complete(docs);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Whether every file a directory's {@link OutputWriter#MARKER} lists is there. */
  private static boolean complete(Path dir) throws IOException {
    Path marker = dir.resolve(OutputWriter.MARKER);
    if (!Files.isRegularFile(marker)) {
      return false;
    }
    for (String path : Files.readAllLines(marker, StandardCharsets.UTF_8)) {
      if (!path.isEmpty() && !Files.isRegularFile(dir.resolve(path))) {
        return false;
      }
    }
    return true;
  }

  /** Records the fingerprint of the run that just wrote the output directory. */
  public static void record(GeneratorOptions options, String fingerprint) throws IOException {
    Files.writeString(options.outputDirectory().resolve(FILE), fingerprint, StandardCharsets.UTF_8);
  }

  /**
   * Appends the size of a file and two checksums of its bytes, CRC-32 and CRC-32C: different
   * polynomials, so together 64 bits, and both computed by the CPU's own instructions.
   */
  private static void checksum(Path file, byte[] buffer, StringBuilder out) throws IOException {
    CRC32 crc32 = new CRC32();
    CRC32C crc32c = new CRC32C();
    long size = 0;
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        crc32.update(buffer, 0, n);
        crc32c.update(buffer, 0, n);
        size += n;
      }
    }
    out.append(size).append(" crc32:");
    hex8(crc32.getValue(), out);
    out.append(" crc32c:");
    hex8(crc32c.getValue(), out);
  }

  private static void hex8(long value, StringBuilder out) {
    String hex = Long.toHexString(value);
    out.append("0".repeat(8 - hex.length())).append(hex);
  }

  private static String absolute(Path p) {
    return oneLine(p.toAbsolutePath().normalize().toString());
  }

  private static String oneLine(String s) {
    return s.replace('\n', ' ').replace('\r', ' ');
  }

  /**
   * Which generator this is: the jar (or classes directory) it was loaded from, with its size and
   * time. A jar's path carries its version, and a snapshot's jar is rewritten by every build and
   * install, so this changes whenever the code may have; Maven recompiles a classes directory as a
   * whole, so there the time Generator.class was written will do. Reading the file system is much
   * cheaper here than reading the version resource. Computed once per class loader.
   */
  private static final class GeneratorIdentity {
    static final String VALUE = compute();

    private static String compute() {
      try {
        CodeSource source = Generator.class.getProtectionDomain().getCodeSource();
        if (source != null) {
          Path location = Path.of(source.getLocation().toURI());
          Path stamp = Files.isRegularFile(location) ? location : location.resolve("io/discogen/Generator.class");
          return new StringBuilder(oneLine(location.toString()))
              .append(' ').append(Files.size(stamp))
              .append(' ').append(Files.getLastModifiedTime(stamp).toMillis())
              .toString();
        }
      } catch (IOException | URISyntaxException | RuntimeException e) {
        // the version alone, then
      }
      return Generator.version();
    }
  }
}
