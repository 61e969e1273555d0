package io.discogen.it.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the Google Cloud SDK and the emulator binaries inside it, and applies the
 * missing-emulator policy: absent binaries make a test SKIP normally, but FAIL when the
 * environment says {@code CI=true} (so CI can never go green by silently skipping).
 *
 * <p>Root lookup order: env {@code CLOUDSDK_ROOT}, system property {@code discogen.cloudsdk.root},
 * {@code gcloud info --format=value(installation.sdk_root)}, then {@code /usr/lib/google-cloud-sdk}.
 */
public final class CloudSdk {

    public static final Path DEFAULT_ROOT = Path.of("/usr/lib/google-cloud-sdk");

    /** Debian packages (Google's apt repository) that ship the emulators. */
    public static final String SPANNER_DEB = "google-cloud-cli-spanner-emulator";
    public static final String PUBSUB_DEB = "google-cloud-cli-pubsub-emulator";

    private static volatile Optional<Path> cachedRoot;

    private CloudSdk() {}

    /** The SDK root, or empty if none of the lookups finds a directory. */
    public static Optional<Path> root() {
        Optional<Path> r = cachedRoot;
        if (r == null) {
            r = locateRoot(System.getenv(), System.getProperty("discogen.cloudsdk.root"));
            cachedRoot = r;
        }
        return r;
    }

    static Optional<Path> locateRoot(Map<String, String> env, String sysProp) {
        String fromEnv = env.get("CLOUDSDK_ROOT");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return dir(Path.of(fromEnv));
        }
        if (sysProp != null && !sysProp.isBlank()) {
            return dir(Path.of(sysProp));
        }
        Optional<Path> fromGcloud = askGcloud();
        if (fromGcloud.isPresent()) {
            return fromGcloud;
        }
        return dir(DEFAULT_ROOT);
    }

    private static Optional<Path> dir(Path p) {
        return Files.isDirectory(p) ? Optional.of(p.toAbsolutePath().normalize()) : Optional.empty();
    }

    private static Optional<Path> askGcloud() {
        ProcessBuilder pb = new ProcessBuilder("gcloud", "info", "--format=value(installation.sdk_root)");
        pb.redirectErrorStream(false);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("CLOUDSDK_CORE_DISABLE_PROMPTS", "1");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return Optional.empty(); // no gcloud on PATH
        }
        try (InputStream in = p.getInputStream()) {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.exitValue() != 0 || out.isEmpty()) {
                return Optional.empty();
            }
            return dir(Path.of(out.lines().findFirst().orElse("").trim()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return Optional.empty();
        }
    }

    public static Path spannerGateway(Path root) {
        return root.resolve("bin/cloud_spanner_emulator/gateway_main");
    }

    public static Path spannerEmulatorMain(Path root) {
        return root.resolve("bin/cloud_spanner_emulator/emulator_main");
    }

    public static Path pubsubEmulator(Path root) {
        return root.resolve("platform/pubsub-emulator/bin/cloud-pubsub-emulator");
    }

    /**
     * Why {@code component} cannot run here (SDK root or an executable missing), or empty if
     * all of {@code executables} are present.
     */
    @SafeVarargs
    static Optional<String> missingReason(String component, String debPackage,
            Function<Path, Path>... executables) {
        Optional<Path> root = root();
        if (root.isEmpty()) {
            return Optional.of(component + ": Google Cloud SDK not found (set CLOUDSDK_ROOT, or install"
                    + " google-cloud-cli and " + debPackage + ")");
        }
        for (Function<Path, Path> where : executables) {
            Path exe = where.apply(root.get());
            if (!Files.isExecutable(exe)) {
                return Optional.of(component + ": " + exe + " is missing or not executable (Debian package "
                        + debPackage + ")");
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the executable under the SDK root, or skips/fails the calling test per the
     * missing-emulator policy ({@link #missing}).
     */
    static Path requireExecutable(String component, String debPackage, Function<Path, Path> where) {
        missingReason(component, debPackage, where).ifPresent(reason -> missing(reason, System.getenv()));
        return where.apply(root().orElseThrow());
    }

    /**
     * The policy itself: never returns. Aborts (skips) the test, unless {@code CI=true} in
     * {@code env}, in which case it fails it.
     */
    static void missing(String message, Map<String, String> env) {
        if (isCi(env)) {
            Assertions.fail("Emulator required on CI (CI=true) but unavailable: " + message);
        }
        Assumptions.abort("Emulator unavailable, skipping: " + message);
    }

    static boolean isCi(Map<String, String> env) {
        return "true".equalsIgnoreCase(String.valueOf(env.get("CI")).trim());
    }
}
