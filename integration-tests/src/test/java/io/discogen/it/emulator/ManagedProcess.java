package io.discogen.it.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * One external process (and everything it spawns), with output captured to a log file,
 * HTTP readiness polling, and tree-wide teardown.
 *
 * <p>Teardown matters: the Spanner {@code gateway_main} does NOT stop its {@code emulator_main}
 * child on SIGTERM (the child is re-parented to init and keeps its port). So {@link #close()}
 * snapshots all descendants first, signals the whole tree, waits a grace period, then kills
 * what is left. A JVM shutdown hook closes anything still running when the JVM exits.
 */
public final class ManagedProcess implements AutoCloseable {

    static final Duration GRACE = Duration.ofSeconds(5);

    private static final Set<ManagedProcess> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (ManagedProcess p : List.copyOf(LIVE)) {
                p.close();
            }
        }, "discogen-emulator-reaper"));
    }

    private final String name;
    private final Process process;
    private final Path logFile;
    private final long startNanos;
    private volatile boolean closed;

    private ManagedProcess(String name, Process process, Path logFile, long startNanos) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.startNanos = startNanos;
    }

    /** Starts {@code command}; stdout and stderr both go to {@code logFile} (truncated first). */
    public static ManagedProcess start(String name, List<String> command, Map<String, String> extraEnv, Path logFile)
            throws IOException {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        Files.writeString(logFile, "# " + name + ": " + String.join(" ", command) + System.lineSeparator(),
                StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        pb.environment().putAll(extraEnv);
        long t0 = System.nanoTime();
        Process p = pb.start();
        ManagedProcess mp = new ManagedProcess(name, p, logFile, t0);
        LIVE.add(mp);
        return mp;
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Time since {@link #start}. */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Thrown when the process exits before it becomes ready (e.g. its port was taken). */
    public static final class DiedException extends IOException {
        private static final long serialVersionUID = 1L;

        DiedException(String message) {
            super(message);
        }
    }

    /**
     * Polls {@code probeUrl} with GET until it answers HTTP 200, the process dies
     * ({@link DiedException}), or {@code timeout} passes ({@link IOException}).
     * Returns the time from start to readiness.
     */
    public Duration awaitHttpReady(URI probeUrl, Duration timeout) throws IOException {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no attempt";
        while (true) {
            if (!process.isAlive()) {
                throw new DiedException(name + " exited with code " + process.exitValue()
                        + " before becoming ready; log " + logFile + ":\n" + logTail(40));
            }
            try {
                HttpResponse<String> r = client.send(
                        HttpRequest.newBuilder(probeUrl).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return elapsed();
                }
                last = "HTTP " + r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + name, e);
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(name + " not ready after " + timeout.toSeconds() + " s (last probe of "
                        + probeUrl + ": " + last + "); log " + logFile + ":\n" + logTail(40));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + name, e);
            }
        }
    }

    /** Last {@code n} lines of the log, for error messages. */
    public String logTail(int n) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Appends a line of our own (timings, teardown notes) to the log. */
    void note(String line) {
        try {
            Files.writeString(logFile, "# " + line + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // diagnostics only
        }
    }

    /** Destroys the whole process tree: SIGTERM to all, {@link #GRACE}, then SIGKILL. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long t0 = System.nanoTime();
        String how = "";
        try {
            TreeKill k = destroyTree(process.toHandle(), GRACE);
            how = " (SIGTERM to " + k.all.size() + " process(es), SIGKILL to " + k.forced + ", survivors "
                    + k.all.stream().filter(ProcessHandle::isAlive).count() + ")";
        } finally {
            LIVE.remove(this);
            note("stopped after " + elapsed().toMillis() + " ms; teardown took "
                    + (System.nanoTime() - t0) / 1_000_000 + " ms" + how);
        }
    }

    /**
     * Kills {@code root} and all its descendants. Descendants are snapshotted before anything
     * is signalled, because a child whose parent dies is re-parented and no longer a
     * descendant.
     */
    static TreeKill destroyTree(ProcessHandle root, Duration grace) {
        Map<Long, ProcessHandle> tree = new LinkedHashMap<>();
        root.descendants().forEach(h -> tree.put(h.pid(), h));
        tree.put(root.pid(), root);
        List<ProcessHandle> all = new ArrayList<>(tree.values());

        all.forEach(ProcessHandle::destroy);
        waitAll(all, grace);

        // Anything spawned meanwhile, or that ignored SIGTERM.
        for (ProcessHandle h : List.copyOf(all)) {
            if (h.isAlive()) {
                h.descendants().forEach(d -> {
                    if (tree.putIfAbsent(d.pid(), d) == null) {
                        all.add(d);
                    }
                });
            }
        }
        List<ProcessHandle> stubborn = all.stream().filter(ProcessHandle::isAlive).collect(Collectors.toList());
        stubborn.forEach(ProcessHandle::destroyForcibly);
        waitAll(stubborn, grace);
        return new TreeKill(all, stubborn.size());
    }

    /** What {@link #destroyTree} targeted, and how many needed SIGKILL. */
    record TreeKill(List<ProcessHandle> all, int forced) {}

    private static void waitAll(List<ProcessHandle> handles, Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        for (ProcessHandle h : handles) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                h.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // handled by the caller's isAlive() check
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public String toString() {
        return name + "(pid " + process.pid() + ")";
    }
}
