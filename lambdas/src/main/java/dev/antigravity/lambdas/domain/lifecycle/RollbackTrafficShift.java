package dev.antigravity.lambdas.domain.lifecycle;

import dev.antigravity.events.lifecycle.LifecycleHookPayload;
import dev.antigravity.events.lifecycle.LifecycleStage;
import java.util.Map;
import java.util.Optional;

/**
 * How the payload itself shows a rollback. ECS has no rollback stage: rolling back, it re-invokes the hooks of the
 * two recurring stages, TEST_TRAFFIC_SHIFT and PRODUCTION_TRAFFIC_SHIFT, with {@code targetServiceRevisionArn} still
 * the revision being abandoned and that stage's weights moving traffic away from it (target 0 %, another revision
 * above 0 %). Other stages prove nothing: before production traffic shifts, the target is at 0 % going forward.
 */
public final class RollbackTrafficShift {
    private RollbackTrafficShift() {}

    /** @return why the payload reads as a rollback, or empty when it does not (or cannot) say */
    public static Optional<String> seenIn(LifecycleHookPayload payload) {
        Optional<LifecycleStage> stage = payload.stage();
        if (stage.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> weights = switch (stage.get()) {
            case TEST_TRAFFIC_SHIFT -> payload.testTrafficWeights();
            case PRODUCTION_TRAFFIC_SHIFT -> payload.productionTrafficWeights();
            default -> Map.of();
        };
        Integer target = weights.get(payload.targetServiceRevisionArn());
        boolean elsewhere = weights.entrySet().stream()
                .anyMatch(w -> !w.getKey().equals(payload.targetServiceRevisionArn()) && w.getValue() > 0);
        if (target == null || target != 0 || !elsewhere) {
            return Optional.empty();
        }
        return Optional.of(stage.get() + " moves traffic off the target revision (weight 0)");
    }
}
