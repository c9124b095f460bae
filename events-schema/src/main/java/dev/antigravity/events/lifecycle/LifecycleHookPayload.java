package dev.antigravity.events.lifecycle;

import java.util.Map;
import java.util.Optional;

/**
 * What ECS sends a lifecycle hook; {@code hookDetails} echoes what the previous IN_PROGRESS answer returned.
 * {@code executionId}, {@code lifecycleStage} and {@code resourceArn} (the service deployment's ARN) are null when a
 * flat payload leaves them out; see {@link #stage()}.
 */
public record LifecycleHookPayload(
        String executionId,
        LifecycleStage lifecycleStage,
        String resourceArn,
        String serviceArn,
        String targetServiceRevisionArn,
        Map<String, Integer> testTrafficWeights,
        Map<String, Integer> productionTrafficWeights,
        Map<String, Object> hookDetails) {
    public LifecycleHookPayload {
        testTrafficWeights = Map.copyOf(testTrafficWeights);
        productionTrafficWeights = Map.copyOf(productionTrafficWeights);
        hookDetails = Map.copyOf(hookDetails);
    }

    public Optional<LifecycleStage> stage() {
        return Optional.ofNullable(lifecycleStage);
    }
}
