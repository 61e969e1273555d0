package io.discogen.it.emulator;

/** One {@link SpannerEmulator} per test class; see {@link EmulatorExtension}. */
public final class SpannerEmulatorExtension extends EmulatorExtension<SpannerEmulator> {
    public SpannerEmulatorExtension() {
        super(SpannerEmulator.class);
    }

    @Override
    SpannerEmulator start() throws Exception {
        return SpannerEmulator.start();
    }
}
