package dev.antigravity.lambdas.simulation;

/** Who called UpdateService. */
enum Origin {
    ANTIGRAVITY,
    HUMAN,
    TERRAFORM,
    /** ECS itself: a circuit-breaker or deployment-alarm rollback. */
    ECS;

    boolean isOutside() {
        return this != ANTIGRAVITY;
    }
}
