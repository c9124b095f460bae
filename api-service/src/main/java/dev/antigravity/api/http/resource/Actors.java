package dev.antigravity.api.http.resource;

import dev.antigravity.api.http.CorrelationId;
import dev.antigravity.api.http.auth.Access;
import dev.antigravity.api.http.auth.Role;
import dev.antigravity.api.service.Actor;

import io.helidon.webserver.http.ServerRequest;

/** The services' view of an authorized caller. */
final class Actors {
    private Actors() {
    }

    /** The caller, who must hold one of {@code allowed} (any role when none given); else 401/403. */
    static Actor require(ServerRequest req, Role... allowed) {
        var principal = Access.require(req, allowed);
        return new Actor(principal.subject(), principal.isAdmin(), CorrelationId.of(req));
    }
}
