package io.discogen.it.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

/** Free loopback ports, log locations and timeouts shared by the emulator launchers. */
final class Ports {

    static final String HOST = "127.0.0.1";

    private Ports() {}

    /**
     * A port that was free on 127.0.0.1 a moment ago (bind to 0, read, release). The
     * launchers retry with fresh ports if an emulator then dies because someone else took it.
     */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            s.setReuseAddress(false);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pick a free port on " + HOST, e);
        }
    }

    /** {@code -Ddiscogen.it.logDir} (set by the pom to target/emulator-logs), else ./target/emulator-logs. */
    static Path logDir() {
        String d = System.getProperty("discogen.it.logDir");
        return (d == null || d.isBlank() ? Path.of("target", "emulator-logs") : Path.of(d)).toAbsolutePath();
    }

    /** {@code -Ddiscogen.it.startTimeoutSeconds}, default 60. */
    static Duration startTimeout() {
        return Duration.ofSeconds(Long.getLong("discogen.it.startTimeoutSeconds", 60L));
    }

    /** How many times to retry start-up when the process dies early (port race). */
    static final int START_ATTEMPTS = 3;
}
