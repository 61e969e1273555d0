package io.discogen.it.emulator;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Cloud Spanner emulator behind its REST gateway, on free loopback ports.
 *
 * <p>Command line (one process; the gateway launches {@code emulator_main} itself and proxies
 * REST to it over gRPC):
 * <pre>
 * gateway_main --hostname 127.0.0.1 --grpc_port G --http_port H --grpc_binary &lt;sdk&gt;/bin/cloud_spanner_emulator/emulator_main
 * </pre>
 * Ready when {@code GET v1/projects/test-project/instanceConfigs} answers 200 (that call goes
 * through the gateway to the gRPC emulator, so both halves are up).
 */
public final class SpannerEmulator implements AutoCloseable {

    private final ManagedProcess process;
    private final int httpPort;
    private final int grpcPort;
    private final Duration startupTime;

    private SpannerEmulator(ManagedProcess process, int httpPort, int grpcPort, Duration startupTime) {
        this.process = process;
        this.httpPort = httpPort;
        this.grpcPort = grpcPort;
        this.startupTime = startupTime;
    }

    /**
     * Starts the gateway and emulator. If the binaries are missing, the calling test is skipped
     * (or failed when {@code CI=true}); see {@link CloudSdk}.
     */
    public static SpannerEmulator start() throws IOException {
        Path gateway = CloudSdk.requireExecutable("Spanner emulator gateway", CloudSdk.SPANNER_DEB,
                CloudSdk::spannerGateway);
        Path emulatorMain = CloudSdk.requireExecutable("Spanner emulator", CloudSdk.SPANNER_DEB,
                CloudSdk::spannerEmulatorMain);
        IOException lastDeath = null;
        for (int attempt = 1; attempt <= Ports.START_ATTEMPTS; attempt++) {
            int http = Ports.freePort();
            int grpc = Ports.freePort();
            while (grpc == http) {
                grpc = Ports.freePort();
            }
            List<String> cmd = List.of(gateway.toString(),
                    "--hostname", Ports.HOST,
                    "--grpc_port", Integer.toString(grpc),
                    "--http_port", Integer.toString(http),
                    "--grpc_binary", emulatorMain.toString());
            Path log = Ports.logDir().resolve("spanner-" + http + ".log");
            ManagedProcess p = ManagedProcess.start("spanner-emulator", cmd, Map.of(), log);
            try {
                Duration ready = p.awaitHttpReady(
                        URI.create("http://" + Ports.HOST + ":" + http + "/v1/projects/test-project/instanceConfigs"),
                        Ports.startTimeout());
                p.note("ready after " + ready.toMillis() + " ms");
                System.out.println("[emulators] Spanner emulator ready in " + ready.toMillis() + " ms at http://"
                        + Ports.HOST + ":" + http + "/ (gRPC " + Ports.HOST + ":" + grpc + "), log " + log);
                return new SpannerEmulator(p, http, grpc, ready);
            } catch (ManagedProcess.DiedException e) {
                p.close();
                lastDeath = e; // probably a port race: try fresh ports
            } catch (IOException | RuntimeException | Error e) {
                p.close();
                throw e;
            }
        }
        throw lastDeath;
    }

    /** {@code http://127.0.0.1:<httpPort>/}; API paths are {@code v1/...} below it. */
    public URI restUrl() {
        return URI.create("http://" + Ports.HOST + ":" + httpPort + "/");
    }

    /** {@code 127.0.0.1:<grpcPort>}, the value for {@code SPANNER_EMULATOR_HOST}. */
    public String grpcHostPort() {
        return Ports.HOST + ":" + grpcPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public int grpcPort() {
        return grpcPort;
    }

    /** From process start to the first successful readiness probe. */
    public Duration startupTime() {
        return startupTime;
    }

    public Path logFile() {
        return process.logFile();
    }

    /** The gateway process; its descendants include {@code emulator_main}. */
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
        return "SpannerEmulator[" + restUrl() + ", grpc " + grpcHostPort() + "]";
    }
}
