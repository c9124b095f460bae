package dev.antigravity.api.http.auth;

import io.helidon.webserver.http.ServerRequest;
import java.util.Objects;
import java.util.Optional;

/** The authenticated caller: the token's subject and its role. */
public record Principal(String subject, Role role) {
    private static final Object CONTEXT_KEY = Principal.class;

    public Principal {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
    }

    /** The caller of this request; empty for anonymous requests. */
    public static Optional<Principal> current(ServerRequest req) {
        return req.context().get(CONTEXT_KEY, Principal.class);
    }

    /** Binds the verified caller to the request (done once, by the authentication filter). */
    static void bind(ServerRequest req, Principal principal) {
        req.context().register(CONTEXT_KEY, principal);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
