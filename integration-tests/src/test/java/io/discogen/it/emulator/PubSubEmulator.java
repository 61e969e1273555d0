package io.discogen.it.emulator;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
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
public final class PubSubEmulator extends Emulator {

    private final int port;

    private PubSubEmulator(Started started, int port) {
        super(started);
        this.port = port;
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
        int[] chosen = new int[1];
        Started started = startWithRetries(() -> {
            int port = Ports.freePort();
            chosen[0] = port;
            List<String> cmd = List.of(script.toString(), "--host=" + Ports.HOST, "--port=" + port);
            return new Launch("pubsub-emulator", cmd, env, Ports.logDir().resolve("pubsub-" + port + ".log"),
                    URI.create("http://" + Ports.HOST + ":" + port + "/v1/projects/test-project/topics"));
        });
        return new PubSubEmulator(started, chosen[0]);
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

    @Override
    public String toString() {
        return "PubSubEmulator[" + restUrl() + "]";
    }
}
