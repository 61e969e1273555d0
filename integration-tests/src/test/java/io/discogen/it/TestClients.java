package io.discogen.it;

import java.net.URI;
import java.time.Duration;

import io.discogen.runtime.ClientOptions;
import io.discogen.runtime.PollingPolicy;
import io.discogen.runtime.RetryPolicy;

/** Client options shared by the tests of generated clients. */
public final class TestClients {

    /** Retries as by default, but with waits of milliseconds, so retried calls keep tests fast. */
    public static final RetryPolicy FAST_RETRIES =
            new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(200), 2.0, Duration.ofSeconds(20));

    /** Polls long-running operations every few milliseconds instead of from 1 s up. */
    public static final PollingPolicy FAST_POLLING =
            new PollingPolicy(Duration.ofMillis(10), Duration.ofMillis(100), 2.0);

    private TestClients() {}

    /** Options pointing a generated client at a local server ({@code http://127.0.0.1:PORT/}). */
    public static ClientOptions local(URI rootUrl) {
        return ClientOptions.builder()
                .rootUrl(rootUrl.toString())
                .retryPolicy(FAST_RETRIES)
                .pollingPolicy(FAST_POLLING)
                .requestTimeout(Duration.ofSeconds(30))
                .build();
    }
}
