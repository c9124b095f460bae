package dev.antigravity.lambdas.simulation;

/** What an image really does once it runs: the simulation's ground truth, never visible to the hooks. */
enum ImageHealth {
    /** Serves traffic correctly. */
    GOOD,
    /** Starts, passes health checks, and serves errors: the guard alarm goes to ALARM while any task runs it. */
    ERRORS,
    /** Tasks fail to start: ECS's circuit breaker fails the deployment and ECS rolls back by itself. */
    CRASH,
    /** Starts, but /health answers 503 and the targets are unhealthy: verification must fail it. */
    SICK;

    boolean isBad() {
        return this != GOOD;
    }
}
