package dev.antigravity.api.http.problem;

import dev.antigravity.api.service.FieldError;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error the API reports to its client as RFC 9457 {@code application/problem+json}.
 * Throw it from any handler, service or filter; {@link ProblemErrorHandler} renders it, so no
 * code path has to build an error body by hand.
 */
public class ApiException extends RuntimeException {
    /** Problem types are stable, documented URIs; clients may switch on them. */
    public static final String TYPE_BASE = "https://antigravity.dev/problems/";

    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public ApiException(int status, String type, String title, String detail, List<FieldError> errors) {
        this(status, type, title, detail, errors, Map.of());
    }

    public ApiException(
            int status,
            String type,
            String title,
            String detail,
            List<FieldError> errors,
            Map<String, String> headers) {
        super(title + ": " + detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, TYPE_BASE + "bad-request", "Bad request", detail, List.of());
    }

    /** 400 with one message per invalid field: the shape every input-validation failure uses. */
    public static ApiException validation(List<FieldError> errors) {
        return new ApiException(
                400, TYPE_BASE + "validation", "Invalid request", "One or more fields are invalid.", errors);
    }

    public static ApiException validation(String field, String message) {
        return validation(List.of(new FieldError(field, message)));
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(
                401,
                TYPE_BASE + "unauthorized",
                "Unauthorized",
                detail,
                List.of(),
                Map.of("WWW-Authenticate", "Bearer realm=\"antigravity\""));
    }

    /** 401 for a presented but unacceptable token; RFC 6750 asks for error="invalid_token". */
    public static ApiException invalidToken(String detail) {
        return new ApiException(
                401,
                TYPE_BASE + "invalid-token",
                "Unauthorized",
                detail,
                List.of(),
                Map.of(
                        "WWW-Authenticate",
                        "Bearer realm=\"antigravity\", error=\"invalid_token\", error_description=\""
                                + detail.replace("\"", "'") + "\""));
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, TYPE_BASE + "forbidden", "Forbidden", detail, List.of());
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, TYPE_BASE + "not-found", "Not found", detail, List.of());
    }

    public static ApiException methodNotAllowed(String detail) {
        return new ApiException(405, TYPE_BASE + "method-not-allowed", "Method not allowed", detail, List.of());
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, TYPE_BASE + "conflict", "Conflict", detail, List.of());
    }

    public static ApiException payloadTooLarge(long maxBytes) {
        return new ApiException(
                413,
                TYPE_BASE + "payload-too-large",
                "Payload too large",
                "The request body exceeds the limit of " + maxBytes + " bytes.",
                List.of());
    }

    public static ApiException unsupportedMediaType(String detail) {
        return new ApiException(415, TYPE_BASE + "unsupported-media-type", "Unsupported media type", detail, List.of());
    }

    public static ApiException unprocessable(String detail) {
        return new ApiException(422, TYPE_BASE + "unprocessable", "Unprocessable request", detail, List.of());
    }

    public static ApiException unprocessable(String detail, List<FieldError> errors) {
        return new ApiException(422, TYPE_BASE + "unprocessable", "Unprocessable request", detail, errors);
    }

    public static ApiException tooManyRequests(Duration retryAfter) {
        return new ApiException(
                429,
                TYPE_BASE + "rate-limited",
                "Too many requests",
                "Rate limit exceeded; retry after " + retryAfterSeconds(retryAfter) + " s.",
                List.of(),
                Map.of("Retry-After", Long.toString(retryAfterSeconds(retryAfter))));
    }

    public static ApiException serviceUnavailable(String detail, Duration retryAfter) {
        return new ApiException(
                503,
                TYPE_BASE + "unavailable",
                "Service unavailable",
                detail,
                List.of(),
                Map.of("Retry-After", Long.toString(retryAfterSeconds(retryAfter))));
    }

    public static ApiException internal(String detail) {
        return new ApiException(500, TYPE_BASE + "internal", "Internal server error", detail, List.of());
    }

    /** A copy with one more response header (e.g. Location, Retry-After). */
    public ApiException withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new ApiException(status, type, title, detail, errors, all);
    }

    private static long retryAfterSeconds(Duration retryAfter) {
        // Retry-After carries whole seconds; rounding up never invites a retry that is too early.
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
