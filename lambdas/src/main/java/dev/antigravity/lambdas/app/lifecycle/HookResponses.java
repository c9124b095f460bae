package dev.antigravity.lambdas.app.lifecycle;

import dev.antigravity.events.lifecycle.LifecycleHookResponse;
import dev.antigravity.events.lifecycle.LifecycleStage;
import dev.antigravity.lambdas.domain.lifecycle.HookDecision;
import java.util.LinkedHashMap;
import java.util.Map;

/** A decision as ECS wants it; hookDetails carries the attempt count (ECS echoes it on the next call). */
public final class HookResponses {
    private static final int REASON_LIMIT = 512;

    private HookResponses() {}

    public static LifecycleHookResponse of(HookDecision decision, LifecycleStage stage) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(AnswerLifecycleHook.ATTEMPT, decision.attempt());
        if (stage != null) {
            details.put(AnswerLifecycleHook.STAGE, stage.name());
        }
        decision.evidence().forEach(details::putIfAbsent);
        String reason = decision.reason();
        details.put("reason", reason.length() <= REASON_LIMIT ? reason : reason.substring(0, REASON_LIMIT - 1) + "…");
        return new LifecycleHookResponse(
                LifecycleHookResponse.HookStatus.valueOf(decision.status().name()),
                decision.callBackDelaySeconds(),
                details);
    }

    /** The answer when no check could even start (unreadable payload, a bug): FAILED, with the reason. */
    public static LifecycleHookResponse failed(String reason, LifecycleStage stage) {
        return of(new HookDecision(HookDecision.Status.FAILED, null, 1, reason), stage);
    }
}
