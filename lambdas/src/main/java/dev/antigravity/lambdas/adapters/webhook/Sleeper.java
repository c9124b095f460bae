package dev.antigravity.lambdas.adapters.webhook;

import java.time.Duration;

/** Waits between delivery attempts; injected so tests assert the wait instead of spending it. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = duration -> Thread.sleep(duration);

    void sleep(Duration duration) throws InterruptedException;
}
