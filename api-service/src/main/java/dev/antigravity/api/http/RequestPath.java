package dev.antigravity.api.http;

import io.helidon.webserver.http.ServerRequest;

/**
 * The path the client requested. Inside a service registered under a prefix,
 * {@code req.path()} is relative to that prefix ("/" for /api/users), so logs and problem
 * documents use the request line instead.
 */
public final class RequestPath {
    private RequestPath() {}

    public static String of(ServerRequest req) {
        return req.prologue().uriPath().path();
    }
}
