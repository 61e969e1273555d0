package io.discogen.write;

import io.discogen.GeneratedFile;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The one place that writes generated output, and the owner of what Discogen may touch there.
 *
 * <p>Discogen owns exactly the files its manifest ({@value #MARKER} in the output directory) lists:
 * those it wrote last time. A run replaces and removes only those; every other file and folder
 * (a {@code .git} directory, the user's tests, notes) stays as it was, and a generated file that
 * would overwrite a file Discogen did not write is refused. Paths the user lists in
 * {@link IgnoreRules#FILE} are never written nor removed.
 *
 * <p>Nothing changes while a run renders: files go to a staging directory beside the output
 * ({@link #stage}), from any thread. Committing first records, inside the staging directory, the
 * new manifest and what to remove, then marks the staging directory committed, then moves each
 * file into place (a rename on the same file system) and removes the stale ones. A run killed
 * before that mark changed nothing, and the next run deletes its staging directory; one killed
 * after it is finished by the next run before that run does anything else. Every path is checked
 * to stay inside the output directory, whatever names the spec used.
 */
public final class OutputWriter {
  /** The manifest: the files Discogen wrote into this directory, one relative path a line. */
  public static final String MARKER = ".discogen";

  private static final String STAGING_INFIX = ".discogen-new-";
  /** In a staging directory: the paths to remove once its files are in place. */
  private static final String REMOVALS = ".discogen-remove";
  /** In a staging directory: present once the commit is decided (written last, atomically). */
  private static final String COMMITTED = ".discogen-committed";

  private OutputWriter() {}

  /** Writes exactly {@code files} into {@code outputDirectory}, as one run. */
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
   * Starts a run into {@code outputDirectory}: finishes a run that was killed while committing,
   * checks that the directory may be written, and makes the staging directory beside it, into
   * which files can then be written as they are rendered, from any thread. Nothing changes in the
   * output directory until {@link Staging#commit}; closing an uncommitted staging deletes it.
   */
  public static Staging stage(Path outputDirectory) throws IOException {
    Path out = outputDirectory.toAbsolutePath().normalize();
    Path parent = out.getParent();
    if (parent == null) {
      throw new IOException("refusing to write output to the file system root");
    }
    Files.createDirectories(parent);
    recover(out);
    checkWritable(out);
    // Unique enough for a sibling directory (createDirectory below fails rather than reuse one);
    // not UUID.randomUUID, whose SecureRandom costs a cold run ~40 classes and a seeding read.
    String tag = Long.toHexString(ProcessHandle.current().pid()) + "-"
        + Integer.toHexString(ThreadLocalRandom.current().nextInt());
    Path staging = parent.resolve("." + out.getFileName() + STAGING_INFIX + tag);
    Files.createDirectory(staging);
    return new Staging(out, staging);
  }

  /**
   * Deals with staging directories beside {@code outputDirectory} that runs killed midway left
   * (their names carry their process id): one marked committed is finished, as its run would
   * have; any other is deleted. Another live run's staging stays. Runs first thing in a run, so
   * that a decided commit is finished even when this run's specs are refused.
   */
  public static void recover(Path outputDirectory) throws IOException {
    Path out = outputDirectory.toAbsolutePath().normalize();
    Path parent = out.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      return;
    }
    String prefix = "." + out.getFileName() + STAGING_INFIX;
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
      if (Files.exists(p.resolve(COMMITTED))) {
        apply(out, p);
      } else {
        deleteTree(p);
      }
    }
  }

  /** A run under way: the staging directory and what has been written into it. */
  public static final class Staging implements Closeable {
    private final Path out;
    private final Path staging;
    private final Map<Path, Boolean> made = new ConcurrentHashMap<>(); // one createDirectories per directory
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private boolean prepared;
    private boolean applying;

    private Staging(Path out, Path staging) {
      this.out = out;
      this.staging = staging;
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
      if (f.executable()) {
        makeExecutable(target);
      }
      written.add(f.path());
    }

    /** {@link #prepare} then {@link #apply}. */
    public void commit(List<String> paths) throws IOException {
      prepare(paths);
      apply();
    }

    /**
     * Decides the commit without touching the output directory: the files written must be
     * exactly {@code paths}, and none of them may overwrite a file or folder Discogen did not
     * write. Records the new manifest (in the order of {@code paths}, less ignored paths) and the
     * stale files to remove, then marks the staging directory committed. Throws, changing nothing,
     * when a generated file would take a user's file's place.
     */
    public void prepare(List<String> paths) throws IOException {
      if (!new HashSet<>(paths).equals(written)) {
        throw new IllegalStateException("the manifest must list exactly the files written");
      }
      IgnoreRules ignore = IgnoreRules.read(out);
      Set<String> owned = readManifest(out);
      List<String> keep = new ArrayList<>();
      List<String> clashes = new ArrayList<>();
      for (String path : paths) {
        if (ignore.ignores(path)) {
          continue;
        }
        keep.add(path);
        if (!owned.contains(path) && takesUsersPlace(out, path, owned)) {
          clashes.add(path);
        }
      }
      if (!clashes.isEmpty()) {
        throw new IOException("refusing to overwrite " + (clashes.size() == 1 ? "a file" : clashes.size() + " files")
            + " in " + out + " that Discogen did not write: " + String.join(", ", clashes.subList(0, Math.min(5, clashes.size())))
            + (clashes.size() > 5 ? ", ..." : "") + " (move them away, or list them in " + IgnoreRules.FILE + " to keep yours)");
      }
      Set<String> removals = new LinkedHashSet<>(owned);
      removals.removeAll(keep);
      removals.removeIf(ignore::ignores); // taken over by the user
      Files.writeString(staging.resolve(MARKER), lines(keep), StandardCharsets.UTF_8);
      Files.writeString(staging.resolve(REMOVALS), lines(removals), StandardCharsets.UTF_8);
      Path mark = staging.resolve(COMMITTED + ".tmp");
      Files.createFile(mark);
      move(mark, staging.resolve(COMMITTED));
      prepared = true;
    }

    /** Moves the prepared files into the output directory and removes the stale ones. */
    public void apply() throws IOException {
      if (!prepared) {
        throw new IllegalStateException("prepare first");
      }
      applying = true;
      OutputWriter.apply(out, staging);
    }

    /**
     * Deletes the staging directory unless its files started moving into place: a prepared
     * commit that was never applied (another output's commit failed) is dropped too. One whose
     * apply failed midway stays, for the next run to finish.
     */
    @Override
    public void close() throws IOException {
      if (!applying && Files.exists(staging)) {
        deleteTree(staging);
      }
    }
  }

  /**
   * Carries out a committed staging directory: idempotent, so that a run killed halfway can be
   * finished by the next. Files already moved are no longer in the staging directory.
   */
  private static void apply(Path out, Path staging) throws IOException {
    List<String> keep = Files.readAllLines(staging.resolve(MARKER), StandardCharsets.UTF_8);
    List<String> removals = Files.readAllLines(staging.resolve(REMOVALS), StandardCharsets.UTF_8);
    Files.createDirectories(out);
    Set<Path> made = new HashSet<>();
    for (String path : keep) {
      Path from = resolveInside(staging, path);
      if (Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
        Path to = resolveInside(out, path);
        if (made.add(to.getParent())) {
          Files.createDirectories(to.getParent());
        }
        move(from, to);
      }
    }
    for (String path : removals) {
      Path stale = resolveInside(out, path);
      if (Files.deleteIfExists(stale)) {
        pruneEmptyParents(out, stale.getParent());
      }
    }
    move(staging.resolve(MARKER), out.resolve(MARKER));
    deleteTree(staging);
  }

  /** The paths {@code dir}'s manifest lists; empty when it has none. */
  static Set<String> readManifest(Path dir) throws IOException {
    Path manifest = dir.resolve(MARKER);
    if (!Files.isRegularFile(manifest)) {
      return Set.of();
    }
    Set<String> paths = new LinkedHashSet<>();
    for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
      if (!line.isEmpty()) {
        resolveInside(dir, line); // a hand-edited manifest must not make Discogen delete outside
        paths.add(line);
      }
    }
    return paths;
  }

  /**
   * Whether writing {@code path} would replace something Discogen does not own: an existing file
   * or folder at the path, or a file where one of its parent folders would go.
   */
  private static boolean takesUsersPlace(Path out, String path, Set<String> owned) throws IOException {
    Path target = resolveInside(out, path);
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    for (Path p = target.getParent(); p != null && !p.equals(out); p = p.getParent()) {
      if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p)) {
        return !owned.contains(out.relativize(p).toString().replace('\\', '/'));
      }
    }
    return false;
  }

  /** Removes {@code dir} and its parents below {@code out} while they are empty. */
  private static void pruneEmptyParents(Path out, Path dir) throws IOException {
    for (Path d = dir; d != null && d.startsWith(out) && !d.equals(out); d = d.getParent()) {
      try (Stream<Path> s = Files.list(d)) {
        if (s.findAny().isPresent()) {
          return;
        }
      } catch (NoSuchFileException e) {
        continue;
      }
      Files.delete(d);
    }
  }

  private static String lines(Iterable<String> paths) {
    StringBuilder sb = new StringBuilder();
    for (String p : paths) {
      sb.append(p).append('\n');
    }
    return sb.toString();
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
    if (p.getParent().equals(root) && isOwnFile(p.getFileName().toString())) {
      throw new IOException("refusing generated path that names Discogen's own file: " + relative);
    }
    return p;
  }

  private static boolean isOwnFile(String name) {
    return name.equals(MARKER) || name.equals(IgnoreRules.FILE) || name.startsWith(MARKER + "-");
  }

  /**
   * An existing output directory may be written only if it is empty (but perhaps for an ignore
   * file the user put there first) or holds Discogen's manifest.
   */
  private static void checkWritable(Path out) throws IOException {
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
      if (s.anyMatch(p -> !p.getFileName().toString().equals(IgnoreRules.FILE))) {
        throw new IOException("refusing to write into " + out
            + ": it is not empty and Discogen never generated into it (no " + MARKER + " file)");
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
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

  /** rwxr-xr-x where the file system has POSIX permissions; elsewhere the file stays as written. */
  private static void makeExecutable(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
