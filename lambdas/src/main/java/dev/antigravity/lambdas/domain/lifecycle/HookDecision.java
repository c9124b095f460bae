package dev.antigravity.lambdas.domain.lifecycle;

import java.util.Map;
import java.util.Objects;

/**
 * What to answer ECS. {@code callBackDelaySeconds} is set only with IN_PROGRESS; {@code attempt} is stored in
 * {@code hookDetails} so the next invocation (ECS echoes hookDetails back) knows how many came before;
 * {@code evidence} joins it there.
 */
public record HookDecision(
        Status status, Integer callBackDelaySeconds, int attempt, String reason, Map<String, Object> evidence) {
    public enum Status {
        SUCCEEDED,
        FAILED,
        IN_PROGRESS
    }

    public HookDecision {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        evidence = Map.copyOf(evidence);
        if ((status == Status.IN_PROGRESS) != (callBackDelaySeconds != null)) {
            throw new IllegalArgumentException("a call-back delay goes with, and only with, IN_PROGRESS");
        }
    }

    public HookDecision(Status status, Integer callBackDelaySeconds, int attempt, String reason) {
        this(status, callBackDelaySeconds, attempt, reason, Map.of());
    }
}
