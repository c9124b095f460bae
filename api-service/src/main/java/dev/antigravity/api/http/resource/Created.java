package dev.antigravity.api.http.resource;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** 201 Created with the new resource's location. */
final class Created {
    private Created() {}

    static void send(ServerRequest req, ServerResponse res, long id, Object entity) {
        location(req, res, id);
        res.status(Status.CREATED_201).send(entity);
    }

    static void location(ServerRequest req, ServerResponse res, long id) {
        String base = req.path().absolute().path();
        res.headers().set(HeaderNames.LOCATION, (base.endsWith("/") ? base : base + "/") + id);
    }
}
