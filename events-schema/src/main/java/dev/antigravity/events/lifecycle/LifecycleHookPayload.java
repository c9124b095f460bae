package dev.antigravity.events.lifecycle;

import java.util.Map;

/** What ECS sends a lifecycle hook; {@code hookDetails} echoes what the previous IN_PROGRESS answer returned. */
public record LifecycleHookPayload(String executionId, LifecycleStage lifecycleStage, String resourceArn,
                                   String serviceArn, String targetServiceRevisionArn,
                                   Map<String, Integer> testTrafficWeights,
                                   Map<String, Integer> productionTrafficWeights,
                                   Map<String, Object> hookDetails) {
    public LifecycleHookPayload {
        testTrafficWeights = Map.copyOf(testTrafficWeights);
        productionTrafficWeights = Map.copyOf(productionTrafficWeights);
        hookDetails = Map.copyOf(hookDetails);
    }
}
