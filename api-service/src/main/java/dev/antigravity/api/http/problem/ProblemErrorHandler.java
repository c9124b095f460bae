package dev.antigravity.api.http.problem;

import dev.antigravity.api.http.CorrelationId;
import dev.antigravity.api.http.RequestPath;
import dev.antigravity.api.http.RouteTable;
import dev.antigravity.api.service.ServiceException;
import io.helidon.http.HttpException;
import io.helidon.http.NotFoundException;
import io.helidon.webserver.http.ErrorHandler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;

/**
 * The single place where exceptions become HTTP responses: every error leaves the service as
 * problem+json with the request's correlation id, and unexpected ones are logged with their
 * stack trace but never leak it to the client. An unreachable database is not unexpected: 503.
 */
public final class ProblemErrorHandler implements ErrorHandler<Throwable> {
    private static final System.Logger LOG = System.getLogger(ProblemErrorHandler.class.getName());

    private final RouteTable routes;

    /** @param routes the service's routes, to tell "wrong method" (405) from "no such path" (404) */
    public ProblemErrorHandler(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res, Throwable error) {
        ApiException problem = toProblem(req, error);
        ProblemResponses.send(res, problem, RequestPath.of(req), CorrelationId.of(req));
    }

    ApiException toProblem(ServerRequest req, Throwable error) {
        if (error instanceof ApiException api) {
            return api;
        }
        if (error instanceof ServiceException refused) {
            return ServiceProblems.from(refused);
        }
        var json = JsonProblems.from(error);
        if (json.isPresent()) {
            return json.get();
        }
        if (error instanceof IllegalStateException && !req.content().hasEntity()) {
            // Helidon's "No entity": a handler asked for a body the client did not send.
            return ApiException.badRequest("The request body is empty; a JSON document is required.");
        }
        if (error instanceof NotFoundException) {
            return noRoute(req);
        }
        if (error instanceof HttpException http && http.status().code() < 500) {
            // Helidon's own client errors (unsupported media type, bad header, ...): keep the status.
            return new ApiException(
                    http.status().code(),
                    ApiException.TYPE_BASE + "http-" + http.status().code(),
                    http.status().reasonPhrase(),
                    http.getMessage(),
                    List.of());
        }
        var database = DatabaseProblems.connectionFailure(error);
        if (database.isPresent()) {
            // Expected during an outage and the same for every request: one line, no stack trace.
            LOG.log(
                    Level.WARNING,
                    "Database unavailable on " + req.prologue().method().text() + " " + RequestPath.of(req) + ": "
                            + database.get());
            return DatabaseProblems.unavailable();
        }
        LOG.log(Level.ERROR, "Unhandled error on " + req.prologue().method().text() + " " + RequestPath.of(req), error);
        return ApiException.internal("An unexpected error occurred; quote the correlation id when reporting it.");
    }

    private ApiException noRoute(ServerRequest req) {
        String method = req.prologue().method().text();
        String path = RequestPath.of(req);
        Set<String> allowed = routes.methodsFor(path);
        if (!allowed.isEmpty()) {
            return ApiException.methodNotAllowed(
                            method + " is not supported on " + path + "; use " + String.join(", ", allowed) + ".")
                    .withHeader("Allow", String.join(", ", allowed));
        }
        // Its own type, so clients (and the OpenAPI route test) can tell a wrong URL from a missing resource.
        return new ApiException(
                404,
                ApiException.TYPE_BASE + "no-such-route",
                "Not found",
                "No route for " + method + " " + path + ".",
                List.of());
    }
}
