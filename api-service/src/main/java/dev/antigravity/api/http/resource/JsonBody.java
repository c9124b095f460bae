package dev.antigravity.api.http.resource;

import dev.antigravity.api.http.problem.ApiException;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.ServerRequest;

/** Reads a JSON request body into a record; Jackson failures become field problems centrally. */
final class JsonBody {
    private JsonBody() {
    }

    static <T> T read(ServerRequest req, Class<T> type) {
        boolean json = req.headers().contentType()
                .map(HttpMediaType::mediaType)
                .map(media -> media.equals(MediaTypes.APPLICATION_JSON) || media.subtype().endsWith("+json"))
                .orElse(false);
        if (!json) {
            throw ApiException.unsupportedMediaType("The request body must be JSON (Content-Type: application/json).");
        }
        if (!req.content().hasEntity()) {
            throw ApiException.badRequest("The request body is empty; a JSON document is required.");
        }
        return req.content().as(type);
    }
}
