package dev.antigravity.events.lifecycle;

import java.util.Map;

/** A lifecycle hook's answer; {@code callBackDelay} (seconds) only matters with IN_PROGRESS. */
public record LifecycleHookResponse(HookStatus hookStatus, Integer callBackDelay, Map<String, Object> hookDetails) {
    public enum HookStatus {
        SUCCEEDED,
        FAILED,
        IN_PROGRESS
    }

    public LifecycleHookResponse {
        hookDetails = hookDetails == null ? Map.of() : Map.copyOf(hookDetails);
    }
}
