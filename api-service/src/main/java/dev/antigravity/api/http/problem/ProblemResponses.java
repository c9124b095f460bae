package dev.antigravity.api.http.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.antigravity.api.config.Json;
import dev.antigravity.api.http.CorrelationId;
import dev.antigravity.api.http.RequestPath;
import dev.antigravity.api.service.FieldError;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders an {@link ApiException} as an RFC 9457 problem document. */
public final class ProblemResponses {
    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemResponses() {}

    public static void send(ServerResponse res, ApiException problem, String instance, String correlationId) {
        res.status(Status.create(problem.status()));
        problem.headers().forEach((name, value) -> res.headers().set(HeaderNames.create(name), value));
        res.headers().set(HeaderNames.CONTENT_TYPE, MEDIA_TYPE);
        if (correlationId != null) {
            // Error paths may reset headers set earlier; the id must survive on every response.
            res.headers().set(HeaderNames.create(CorrelationId.HEADER), correlationId);
        }
        res.send(body(problem, instance, correlationId));
    }

    /**
     * Sends {@code problem} from a filter. Filters send instead of throwing because an exception
     * thrown in a filter is rendered only after the outer filters (access log, metrics) have
     * returned, so they would record the wrong status.
     */
    public static void reject(ServerRequest req, ServerResponse res, ApiException problem) {
        send(res, problem, RequestPath.of(req), CorrelationId.of(req));
    }

    /** The serialized problem document; also used where no ServerResponse exists (direct handlers). */
    public static byte[] body(ApiException problem, String instance, String correlationId) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", problem.type());
        doc.put("title", problem.title());
        doc.put("status", problem.status());
        doc.put("detail", problem.detail());
        if (instance != null) {
            doc.put("instance", instance);
        }
        if (correlationId != null) {
            doc.put("correlationId", correlationId);
        }
        List<FieldError> errors = problem.errors();
        if (!errors.isEmpty()) {
            doc.put("errors", errors);
        }
        try {
            return Json.mapper().writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers always serializes", e);
        }
    }
}
