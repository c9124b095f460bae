package dev.antigravity.api.http.auth;

import dev.antigravity.api.http.filter.ClientAddress;
import dev.antigravity.api.http.filter.TokenBuckets;
import io.helidon.webserver.http.ServerRequest;
import java.time.Duration;

/**
 * Failed authentications per client address ({@code ratelimit.failures.*}). A client that keeps
 * presenting bad tokens is answered 429 before its next token is even verified, so guessing and
 * flooding cost it time and cost the server no signature checks. Only failures are charged: a
 * client whose tokens verify is never slowed down here (the per-caller rate limit still applies).
 */
public final class FailedAuthentications {
    private static final FailedAuthentications UNLIMITED = new FailedAuthentications(null, false);

    private final TokenBuckets buckets;
    private final boolean trustForwardedFor;

    public FailedAuthentications(TokenBuckets buckets, boolean trustForwardedFor) {
        this.buckets = buckets;
        this.trustForwardedFor = trustForwardedFor;
    }

    /** No limit (rate limiting switched off). */
    public static FailedAuthentications unlimited() {
        return UNLIMITED;
    }

    /** How long this client must wait before presenting another token; zero: go ahead. */
    Duration wait(ServerRequest req) {
        return buckets == null ? Duration.ZERO : buckets.peek(key(req));
    }

    void failed(ServerRequest req) {
        if (buckets != null) {
            buckets.take(key(req));
        }
    }

    private String key(ServerRequest req) {
        return ClientAddress.of(req, trustForwardedFor);
    }
}
