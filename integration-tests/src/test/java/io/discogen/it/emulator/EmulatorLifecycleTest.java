package io.discogen.it.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Start/stop behaviour of the harness itself: tree teardown, the missing-emulator policy, SDK lookup. */
class EmulatorLifecycleTest {

    @Test
    void missingEmulatorSkipsLocallyButFailsOnCi() {
        assertThrows(TestAbortedException.class, () -> CloudSdk.missing("x", Map.of()));
        assertThrows(TestAbortedException.class, () -> CloudSdk.missing("x", Map.of("CI", "false")));
        AssertionFailedError onCi = assertThrows(AssertionFailedError.class,
                () -> CloudSdk.missing("gateway_main absent", Map.of("CI", "true")));
        assertTrue(onCi.getMessage().contains("gateway_main absent"));
        assertThrows(AssertionFailedError.class, () -> CloudSdk.missing("x", Map.of("CI", "TRUE")));
    }

    @Test
    void sdkRootFromEnvironmentWins(@TempDir Path dir) {
        assertEquals(Optional.of(dir.toAbsolutePath().normalize()),
                CloudSdk.locateRoot(Map.of("CLOUDSDK_ROOT", dir.toString()), "/elsewhere"));
        assertEquals(Optional.empty(),
                CloudSdk.locateRoot(Map.of("CLOUDSDK_ROOT", dir.resolve("absent").toString()), null));
        assertEquals(Optional.of(dir.toAbsolutePath().normalize()), CloudSdk.locateRoot(Map.of(), dir.toString()));
    }

    /** The failure mode of gateway_main: the parent dies on SIGTERM and leaves its child running. */
    @Test
    void closeKillsChildrenThatOutliveTheirParent(@TempDir Path dir) throws Exception {
        ManagedProcess p = ManagedProcess.start("orphan-maker",
                List.of("bash", "-c", "sleep 600 & sleep 601 & wait"), Map.of(), dir.resolve("orphans.log"));
        List<ProcessHandle> children = awaitDescendants(p.handle(), 2);
        p.close();
        assertFalse(p.isAlive());
        for (ProcessHandle h : children) {
            assertFalse(h.isAlive(), "survivor: " + h.pid() + " " + h.info().commandLine().orElse(""));
        }
        assertTrue(Files.readString(dir.resolve("orphans.log")).contains("# stopped after"));
        p.close(); // idempotent
    }

    @Test
    void spannerEmulatorStopsWithItsWholeTree() throws Exception {
        SpannerEmulator emu = SpannerEmulator.start();
        List<ProcessHandle> tree;
        try {
            assertTrue(emu.startupTime().compareTo(Duration.ofSeconds(60)) < 0);
            tree = awaitDescendants(emu.processHandle(), 1);
            assertTrue(tree.stream().anyMatch(h -> h.info().command().orElse("").endsWith("emulator_main")),
                    "gateway_main launched emulator_main: " + describe(tree));
            assertTrue(Files.size(emu.logFile()) > 0);
        } finally {
            emu.close();
        }
        assertFalse(emu.isAlive());
        for (ProcessHandle h : tree) {
            assertFalse(h.isAlive(), "survivor " + h.pid());
        }
        assertRefused(emu.httpPort());
        assertRefused(emu.grpcPort());
    }

    @Test
    void pubSubEmulatorStops() throws Exception {
        PubSubEmulator emu = PubSubEmulator.start();
        List<ProcessHandle> tree;
        try {
            tree = emu.processHandle().descendants().collect(Collectors.toList());
            assertTrue(emu.processHandle().info().command().orElse("").endsWith("java"),
                    "the launcher script execs java: " + emu.processHandle().info());
        } finally {
            emu.close();
        }
        assertFalse(emu.isAlive());
        for (ProcessHandle h : tree) {
            assertFalse(h.isAlive(), "survivor " + h.pid());
        }
        assertRefused(emu.port());
    }

    private static List<ProcessHandle> awaitDescendants(ProcessHandle root, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            List<ProcessHandle> d = root.descendants().collect(Collectors.toList());
            if (d.size() >= atLeast || System.nanoTime() > deadline) {
                assertTrue(d.size() >= atLeast, "descendants of " + root.pid() + ": " + describe(d));
                return d;
            }
            Thread.sleep(20);
        }
    }

    private static String describe(List<ProcessHandle> hs) {
        return hs.stream().map(h -> h.pid() + "=" + h.info().command().orElse("?")).collect(Collectors.joining(", "));
    }

    private static void assertRefused(int port) {
        assertThrows(ConnectException.class, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(Ports.HOST, port), 1000);
            }
        }, "port " + port + " still accepts connections");
    }

}
