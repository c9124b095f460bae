package dev.antigravity.lambdas.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * EventBridge and Lambda's asynchronous invocation as the hooks see them: every event is delivered at least once, in
 * any order; a delivery whose invocation failed is retried with the same event (twice, a minute apart, as Lambda's
 * default retry policy does) and then lands in the failure queue, from where nothing redelivers it here: the
 * stabilizer has to recover what it carried.
 */
final class EventBus {
    static final int RETRIES = 2;
    static final Duration RETRY_DELAY = Duration.ofMinutes(1);

    /** One delivery of {@code event}; {@code attempt} 0 is the first, retries carry the same event. */
    record Delivery(Object event, int attempt, Instant notBefore) {}

    private final List<Delivery> pending = new ArrayList<>();

    void publish(Object event, Instant at) {
        pending.add(new Delivery(event, 0, at));
    }

    /**
     * Lambda retries a failed invocation with the same event, then gives up into the failure queue (from which
     * nothing redelivers it here).
     */
    void failed(Delivery delivery, Instant now) {
        if (delivery.attempt() < RETRIES) {
            pending.add(new Delivery(delivery.event(), delivery.attempt() + 1, now.plus(RETRY_DELAY)));
        }
    }

    boolean hasDue(Instant now) {
        for (Delivery delivery : pending) {
            if (!delivery.notBefore().isAfter(now)) {
                return true;
            }
        }
        return false;
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Takes the oldest due delivery, or null when none is due (the rehearsal delivers in order, exactly once). */
    Delivery takeOldest(Instant now) {
        for (int i = 0; i < pending.size(); i++) {
            if (!pending.get(i).notBefore().isAfter(now)) {
                return pending.remove(i);
            }
        }
        return null;
    }

    /**
     * Takes a random due delivery (EventBridge does not keep order); with probability {@code duplicate} a copy stays
     * behind to be delivered again (at-least-once).
     */
    Delivery take(SplittableRandom random, Instant now, double duplicate) {
        List<Integer> due = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            if (!pending.get(i).notBefore().isAfter(now)) {
                due.add(i);
            }
        }
        int index = due.get(random.nextInt(due.size()));
        Delivery delivery = pending.get(index);
        if (random.nextDouble() >= duplicate) {
            pending.remove(index);
        }
        return delivery;
    }
}
