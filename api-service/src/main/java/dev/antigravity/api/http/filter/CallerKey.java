package dev.antigravity.api.http.filter;

import dev.antigravity.api.http.auth.Principal;
import io.helidon.webserver.http.ServerRequest;

/**
 * Who a request counts against for rate and concurrency limits: its authenticated subject, else
 * its client IP. Needs the authentication filter to have run.
 *
 * @param trustForwardedFor take the client IP from the last X-Forwarded-For entry (the one the
 *                          load balancer appended); only safe behind a proxy that sets it
 */
public record CallerKey(boolean trustForwardedFor) {
    public String of(ServerRequest req) {
        return Principal.current(req)
                .map(p -> "sub:" + p.subject())
                .orElseGet(() -> "ip:" + ClientAddress.of(req, trustForwardedFor));
    }
}
