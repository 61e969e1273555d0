package io.discogen.it.emulator;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Pub/Sub emulator (a Java program; one port serves both gRPC and REST/JSON).
 *
 * <p>Command line:
 * <pre>
 * &lt;sdk&gt;/platform/pubsub-emulator/bin/cloud-pubsub-emulator --host=127.0.0.1 --port=P
 * </pre>
 * The launcher script {@code exec}s {@code java} from {@code JAVA_HOME} (else PATH); if
 * {@code JAVA_HOME} is unset we point it at the JVM running the tests. Ready when
 * {@code GET v1/projects/test-project/topics} answers 200.
 */
public final class PubSubEmulator implements AutoCloseable {

    private final ManagedProcess process;
    private final int port;
    private final Duration startupTime;

    private PubSubEmulator(ManagedProcess process, int port, Duration startupTime) {
        this.process = process;
        this.port = port;
        this.startupTime = startupTime;
    }

    /**
     * Starts the emulator. If it is missing, the calling test is skipped (or failed when
     * {@code CI=true}); see {@link CloudSdk}.
     */
    public static PubSubEmulator start() throws IOException {
        Path script = CloudSdk.requireExecutable("Pub/Sub emulator", CloudSdk.PUBSUB_DEB, CloudSdk::pubsubEmulator);
        Map<String, String> env = new HashMap<>();
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome == null || javaHome.isBlank()) {
            env.put("JAVA_HOME", System.getProperty("java.home"));
        }
        IOException lastDeath = null;
        for (int attempt = 1; attempt <= Ports.START_ATTEMPTS; attempt++) {
            int port = Ports.freePort();
            List<String> cmd = List.of(script.toString(), "--host=" + Ports.HOST, "--port=" + port);
            Path log = Ports.logDir().resolve("pubsub-" + port + ".log");
            ManagedProcess p = ManagedProcess.start("pubsub-emulator", cmd, env, log);
            try {
                Duration ready = p.awaitHttpReady(
                        URI.create("http://" + Ports.HOST + ":" + port + "/v1/projects/test-project/topics"),
                        Ports.startTimeout());
                p.note("ready after " + ready.toMillis() + " ms");
                System.out.println("[emulators] Pub/Sub emulator ready in " + ready.toMillis() + " ms at http://"
                        + Ports.HOST + ":" + port + "/, log " + log);
                return new PubSubEmulator(p, port, ready);
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

    /** {@code http://127.0.0.1:<port>/}; API paths are {@code v1/...} below it. */
    public URI restUrl() {
        return URI.create("http://" + Ports.HOST + ":" + port + "/");
    }

    /** {@code 127.0.0.1:<port>}, the value for {@code PUBSUB_EMULATOR_HOST}. */
    public String hostPort() {
        return Ports.HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public Duration startupTime() {
        return startupTime;
    }

    public Path logFile() {
        return process.logFile();
    }

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

    @Override
    public String toString() {
        return "PubSubEmulator[" + restUrl() + "]";
    }
}
