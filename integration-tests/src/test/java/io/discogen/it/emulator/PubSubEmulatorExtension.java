package io.discogen.it.emulator;

import java.util.Optional;

/** One {@link PubSubEmulator} per test class; see {@link EmulatorExtension}. */
public final class PubSubEmulatorExtension extends EmulatorExtension<PubSubEmulator> {
    public PubSubEmulatorExtension() {
        super(PubSubEmulator.class);
    }

    @Override
    PubSubEmulator start() throws Exception {
        return PubSubEmulator.start();
    }

    @Override
    Optional<String> missingReason() {
        return CloudSdk.missingReason("Pub/Sub emulator", CloudSdk.PUBSUB_DEB, CloudSdk::pubsubEmulator);
    }
}
