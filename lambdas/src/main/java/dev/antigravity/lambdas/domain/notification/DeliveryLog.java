package dev.antigravity.lambdas.domain.notification;

import java.time.Instant;

/**
 * Port: which (platform event, channel) pairs were delivered, so a duplicate SNS delivery posts once.
 *
 * <p>A sender first {@link #claim claims} the pair for a lease (a conditional write: only if nobody delivered it
 * and nobody else holds a live lease), posts, then {@link #markDelivered marks} it delivered — after success, so a
 * retry after a partial failure re-posts only to the channels that failed. A failed post {@link #release releases}
 * the claim so the retry can take it at once instead of waiting for the lease to run out.
 */
public interface DeliveryLog {
    /** Claims the pair until {@code leaseUntil} (when the claiming invocation must have ended). */
    Claim claim(String eventId, Channel channel, Instant leaseUntil);

    void markDelivered(String eventId, Channel channel, String claimToken);

    void release(String eventId, Channel channel, String claimToken);

    /** The outcome of a claim: {@code token} is set only when {@code state} is CLAIMED. */
    record Claim(State state, String token) {
        public enum State {
            CLAIMED,
            ALREADY_DELIVERED,
            HELD_ELSEWHERE
        }

        public static Claim claimed(String token) {
            return new Claim(State.CLAIMED, token);
        }

        public static Claim of(State state) {
            return new Claim(state, null);
        }
    }
}
