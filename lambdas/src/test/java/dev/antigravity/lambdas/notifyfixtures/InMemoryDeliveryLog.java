package dev.antigravity.lambdas.notifyfixtures;

import dev.antigravity.lambdas.domain.notification.Channel;
import dev.antigravity.lambdas.domain.notification.DeliveryLog;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The delivery log's contract in memory (the DynamoDB adapter is tested against moto_server separately). */
public final class InMemoryDeliveryLog implements DeliveryLog {
    private record Entry(boolean delivered, String token, Instant leaseUntil) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final java.time.InstantSource clock;

    public InMemoryDeliveryLog(java.time.InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Claim claim(String eventId, Channel channel, Instant leaseUntil) {
        Entry current = entries.get(eventId + channel);
        if (current != null && current.delivered()) {
            return Claim.of(Claim.State.ALREADY_DELIVERED);
        }
        if (current != null && current.leaseUntil().isAfter(clock.instant())) {
            return Claim.of(Claim.State.HELD_ELSEWHERE);
        }
        String token = UUID.randomUUID().toString();
        entries.put(eventId + channel, new Entry(false, token, leaseUntil));
        return Claim.claimed(token);
    }

    @Override
    public synchronized void markDelivered(String eventId, Channel channel, String claimToken) {
        entries.put(eventId + channel, new Entry(true, null, null));
    }

    @Override
    public synchronized void release(String eventId, Channel channel, String claimToken) {
        Entry current = entries.get(eventId + channel);
        if (current != null && claimToken.equals(current.token())) {
            entries.remove(eventId + channel);
        }
    }

    public boolean delivered(String eventId, Channel channel) {
        Entry entry = entries.get(eventId + channel);
        return entry != null && entry.delivered();
    }
}
