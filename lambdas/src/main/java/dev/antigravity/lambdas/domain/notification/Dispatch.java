package dev.antigravity.lambdas.domain.notification;

import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.events.platform.Severity;
import java.util.Objects;

/**
 * One message to one channel about one platform event. {@code pagerDuty} is set for PagerDuty dispatches only.
 */
public record Dispatch(Channel channel, PlatformEvent event, Severity severity, PagerDutyAction pagerDuty) {
    public Dispatch {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(severity, "severity");
        if ((channel == Channel.PAGERDUTY) != (pagerDuty != null)) {
            throw new IllegalArgumentException("a PagerDuty action goes with, and only with, a PagerDuty dispatch");
        }
    }
}
