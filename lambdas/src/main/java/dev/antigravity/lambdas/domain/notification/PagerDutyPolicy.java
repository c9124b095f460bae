package dev.antigravity.lambdas.domain.notification;

import static dev.antigravity.events.platform.PlatformEventType.AlarmCleared;
import static dev.antigravity.events.platform.PlatformEventType.AutomationSuspended;
import static dev.antigravity.events.platform.PlatformEventType.DeploymentFailed;
import static dev.antigravity.events.platform.PlatformEventType.DeploymentStable;
import static dev.antigravity.events.platform.PlatformEventType.RollbackFailed;
import static dev.antigravity.events.platform.PlatformEventType.RollbackStarted;
import static dev.antigravity.events.platform.PlatformEventType.ServiceUnhealthy;
import static dev.antigravity.events.platform.PlatformEventType.VerificationFailed;

import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.events.platform.PlatformEventType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * When PagerDuty is paged and when the page is resolved.
 *
 * <p>Four causes per service get their own incident (dedup key). An unhealthy deployment (a rollback under way,
 * ECS's circuit breaker, a failed verification: the automation is restoring a healthy revision by itself) is
 * resolved by recovery — all guard alarms back to OK ({@code AlarmCleared}), or a deployment that reached STABLE.
 * An unhealthy service (a guard alarm in ALARM with no deployment in flight: a production incident no rollback
 * will fix) is resolved only by {@code AlarmCleared}: a hotfix reaching STABLE while the alarm still fires proves
 * nothing. A failed rollback and suspended automation mean the automation gave up: a human has to act, and only a
 * human resolves them (an alarm back to OK while the bad revision still serves proves nothing). Resolving an
 * incident that is not open is a no-op in PagerDuty, so no state is needed to know whether one is.
 */
public final class PagerDutyPolicy {
    static final Set<PlatformEventType> DEPLOYMENT_UNHEALTHY =
            EnumSet.of(RollbackStarted, VerificationFailed, DeploymentFailed);
    static final Set<PlatformEventType> RECOVERY = EnumSet.of(AlarmCleared, DeploymentStable);
    static final Set<PlatformEventType> PAGED_OR_RESOLVED;

    private static final String DEPLOYMENT_UNHEALTHY_CAUSE = "deployment-unhealthy";
    private static final String SERVICE_UNHEALTHY_CAUSE = "service-unhealthy";

    static {
        EnumSet<PlatformEventType> all = EnumSet.copyOf(DEPLOYMENT_UNHEALTHY);
        all.addAll(RECOVERY);
        all.add(RollbackFailed);
        all.add(AutomationSuspended);
        all.add(ServiceUnhealthy);
        PAGED_OR_RESOLVED = all;
    }

    private PagerDutyPolicy() {}

    /** The PagerDuty actions this event calls for, none when PagerDuty has nothing to do with it. */
    public static List<PagerDutyAction> actionsFor(PlatformEvent event) {
        if (DEPLOYMENT_UNHEALTHY.contains(event.type())) {
            return List.of(trigger(event, DEPLOYMENT_UNHEALTHY_CAUSE));
        }
        return switch (event.type()) {
            case ServiceUnhealthy -> List.of(trigger(event, SERVICE_UNHEALTHY_CAUSE));
            case RollbackFailed -> List.of(trigger(event, "rollback-failed"));
            case AutomationSuspended -> List.of(trigger(event, "automation-suspended"));
            case AlarmCleared ->
                List.of(resolve(event, DEPLOYMENT_UNHEALTHY_CAUSE), resolve(event, SERVICE_UNHEALTHY_CAUSE));
            case DeploymentStable -> List.of(resolve(event, DEPLOYMENT_UNHEALTHY_CAUSE));
            default -> List.of();
        };
    }

    private static PagerDutyAction trigger(PlatformEvent event, String cause) {
        return new PagerDutyAction(PagerDutyAction.Kind.TRIGGER, dedupKey(event, cause));
    }

    private static PagerDutyAction resolve(PlatformEvent event, String cause) {
        return new PagerDutyAction(PagerDutyAction.Kind.RESOLVE, dedupKey(event, cause));
    }

    static String dedupKey(PlatformEvent event, String cause) {
        return "antigravity/" + event.environment() + "/" + event.cluster() + "/" + event.service() + "/" + cause;
    }
}
