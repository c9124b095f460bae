package dev.antigravity.lambdas.notifyfixtures;

import dev.antigravity.lambdas.adapters.webhook.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sleeper that only remembers how long it was asked to wait. */
public final class RecordingSleeper implements Sleeper {
    public final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
    }
}
