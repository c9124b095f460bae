package dev.antigravity.api.cache;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tokens an invalidation writes into generation keys: a random 128-bit prefix drawn once per cache (per task
 * process), then a counter. What the protocol needs of a token ({@link RedisCatalogueCache}) is that a generation
 * never goes back to a value a slow reader noted: that reader's store would then be accepted over a newer write.
 * Within a task the counter never repeats (a {@code long} does not wrap in this life of the universe); between tasks,
 * and a task and its restarted self, the prefixes differ unless two random 128-bit draws collide, the same odds a
 * random UUID per write had. The per-write {@code UUID.randomUUID()} it replaces read a {@link SecureRandom} under a
 * lock for every invalidation; here that happens once.
 */
final class GenerationTokens {
    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    GenerationTokens() {
        byte[] random = new byte[16];
        // The JDK's default: /dev/urandom on Linux, which never blocks once the kernel is seeded.
        new SecureRandom().nextBytes(random);
        this.prefix = HexFormat.of().formatHex(random) + ":";
    }

    /** A token no earlier call, and no other cache's call, returned. */
    String next() {
        return prefix + Long.toString(counter.incrementAndGet(), Character.MAX_RADIX);
    }
}
