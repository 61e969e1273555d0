package io.discogen.it.emulator;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What every emulator shares: its process, how it was started, and how it is stopped. */
abstract class Emulator implements AutoCloseable {

    /** One try at starting on fresh ports: the command, its environment, its log, its readiness probe. */
    record Launch(String name, List<String> command, Map<String, String> env, Path log, URI readinessProbe) {}

    /** A process that answered its readiness probe, and how long that took. */
    record Started(ManagedProcess process, Duration startupTime) {}

    private final ManagedProcess process;
    private final Duration startupTime;

    Emulator(Started started) {
        this.process = started.process();
        this.startupTime = started.startupTime();
    }

    /**
     * Starts a process and waits until its probe answers 200. A process that dies first most
     * likely lost a port race, so it is tried again with fresh ports, up to {@link
     * Ports#START_ATTEMPTS} times; {@code nextLaunch} picks the ports anew on each call.
     */
    static Started startWithRetries(IoSupplier<Launch> nextLaunch) throws IOException {
        IOException lastDeath = null;
        for (int attempt = 1; attempt <= Ports.START_ATTEMPTS; attempt++) {
            Launch l = nextLaunch.get();
            ManagedProcess p = ManagedProcess.start(l.name(), l.command(), l.env(), l.log());
            try {
                Duration ready = p.awaitHttpReady(l.readinessProbe(), Ports.startTimeout());
                p.note("ready after " + ready.toMillis() + " ms");
                System.out.println("[emulators] " + l.name() + " ready in " + ready.toMillis() + " ms ("
                        + l.readinessProbe() + "), log " + l.log());
                return new Started(p, ready);
            } catch (ManagedProcess.DiedException e) {
                p.close();
                lastDeath = e;
            } catch (IOException | RuntimeException | Error e) {
                p.close();
                throw e;
            }
        }
        throw lastDeath;
    }

    /** A supplier that may fail with an I/O error. */
    interface IoSupplier<T> {
        T get() throws IOException;
    }

    /** From process start to the first successful readiness probe. */
    public Duration startupTime() {
        return startupTime;
    }

    public Path logFile() {
        return process.logFile();
    }

    /** The emulator's main process; its descendants are stopped with it. */
    public ProcessHandle processHandle() {
        return process.handle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.close();
    }
}
