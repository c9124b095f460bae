package dev.antigravity.api.http.auth;

import dev.antigravity.api.http.problem.ApiException;
import io.helidon.webserver.http.ServerRequest;
import java.util.Arrays;

/** Authorization checks for handlers: one call at the top of a handler states who may call it. */
public final class Access {
    private Access() {}

    /**
     * The caller, if it has one of {@code allowed} (any role when none are given).
     *
     * @throws ApiException 401 for an anonymous caller, 403 for a caller without an allowed role
     */
    public static Principal require(ServerRequest req, Role... allowed) {
        Principal principal =
                Principal.current(req).orElseThrow(() -> ApiException.unauthorized("A bearer token is required."));
        if (allowed.length > 0 && Arrays.stream(allowed).noneMatch(r -> r == principal.role())) {
            throw ApiException.forbidden("This operation requires the role " + describe(allowed) + ".");
        }
        return principal;
    }

    private static String describe(Role... roles) {
        return String.join(
                " or ",
                Arrays.stream(roles)
                        .map(r -> r.name().toLowerCase(java.util.Locale.ROOT))
                        .toList());
    }
}
