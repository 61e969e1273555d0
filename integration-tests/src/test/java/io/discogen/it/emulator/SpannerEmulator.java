package io.discogen.it.emulator;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
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
public final class SpannerEmulator extends Emulator {

    private final int httpPort;
    private final int grpcPort;

    private SpannerEmulator(Started started, int httpPort, int grpcPort) {
        super(started);
        this.httpPort = httpPort;
        this.grpcPort = grpcPort;
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
        int[] ports = new int[2];
        Started started = startWithRetries(() -> {
            int http = Ports.freePort();
            int grpc = Ports.freePort();
            while (grpc == http) {
                grpc = Ports.freePort();
            }
            ports[0] = http;
            ports[1] = grpc;
            List<String> cmd = List.of(gateway.toString(),
                    "--hostname", Ports.HOST,
                    "--grpc_port", Integer.toString(grpc),
                    "--http_port", Integer.toString(http),
                    "--grpc_binary", emulatorMain.toString());
            return new Launch("spanner-emulator", cmd, Map.of(), Ports.logDir().resolve("spanner-" + http + ".log"),
                    URI.create("http://" + Ports.HOST + ":" + http + "/v1/projects/test-project/instanceConfigs"));
        });
        return new SpannerEmulator(started, ports[0], ports[1]);
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

    @Override
    public String toString() {
        return "SpannerEmulator[" + restUrl() + ", grpc " + grpcHostPort() + "]";
    }
}
