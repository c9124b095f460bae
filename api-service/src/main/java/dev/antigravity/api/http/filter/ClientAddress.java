package dev.antigravity.api.http.filter;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.net.InetSocketAddress;

/** The address a request comes from, as the rate limits key it. */
public final class ClientAddress {
    private ClientAddress() {}

    /**
     * @param trustForwardedFor take the last X-Forwarded-For entry (the one the load balancer
     *                          appended); only safe behind a proxy that sets it
     */
    public static String of(ServerRequest req, boolean trustForwardedFor) {
        if (trustForwardedFor) {
            var forwarded = req.headers().first(HeaderNames.X_FORWARDED_FOR);
            if (forwarded.isPresent()) {
                String[] hops = forwarded.get().split(",");
                String last = hops[hops.length - 1].trim();
                if (!last.isEmpty()) {
                    return last;
                }
            }
        }
        return req.remotePeer().address() instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress()
                : String.valueOf(req.remotePeer().address());
    }
}
