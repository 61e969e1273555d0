package io.discogen.write;

import io.discogen.GeneratedFile;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The one place that writes generated output. Every path is checked to stay inside the output
 * directory, whatever names the spec used. The directory is replaced as a whole: files are written
 * to a sibling staging directory, which then takes the old directory's place, so a failed run
 * leaves the previous output untouched and files no longer generated disappear. Files may be
 * written into the staging directory while others are still being rendered ({@link #stage}).
 */
public final class OutputWriter {
  /** Marks a directory as Discogen's, so a later run may replace it. */
  public static final String MARKER = ".discogen";

  private OutputWriter() {}

  /** Replaces {@code outputDirectory} with exactly {@code files}, in one step. */
  public static void replace(Path outputDirectory, List<GeneratedFile> files) throws IOException {
    try (Staging staging = stage(outputDirectory)) {
      List<String> paths = new ArrayList<>();
      for (GeneratedFile f : files) {
        staging.write(f);
        paths.add(f.path());
      }
      staging.commit(paths);
    }
  }

  /**
   * Starts replacing {@code outputDirectory}: checks that it may be replaced and makes the staging
   * directory beside it, into which files can then be written as they are rendered, from any
   * thread. Nothing changes for the output directory until {@link Staging#commit}; closing an
   * uncommitted staging deletes it.
   */
  public static Staging stage(Path outputDirectory) throws IOException {
    Path out = outputDirectory.toAbsolutePath().normalize();
    checkReplaceable(out);
    Path parent = out.getParent();
    if (parent == null) {
      throw new IOException("refusing to write output to the file system root");
    }
    Files.createDirectories(parent);
    removeAbandonedStaging(parent, out.getFileName().toString());
    // Unique enough for a sibling directory (createDirectory below fails rather than reuse one);
    // not UUID.randomUUID, whose SecureRandom costs a cold run ~40 classes and a seeding read.
    String tag = Long.toHexString(ProcessHandle.current().pid()) + "-"
        + Integer.toHexString(ThreadLocalRandom.current().nextInt());
    Path staging = parent.resolve("." + out.getFileName() + ".discogen-new-" + tag);
    Path old = parent.resolve("." + out.getFileName() + ".discogen-old-" + tag);
    Files.createDirectory(staging);
    return new Staging(out, staging, old);
  }

  /**
   * Deletes staging directories beside the output that runs killed while rendering left (their
   * names carry their process id). Another run's that is still alive stays, and so does any
   * {@code -old-} directory: that one may hold the only copy of earlier output.
   */
  private static void removeAbandonedStaging(Path parent, String name) throws IOException {
    String prefix = "." + name + ".discogen-new-";
    List<Path> abandoned = new ArrayList<>();
    try (Stream<Path> s = Files.list(parent)) {
      s.forEach(p -> {
        String f = p.getFileName().toString();
        int dash = f.indexOf('-', prefix.length());
        if (f.startsWith(prefix) && dash > 0) {
          try {
            long pid = Long.parseLong(f.substring(prefix.length(), dash), 16);
            if (ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) {
              abandoned.add(p);
            }
          } catch (NumberFormatException e) {
            // not a name this class gave
          }
        }
      });
    }
    for (Path p : abandoned) {
      deleteTree(p);
    }
  }

  /** A replacement under way: the staging directory and what has been written into it. */
  public static final class Staging implements Closeable {
    private final Path out;
    private final Path staging;
    private final Path old;
    private final Map<Path, Boolean> made = new ConcurrentHashMap<>(); // one createDirectories per directory
    private final Set<String> written = ConcurrentHashMap.newKeySet();

    private Staging(Path out, Path staging, Path old) {
      this.out = out;
      this.staging = staging;
      this.old = old;
    }

    /** Writes one file into the staging directory; safe to call from several threads at once. */
    public void write(GeneratedFile f) throws IOException {
      Path target = resolveInside(staging, f.path());
      try {
        // computeIfAbsent: a thread writing into a directory another is still creating waits for it.
        made.computeIfAbsent(target.getParent(), dir -> {
          try {
            Files.createDirectories(dir);
            return Boolean.TRUE;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      Files.write(target, f.content());
      written.add(f.path());
    }

    /**
     * Writes the manifest, listing {@code paths} in their order (every file written, and only
     * those), then puts the staging directory in the output directory's place.
     */
    public void commit(List<String> paths) throws IOException {
      if (!new HashSet<>(paths).equals(written)) {
        throw new IllegalStateException("the manifest must list exactly the files written");
      }
      StringBuilder manifest = new StringBuilder();
      for (String path : paths) {
        manifest.append(path).append('\n');
      }
      Files.writeString(staging.resolve(MARKER), manifest, StandardCharsets.UTF_8);
      boolean hadOld = Files.exists(out);
      if (hadOld) {
        move(out, old);
      }
      try {
        move(staging, out);
      } catch (IOException e) {
        if (hadOld) {
          move(old, out); // put the previous output back
        }
        throw e;
      }
      if (hadOld) {
        deleteTree(old);
      }
    }

    /** Deletes the staging directory unless it was committed. */
    @Override
    public void close() throws IOException {
      if (Files.exists(staging)) {
        deleteTree(staging);
      }
    }
  }

  /** Resolves a generated relative path, refusing anything that would land outside {@code root}. */
  static Path resolveInside(Path root, String relative) throws IOException {
    if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\\") || relative.contains("\0")) {
      throw new IOException("refusing generated path " + relative);
    }
    Path p = root.resolve(relative).normalize();
    if (!p.startsWith(root) || p.equals(root)) {
      throw new IOException("refusing generated path outside the output directory: " + relative);
    }
    return p;
  }

  /** An existing output directory is replaced only if it is empty or Discogen made it. */
  private static void checkReplaceable(Path out) throws IOException {
    if (!Files.exists(out)) {
      return;
    }
    if (!Files.isDirectory(out)) {
      throw new IOException(out + " exists and is not a directory");
    }
    if (Files.exists(out.resolve(MARKER))) {
      return;
    }
    try (Stream<Path> s = Files.list(out)) {
      if (s.findAny().isPresent()) {
        throw new IOException("refusing to replace " + out
            + ": it is not empty and was not generated by Discogen (no " + MARKER + " file)");
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException | DirectoryNotEmptyException e) {
      Files.move(from, to);
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
