package dev.antigravity.lambdas.domain.notification;

import static dev.antigravity.events.platform.PlatformEventType.AlarmCleared;
import static dev.antigravity.events.platform.PlatformEventType.AutomationSuspended;
import static dev.antigravity.events.platform.PlatformEventType.DeploymentFailed;
import static dev.antigravity.events.platform.PlatformEventType.DeploymentStable;
import static dev.antigravity.events.platform.PlatformEventType.RollbackFailed;
import static dev.antigravity.events.platform.PlatformEventType.RollbackStarted;
import static dev.antigravity.events.platform.PlatformEventType.VerificationFailed;

import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.events.platform.PlatformEventType;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * When PagerDuty is paged and when the page is resolved.
 *
 * <p>Three causes per service get their own incident (dedup key). An unhealthy deployment (a rollback under way,
 * ECS's circuit breaker, a failed verification: the automation is restoring a healthy revision by itself) is
 * resolved by recovery — all guard alarms back to OK ({@code AlarmCleared}), or a deployment that reached STABLE.
 * A failed rollback and suspended automation mean the automation gave up: a human has to act, and only a human
 * resolves them (an alarm back to OK while the bad revision still serves proves nothing). Resolving an incident
 * that is not open is a no-op in PagerDuty, so no state is needed to know whether one is.
 */
public final class PagerDutyPolicy {
    static final Set<PlatformEventType> DEPLOYMENT_UNHEALTHY =
            EnumSet.of(RollbackStarted, VerificationFailed, DeploymentFailed);
    static final Set<PlatformEventType> RECOVERY = EnumSet.of(AlarmCleared, DeploymentStable);
    static final Set<PlatformEventType> PAGED_OR_RESOLVED;

    static {
        EnumSet<PlatformEventType> all = EnumSet.copyOf(DEPLOYMENT_UNHEALTHY);
        all.addAll(RECOVERY);
        all.add(RollbackFailed);
        all.add(AutomationSuspended);
        PAGED_OR_RESOLVED = all;
    }

    private PagerDutyPolicy() {
    }

    /** The PagerDuty action this event calls for, or empty when PagerDuty has nothing to do with it. */
    public static Optional<PagerDutyAction> actionFor(PlatformEvent event) {
        if (DEPLOYMENT_UNHEALTHY.contains(event.type())) {
            return Optional.of(new PagerDutyAction(PagerDutyAction.Kind.TRIGGER, dedupKey(event, "deployment-unhealthy")));
        }
        if (event.type() == RollbackFailed) {
            return Optional.of(new PagerDutyAction(PagerDutyAction.Kind.TRIGGER, dedupKey(event, "rollback-failed")));
        }
        if (event.type() == AutomationSuspended) {
            return Optional.of(new PagerDutyAction(PagerDutyAction.Kind.TRIGGER, dedupKey(event, "automation-suspended")));
        }
        if (RECOVERY.contains(event.type())) {
            return Optional.of(new PagerDutyAction(PagerDutyAction.Kind.RESOLVE, dedupKey(event, "deployment-unhealthy")));
        }
        return Optional.empty();
    }

    static String dedupKey(PlatformEvent event, String cause) {
        return "antigravity/" + event.environment() + "/" + event.cluster() + "/" + event.service() + "/" + cause;
    }
}
