package dev.antigravity.lambdas.domain.notification;

import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.events.platform.Severity;
import java.util.List;
import java.util.Objects;

/**
 * One message to one channel about one platform event. {@code pagerDutyActions} is non-empty for PagerDuty
 * dispatches only (one recovery may resolve several incidents; each action is idempotent in PagerDuty, so a retry
 * of the whole dispatch is safe).
 */
public record Dispatch(
        Channel channel, PlatformEvent event, Severity severity, List<PagerDutyAction> pagerDutyActions) {
    public Dispatch {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(severity, "severity");
        pagerDutyActions = pagerDutyActions == null ? List.of() : List.copyOf(pagerDutyActions);
        if ((channel == Channel.PAGERDUTY) == pagerDutyActions.isEmpty()) {
            throw new IllegalArgumentException("PagerDuty actions go with, and only with, a PagerDuty dispatch");
        }
    }
}
