package dev.antigravity.lambdas.domain.notification;

import static dev.antigravity.lambdas.domain.notification.Channel.PAGERDUTY;
import static dev.antigravity.lambdas.domain.notification.Channel.SLACK;

import dev.antigravity.events.platform.PlatformEventType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Event type → route. Types without a rule fall back to {@code fallback}, so a new platform event type is still
 * heard in Slack before anyone writes a rule for it.
 */
public final class RoutingRules {
    private final Map<PlatformEventType, Route> routes;
    private final Route fallback;

    public RoutingRules(Map<PlatformEventType, Route> routes, Route fallback) {
        this.routes = routes.isEmpty() ? Map.of() : new EnumMap<>(routes);
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /**
     * The default table: every event to Slack; the ones a human must act on (a rollback, a failed verification,
     * a failed rollback, suspended automation) and the recoveries that end them also to PagerDuty.
     */
    public static RoutingRules defaults() {
        Map<PlatformEventType, Route> table = new EnumMap<>(PlatformEventType.class);
        for (PlatformEventType type : PlatformEventType.values()) {
            table.put(type, Route.to(SLACK));
        }
        for (PlatformEventType type : PagerDutyPolicy.PAGED_OR_RESOLVED) {
            table.put(type, Route.to(SLACK, PAGERDUTY));
        }
        return new RoutingRules(table, Route.to(SLACK));
    }

    public Route routeFor(PlatformEventType type) {
        return routes.getOrDefault(type, fallback);
    }

    /** These rules with some types' routes replaced (how NOTIFY_ROUTES overrides the defaults). */
    public RoutingRules overriddenBy(Map<PlatformEventType, Route> overrides, Route newFallback) {
        Map<PlatformEventType, Route> merged = new EnumMap<>(PlatformEventType.class);
        merged.putAll(routes);
        merged.putAll(overrides);
        return new RoutingRules(merged, newFallback == null ? fallback : newFallback);
    }

    @Override
    public String toString() {
        return "RoutingRules" + routes + " fallback=" + fallback;
    }
}
