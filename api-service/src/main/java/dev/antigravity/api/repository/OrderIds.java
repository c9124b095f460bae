package dev.antigravity.api.repository;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Ids for new orders drawn from the orders' sequence ahead of the orders that use them, so that an order's
 * transaction knows its id before its first statement and can send every statement in one round trip (the
 * lines, the payment and the messages all name the order). Each placing transaction draws the id of a later order
 * in its own round trip ({@link #draw()}); an order that finds no id waiting draws its own first, one more round
 * trip, which happens at start and after a quiet spell.
 *
 * <p>An id is handed out only while fresh, within {@code freshFor} of its drawing: the sequence is shared by every
 * task, and an id drawn long before its order would place that order far from its time in the newest-first
 * listings, which follow ids (as they did before: an id is drawn when the order's row is inserted, not when it
 * commits). Ids dropped as stale, or beyond {@code capacity}, leave gaps in the ids, as rolled-back orders always
 * did. Thread-safe.
 */
public final class OrderIds {
    private static final Sql DRAW = Sql.query("SELECT nextval('orders_id_seq') AS id", List.of());

    private final Duration freshFor;
    private final ArrayBlockingQueue<Drawn> waiting;

    /**
     * @param freshFor how long after its drawing an id may still be given to an order
     * @param capacity how many drawn ids may wait; more are dropped
     */
    public OrderIds(Duration freshFor, int capacity) {
        if (freshFor.isNegative() || capacity < 1) {
            throw new IllegalArgumentException("freshFor must not be negative and capacity at least 1");
        }
        this.freshFor = freshFor;
        this.waiting = new ArrayBlockingQueue<>(capacity);
    }

    /** The statement drawing one id; its result ({@link #id}) goes to {@link #drawn}. */
    public Sql draw() {
        return DRAW;
    }

    /** Keeps {@code id}, returned by a {@link #draw()} at {@code now}, for a later order. */
    public void drawn(long id, Instant now) {
        waiting.offer(new Drawn(id, now)); // full: dropped, a gap
    }

    /** The oldest id still fresh at {@code now}, if one is waiting; stale ones are dropped on the way. */
    public OptionalLong take(Instant now) {
        Instant oldestFresh = now.minus(freshFor);
        for (Drawn drawn = waiting.poll(); drawn != null; drawn = waiting.poll()) {
            if (!drawn.at().isBefore(oldestFresh)) {
                return OptionalLong.of(drawn.id());
            }
        }
        return OptionalLong.empty();
    }

    /** The id a {@link #draw()} returned. */
    public static long id(Pipeline.Result draw) {
        return draw.row()
                .map(row -> Columns.longValue(row, "id"))
                .orElseThrow(() -> new IllegalStateException("Drawing an order id returned no row"));
    }

    private record Drawn(long id, Instant at) {}
}
