package dev.antigravity.lambdas.domain.notification;

import java.util.Objects;

/**
 * One PagerDuty Events API v2 action. The dedup key names the incident (service and cause), so the trigger of a
 * rollback and the resolve of its recovery meet in one PagerDuty alert however many events lie between them.
 */
public record PagerDutyAction(Kind kind, String dedupKey) {
    public enum Kind {
        TRIGGER,
        RESOLVE
    }

    public PagerDutyAction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dedupKey, "dedupKey");
    }
}
