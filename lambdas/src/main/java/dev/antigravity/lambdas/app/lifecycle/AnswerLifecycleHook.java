package dev.antigravity.lambdas.app.lifecycle;

import dev.antigravity.events.lifecycle.LifecycleHookPayload;
import dev.antigravity.events.lifecycle.LifecycleStage;
import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.lifecycle.CheckResult;
import dev.antigravity.lambdas.domain.lifecycle.HookDecision;
import dev.antigravity.lambdas.domain.lifecycle.LifecycleHookPolicy;
import dev.antigravity.lambdas.domain.lifecycle.RollbackTrafficShift;
import dev.antigravity.lambdas.domain.lifecycle.ServiceDeploymentRollbacks;
import dev.antigravity.lambdas.domain.lifecycle.StageCheck;
import dev.antigravity.lambdas.domain.lifecycle.TransientCheckException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Answers one ECS lifecycle-hook invocation: runs the stage's check and turns the result into SUCCEEDED, FAILED
 * or IN_PROGRESS (with the attempt count carried in hookDetails from one invocation to the next). An invocation that
 * belongs to a rollback is always answered SUCCEEDED, with the reason: the guard alarm that called for the rollback
 * is still in ALARM, the abandoned revision may not answer, and failing would hold up (or, for a rollback deployment
 * of its own, undo) the very rollback the failing check called for. ECS's own rollback shows in the payload at the
 * traffic-shift stages it re-invokes ({@link RollbackTrafficShift}); for any other check that does not pass, ECS's
 * word on the service deployment decides ({@link ServiceDeploymentRollbacks}).
 */
public final class AnswerLifecycleHook {
    /** The hookDetails key holding how many invocations this execution's stage has had. */
    public static final String ATTEMPT = "attempt";
    /** The hookDetails key naming the stage the attempt count belongs to. */
    public static final String STAGE = "stage";

    private final LifecycleHookPolicy policy;
    private final StageChecks checks;
    private final ServiceDeploymentRollbacks rollbacks;
    private final Predicate<Throwable> transientError;

    /**
     * @param transientError tells a failure that may pass (I/O, throttling, 5xx: answer IN_PROGRESS and count the
     *                       attempt) from one that will not (anything else propagates; the handler answers FAILED)
     */
    public AnswerLifecycleHook(
            LifecycleHookPolicy policy,
            StageChecks checks,
            ServiceDeploymentRollbacks rollbacks,
            Predicate<Throwable> transientError) {
        this.policy = policy;
        this.checks = checks;
        this.rollbacks = rollbacks;
        this.transientError = transientError;
    }

    public HookDecision answer(LifecycleHookPayload payload) {
        int attempt = previousAttempts(payload.hookDetails(), payload.stage()) + 1;
        Optional<String> rollbackInPayload = RollbackTrafficShift.seenIn(payload);
        if (rollbackInPayload.isPresent()) {
            return policy.decide(attempt, rollingBack(rollbackInPayload.get(), null));
        }
        Optional<ServiceRef> service = ServiceRef.fromArn(payload.serviceArn());
        if (service.isEmpty()) {
            return policy.decide(attempt, new CheckResult.Failed("cannot read a service from " + payload.serviceArn()));
        }
        CheckResult result = guarded(
                () -> runChecks(policy.checksFor(payload.stage()), service.get(), payload),
                "check could not be made: ");
        if (!(result instanceof CheckResult.Passed) && !(result instanceof CheckResult.Waiting)) {
            result = unlessEcsIsRollingBack(result, payload);
        }
        return keepCanaryStart(policy.decide(attempt, result), payload);
    }

    /**
     * A call answered IN_PROGRESS for a transient error must not restart the canary's collection: the start the
     * previous answer recorded goes back to ECS unless this answer records its own.
     */
    private static HookDecision keepCanaryStart(HookDecision decision, LifecycleHookPayload payload) {
        if (decision.evidence().containsKey(CanaryAnalysis.SINCE)) {
            return decision;
        }
        return CanaryAnalysis.since(payload)
                .map(since -> {
                    Map<String, Object> evidence = new java.util.LinkedHashMap<>(decision.evidence());
                    evidence.put(CanaryAnalysis.SINCE, since.toString());
                    return new HookDecision(
                            decision.status(),
                            decision.callBackDelaySeconds(),
                            decision.attempt(),
                            decision.reason(),
                            evidence);
                })
                .orElse(decision);
    }

    /** A check that did not pass must not hold up a rollback: ask ECS, the source of truth, whether this is one. */
    private CheckResult unlessEcsIsRollingBack(CheckResult result, LifecycleHookPayload payload) {
        // Unsure whether a rollback runs, even a definite failure waits for the next call rather than break one.
        return guarded(
                () -> rollbacks
                        .rollingBack(payload.resourceArn(), payload.serviceArn(), payload.targetServiceRevisionArn())
                        .<CheckResult>map(reason -> rollingBack(reason, result))
                        .orElse(result),
                result.detail() + "; could not ask ECS whether this is a rollback: ");
    }

    private static CheckResult rollingBack(String evidence, CheckResult check) {
        return new CheckResult.Passed("this deployment is a rollback (" + evidence
                + "); a lifecycle hook never holds a rollback up"
                + (check == null ? "" : " (the check found: " + check.detail() + ")"));
    }

    /** A failure that may pass (see the constructor) becomes "not yet"; any other propagates. */
    private CheckResult guarded(Supplier<CheckResult> check, String notYetPrefix) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            if (!(e instanceof TransientCheckException) && !transientError.test(e)) {
                throw e;
            }
            return new CheckResult.NotYet(notYetPrefix + e.getMessage());
        }
    }

    /** Every check in order; the first that does not pass is the answer. */
    private CheckResult runChecks(List<StageCheck> stageChecks, ServiceRef service, LifecycleHookPayload payload) {
        List<String> passed = new ArrayList<>();
        Map<String, Object> evidence = new java.util.LinkedHashMap<>();
        for (StageCheck check : stageChecks) {
            CheckResult result = checks.run(check, service, payload);
            if (!(result instanceof CheckResult.Passed)) {
                return result;
            }
            passed.add(result.detail());
            evidence.putAll(result.evidence());
        }
        return new CheckResult.Passed(String.join("; ", passed), evidence);
    }

    /**
     * The attempts this stage has had: ECS echoes the hookDetails of the previous IN_PROGRESS answer. Counts left
     * by another stage (hookDetails carried over) do not count against this one.
     */
    static int previousAttempts(Map<String, Object> hookDetails, Optional<LifecycleStage> stage) {
        Object recordedStage = hookDetails.get(STAGE);
        String thisStage = stage.map(LifecycleStage::name).orElse(null);
        if (recordedStage != null && !recordedStage.toString().equals(thisStage)) {
            return 0;
        }
        Object value = hookDetails.get(ATTEMPT);
        if (value instanceof Number number) {
            return Math.max(0, number.intValue());
        }
        if (value instanceof String text) {
            try {
                return Math.max(0, Integer.parseInt(text.trim()));
            } catch (NumberFormatException unreadable) {
                return 0;
            }
        }
        return 0;
    }
}
