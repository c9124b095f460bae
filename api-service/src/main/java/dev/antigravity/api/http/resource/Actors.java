package dev.antigravity.api.http.resource;

import dev.antigravity.api.http.CorrelationId;
import dev.antigravity.api.http.auth.Access;
import dev.antigravity.api.http.auth.Role;
import dev.antigravity.api.http.problem.ApiException;
import dev.antigravity.api.service.Actor;
import dev.antigravity.api.service.StorableText;
import io.helidon.webserver.http.ServerRequest;

/** The services' view of an authorized caller. */
final class Actors {
    /** The width of the subject columns (users, orders, idempotency keys, audit log). */
    static final int MAX_SUBJECT_LENGTH = 200;

    private Actors() {}

    /**
     * The caller, who must hold one of {@code allowed} (any role when none given); else 401/403.
     * A subject the tables cannot hold verbatim is refused here rather than failing a write later.
     */
    static Actor require(ServerRequest req, Role... allowed) {
        var principal = Access.require(req, allowed);
        String subject = principal.subject();
        if (subject.isEmpty() || subject.length() > MAX_SUBJECT_LENGTH || !StorableText.isStorable(subject)) {
            throw ApiException.invalidToken("The token's subject must be 1 to " + MAX_SUBJECT_LENGTH
                    + " characters of well-formed text without control characters.");
        }
        return new Actor(subject, principal.isAdmin(), CorrelationId.of(req));
    }
}
