package io.discogen.it.emulator;

/** One {@link PubSubEmulator} per test class; see {@link EmulatorExtension}. */
public final class PubSubEmulatorExtension extends EmulatorExtension<PubSubEmulator> {
    public PubSubEmulatorExtension() {
        super(PubSubEmulator.class);
    }

    @Override
    PubSubEmulator start() throws Exception {
        return PubSubEmulator.start();
    }
}
