package dev.antigravity.lambdas.domain.lifecycle;

import dev.antigravity.events.lifecycle.LifecycleStage;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which check runs at which stage, and how long a check that is "not yet" good may keep ECS waiting.
 *
 * <p>A {@link CheckResult.NotYet} answers IN_PROGRESS (ECS calls again after {@code callBackDelay}) until
 * {@code maxAttempts} invocations have been spent, then FAILED: a deployment that never proves itself is rolled
 * back rather than left hanging. A {@link CheckResult.Failed} answers FAILED at once. A {@link CheckResult.Waiting}
 * (the canary collecting) answers IN_PROGRESS with its own delay and keeps its own time bound: it spends no attempt.
 */
public final class LifecycleHookPolicy {
    private final Map<LifecycleStage, StageCheck> checks;
    private final int maxAttempts;
    private final Duration callBackDelay;

    public LifecycleHookPolicy(Map<LifecycleStage, StageCheck> checks, int maxAttempts, Duration callBackDelay) {
        if (maxAttempts < 1 || callBackDelay.isNegative() || callBackDelay.toSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("need maxAttempts >= 1 and a non-negative call-back delay");
        }
        this.checks = checks.isEmpty() ? Map.of() : new EnumMap<>(checks);
        this.maxAttempts = maxAttempts;
        this.callBackDelay = callBackDelay;
    }

    /** The documented stages' checks: smoke-test after test traffic shifts, alarms around production traffic. */
    public static Map<LifecycleStage, StageCheck> defaultChecks() {
        Map<LifecycleStage, StageCheck> checks = new EnumMap<>(LifecycleStage.class);
        checks.put(LifecycleStage.POST_TEST_TRAFFIC_SHIFT, StageCheck.SMOKE_TEST);
        checks.put(LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, StageCheck.GUARD_ALARMS);
        checks.put(LifecycleStage.POST_PRODUCTION_TRAFFIC_SHIFT, StageCheck.GUARD_ALARMS);
        return checks;
    }

    /** Ten checks fifteen seconds apart: a smoke test gets ~2.5 minutes to come good. */
    public static LifecycleHookPolicy standard() {
        return new LifecycleHookPolicy(defaultChecks(), 10, Duration.ofSeconds(15));
    }

    public StageCheck checkFor(LifecycleStage stage) {
        return checks.getOrDefault(stage, StageCheck.NONE);
    }

    /**
     * The checks for an invocation at {@code stage}; without one (a flat payload may leave it out), every check some
     * stage is configured with, so an invocation whose stage we cannot read is never waved through unchecked.
     */
    public List<StageCheck> checksFor(Optional<LifecycleStage> stage) {
        if (stage.isPresent()) {
            return List.of(checkFor(stage.get()));
        }
        List<StageCheck> every = EnumSet.copyOf(checks.isEmpty() ? Set.of(StageCheck.NONE) : checks.values()).stream()
                .filter(check -> check != StageCheck.NONE)
                .toList();
        return every.isEmpty() ? List.of(StageCheck.NONE) : every;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** @param attempt this invocation's number, 1 for the first */
    public HookDecision decide(int attempt, CheckResult result) {
        return switch (result) {
            case CheckResult.Passed passed ->
                new HookDecision(HookDecision.Status.SUCCEEDED, null, attempt, passed.detail(), passed.evidence());
            case CheckResult.Failed failed ->
                new HookDecision(HookDecision.Status.FAILED, null, attempt, failed.detail(), failed.evidence());
            // Waiting keeps its own bound: this invocation is not an attempt spent.
            case CheckResult.Waiting waiting ->
                new HookDecision(
                        HookDecision.Status.IN_PROGRESS,
                        waiting.callBackDelaySeconds(),
                        attempt - 1,
                        waiting.detail(),
                        waiting.evidence());
            case CheckResult.NotYet notYet ->
                attempt >= maxAttempts
                        ? new HookDecision(
                                HookDecision.Status.FAILED,
                                null,
                                attempt,
                                "still not good after " + attempt + " attempts: " + notYet.detail(),
                                notYet.evidence())
                        : new HookDecision(
                                HookDecision.Status.IN_PROGRESS,
                                (int) callBackDelay.toSeconds(),
                                attempt,
                                notYet.detail(),
                                notYet.evidence());
        };
    }
}
