package dev.antigravity.api.http.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Tokens that passed verification, so that a client sending the same bearer token on every
 * request pays for one signature check (an RS256 verification is the largest single cost of an
 * authenticated request) instead of one per request. Keyed by the exact token text, so any other
 * token, even one differing in a byte, is verified in full. Only tokens that verified are kept,
 * and only while they would still verify: until their {@code exp} (plus the allowed skew) and at
 * most {@link #REVERIFY_AFTER} after their verification, so that a signing key withdrawn from the
 * identity provider's JWKS stops being honoured within about the time the JWKS itself is cached.
 */
final class VerifiedTokens {
    /** The JWKS source keeps keys about this long too (nimbus's default cache time-to-live). */
    static final Duration REVERIFY_AFTER = Duration.ofMinutes(5);
    /** Bounds the memory: tokens are ~1 KiB, so a few MiB at most. */
    private static final int MAX_TOKENS = 4_096;

    private final Cache<String, Verified> tokens =
            Caffeine.newBuilder().maximumSize(MAX_TOKENS).build();
    private final Clock clock;

    VerifiedTokens(Clock clock) {
        this.clock = clock;
    }

    /** The principal of a token verified earlier and still valid now; empty means: verify it in full. */
    Optional<Principal> principal(String token) {
        Verified verified = tokens.getIfPresent(token);
        if (verified == null) {
            return Optional.empty();
        }
        if (clock.instant().isBefore(verified.until())) {
            return Optional.of(verified.principal());
        }
        tokens.invalidate(token);
        return Optional.empty();
    }

    /** Remembers a token that has just verified, until {@code validUntil} or {@link #REVERIFY_AFTER}, whichever comes first. */
    void remember(String token, Principal principal, Instant validUntil) {
        Instant reverify = clock.instant().plus(REVERIFY_AFTER);
        tokens.put(token, new Verified(principal, validUntil.isBefore(reverify) ? validUntil : reverify));
    }

    private record Verified(Principal principal, Instant until) {}
}
