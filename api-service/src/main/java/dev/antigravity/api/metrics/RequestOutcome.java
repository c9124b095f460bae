package dev.antigravity.api.metrics;

import java.time.Duration;

/**
 * What happened to one request, measured once and handed to the access log and the metrics so
 * that both report the same route, status and latency.
 *
 * @param route   the route template ({@code /api/orders/{id}}), bounded in number
 * @param subject the token subject, null for anonymous callers
 */
public record RequestOutcome(
        String method, String route, String path, int status, Duration latency, String correlationId, String subject) {}
