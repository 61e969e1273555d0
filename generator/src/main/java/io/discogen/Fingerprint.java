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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run's output depends on, as one hash, so a build tool can skip a run whose output would
 * not change: the bytes of every spec and the name it is given, the options that shape the output,
 * and the generator's version (for a snapshot, also the bytes of the generator's own jar).
 *
 * <p>After a successful run the fingerprint is {@link #record recorded} in the output directory
 * next to the {@link OutputWriter#MARKER} file. A later run with the same fingerprint whose output
 * is still complete {@link #isCurrent is current}. A failed run leaves the previous output and its
 * fingerprint as they were, so the next run tries again.
 */
public final class Fingerprint {
  /** The file in the output directory holding the fingerprint of the run that wrote it. */
  public static final String FILE = ".discogen-fingerprint";

  /** Changes when what goes into the hash changes. */
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
    MessageDigest all = sha256();
    line(all, FORMAT);
    line(all, "generator " + GeneratorIdentity.VALUE);
    line(all, "package " + options.packageName());
    line(all, "sourcesOnly " + options.sourcesOnly());
    line(all, "docs " + (options.docsDirectory() == null ? "-" : absolute(options.docsDirectory())));
    for (Map.Entry<Path, String> spec : specs.entrySet()) {
      try {
        line(all, "spec " + spec.getValue() + " " + hash(spec.getKey()));
      } catch (IOException e) {
        return Optional.empty();
      }
    }
    return Optional.of(HexFormat.of().formatHex(all.digest()));
  }

  /**
   * Whether the output directory holds complete output of a run with this fingerprint: the recorded
   * fingerprint matches, and every file the {@link OutputWriter#MARKER} lists (and the docs
   * directory, when docs are asked for) still exists.
   */
  public static boolean isCurrent(GeneratorOptions options, String fingerprint) {
    Path out = options.outputDirectory();
    try {
      if (!Files.isRegularFile(out.resolve(FILE))
          || !Files.readString(out.resolve(FILE), StandardCharsets.UTF_8).strip().equals(fingerprint)) {
        return false;
      }
      List<String> listed = Files.readAllLines(out.resolve(OutputWriter.MARKER), StandardCharsets.UTF_8);
      for (String path : listed) {
        if (!path.isEmpty() && !Files.isRegularFile(out.resolve(path))) {
          return false;
        }
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
    return options.docsDirectory() == null || Files.isDirectory(options.docsDirectory());
  }

  /** Records the fingerprint of the run that just wrote the output directory. */
  public static void record(GeneratorOptions options, String fingerprint) throws IOException {
    Files.writeString(options.outputDirectory().resolve(FILE), fingerprint + "\n", StandardCharsets.UTF_8);
  }

  private static String absolute(Path p) {
    return p.toAbsolutePath().normalize().toString();
  }

  private static String hash(Path file) throws IOException {
    MessageDigest md = sha256();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static void line(MessageDigest md, String s) {
    md.update(s.getBytes(StandardCharsets.UTF_8));
    md.update((byte) '\n');
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * The generator's version; for a snapshot also a hash of the jar it was loaded from, since a
   * snapshot's version does not change when its code does. Computed once per class loader.
   */
  private static final class GeneratorIdentity {
    static final String VALUE = compute();

    private static String compute() {
      String version = Generator.version();
      if (!version.endsWith("-SNAPSHOT")) {
        return version;
      }
      try {
        CodeSource source = Generator.class.getProtectionDomain().getCodeSource();
        Path location = source == null ? null : Path.of(source.getLocation().toURI());
        if (location != null && Files.isRegularFile(location)) {
          return version + " " + hash(location);
        }
        if (location != null) {
          // Classes straight from a build directory (tests, an IDE). Maven recompiles a whole module
          // on any change, so the time Generator.class was written stands for the build.
          return version + " " + Files.getLastModifiedTime(location.resolve("io/discogen/Generator.class"));
        }
      } catch (IOException | URISyntaxException | RuntimeException e) {
        // fall through: the version alone
      }
      return version;
    }
  }
}
