package dev.antigravity.api.http.filter;

/**
 * Endpoints for the load balancer, the orchestrator and API clients' tooling ({@code /observe/*}
 * is on the management port, outside these filters). They bypass rate and
 * concurrency limits and authentication: throttling a health check, or failing it for a stale
 * Authorization header, would make a busy but healthy task look dead.
 */
public final class OperationalPaths {
    private OperationalPaths() {}

    public static boolean isOperational(String path) {
        return path.equals("/health") || path.equals("/ready") || path.equals("/openapi");
    }
}
