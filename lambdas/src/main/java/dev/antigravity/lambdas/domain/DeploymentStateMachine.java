package dev.antigravity.lambdas.domain;

import static dev.antigravity.lambdas.domain.DeploymentEvent.BAKE_ELAPSED;
import static dev.antigravity.lambdas.domain.DeploymentEvent.ECS_COMPLETED;
import static dev.antigravity.lambdas.domain.DeploymentEvent.ECS_FAILED;
import static dev.antigravity.lambdas.domain.DeploymentEvent.ECS_IN_PROGRESS;
import static dev.antigravity.lambdas.domain.DeploymentEvent.GUARD_ALARM;
import static dev.antigravity.lambdas.domain.DeploymentEvent.MANUAL_PROMOTION;
import static dev.antigravity.lambdas.domain.DeploymentEvent.MANUAL_ROLLBACK;
import static dev.antigravity.lambdas.domain.DeploymentEvent.REPLACED_OUTSIDE;
import static dev.antigravity.lambdas.domain.DeploymentEvent.ROLLBACK_COMPLETED;
import static dev.antigravity.lambdas.domain.DeploymentEvent.ROLLBACK_FAILED;
import static dev.antigravity.lambdas.domain.DeploymentEvent.ROLLBACK_REFUSED;
import static dev.antigravity.lambdas.domain.DeploymentEvent.SUPERSEDED_BY_NEWER;
import static dev.antigravity.lambdas.domain.DeploymentEvent.VERIFICATION_FAILED;
import static dev.antigravity.lambdas.domain.DeploymentEvent.VERIFICATION_PASSED;
import static dev.antigravity.lambdas.domain.DeploymentState.BAKING;
import static dev.antigravity.lambdas.domain.DeploymentState.FAILED;
import static dev.antigravity.lambdas.domain.DeploymentState.IN_PROGRESS;
import static dev.antigravity.lambdas.domain.DeploymentState.PENDING;
import static dev.antigravity.lambdas.domain.DeploymentState.ROLLED_BACK;
import static dev.antigravity.lambdas.domain.DeploymentState.ROLLING_BACK;
import static dev.antigravity.lambdas.domain.DeploymentState.STABLE;
import static dev.antigravity.lambdas.domain.DeploymentState.SUPERSEDED;
import static dev.antigravity.lambdas.domain.DeploymentState.VERIFYING;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whole transition table. A pair that is not listed is ignored: duplicates and late events (EventBridge is
 * at-least-once and unordered) therefore never move a deployment backwards. The ledger turns each move into a
 * conditional write naming {@link #sourcesOf} as the allowed current states.
 */
public final class DeploymentStateMachine {
    private static final Map<DeploymentState, Map<DeploymentEvent, DeploymentState>> TABLE =
            new EnumMap<>(DeploymentState.class);

    static {
        allow(PENDING, ECS_IN_PROGRESS, IN_PROGRESS);
        allow(PENDING, ECS_COMPLETED, VERIFYING); // COMPLETED overtook IN_PROGRESS
        allow(PENDING, ECS_FAILED, FAILED);
        allow(PENDING, GUARD_ALARM, ROLLING_BACK);
        allow(PENDING, SUPERSEDED_BY_NEWER, SUPERSEDED);

        allow(IN_PROGRESS, ECS_COMPLETED, VERIFYING);
        allow(IN_PROGRESS, ECS_FAILED, FAILED);
        allow(IN_PROGRESS, GUARD_ALARM, ROLLING_BACK);
        allow(IN_PROGRESS, SUPERSEDED_BY_NEWER, SUPERSEDED);

        // A retried COMPLETED resumes a verification that died half-way (the Lambda timed out, say), once that
        // claim is older than the stranded bound (RecordDeploymentEvent), so two never run side by side.
        allow(VERIFYING, ECS_COMPLETED, VERIFYING);
        allow(VERIFYING, VERIFICATION_PASSED, BAKING);
        allow(VERIFYING, VERIFICATION_FAILED, ROLLING_BACK);
        allow(VERIFYING, GUARD_ALARM, ROLLING_BACK);
        allow(VERIFYING, SUPERSEDED_BY_NEWER, SUPERSEDED);

        allow(BAKING, GUARD_ALARM, ROLLING_BACK);
        allow(BAKING, BAKE_ELAPSED, STABLE);
        allow(BAKING, SUPERSEDED_BY_NEWER, SUPERSEDED);
        allow(BAKING, MANUAL_PROMOTION, STABLE); // a person ended the bake early

        // What ECS runs decides: a record whose revision ECS no longer runs (a hotfix by hand, a Terraform apply, a
        // human revert) is superseded, never promoted nor rolled back; a rollback that cannot be made is terminal.
        for (DeploymentState guarded : DeploymentState.GUARDED) {
            allow(guarded, REPLACED_OUTSIDE, SUPERSEDED);
            allow(guarded, ROLLBACK_REFUSED, DeploymentState.ROLLBACK_FAILED);
            allow(guarded, MANUAL_ROLLBACK, ROLLING_BACK);
        }

        // A rollback is never itself rolled back: ROLLING_BACK only listens to the rollback's own outcome.
        allow(ROLLING_BACK, ROLLBACK_COMPLETED, ROLLED_BACK);
        allow(ROLLING_BACK, ROLLBACK_FAILED, DeploymentState.ROLLBACK_FAILED);
        // Someone put another revision on the service while the rollback ran: the failing one is gone all the same.
        allow(ROLLING_BACK, REPLACED_OUTSIDE, ROLLED_BACK);
    }

    private DeploymentStateMachine() {}

    private static void allow(DeploymentState from, DeploymentEvent event, DeploymentState to) {
        TABLE.computeIfAbsent(from, f -> new EnumMap<>(DeploymentEvent.class)).put(event, to);
    }

    /** The next state, or empty when the event is ignored in {@code from}. */
    public static Optional<DeploymentState> next(DeploymentState from, DeploymentEvent event) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(event));
    }

    /** Every state from which {@code event} leads to {@code to}: the condition of the ledger write. */
    public static Set<DeploymentState> sourcesOf(DeploymentEvent event, DeploymentState to) {
        Set<DeploymentState> sources = EnumSet.noneOf(DeploymentState.class);
        TABLE.forEach((from, moves) -> {
            if (moves.get(event) == to) {
                sources.add(from);
            }
        });
        return sources;
    }
}
