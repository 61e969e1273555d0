package io.discogen.it.emulator;

import java.util.Optional;

/** One {@link SpannerEmulator} per test class; see {@link EmulatorExtension}. */
public final class SpannerEmulatorExtension extends EmulatorExtension<SpannerEmulator> {
    public SpannerEmulatorExtension() {
        super(SpannerEmulator.class);
    }

    @Override
    SpannerEmulator start() throws Exception {
        return SpannerEmulator.start();
    }

    @Override
    Optional<String> missingReason() {
        return CloudSdk.missingReason("Spanner emulator", CloudSdk.SPANNER_DEB, CloudSdk::spannerGateway, CloudSdk::spannerEmulatorMain);
    }
}
