package dev.antigravity.lambdas.domain.notification;

import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.events.platform.Severity;
import java.util.ArrayList;
import java.util.List;

/** Turns one platform event into the dispatches its route asks for, in a fixed channel order. */
public final class DispatchPlanner {
    private final RoutingRules rules;

    public DispatchPlanner(RoutingRules rules) {
        this.rules = rules;
    }

    public Plan plan(PlatformEvent event) {
        Route route = rules.routeFor(event.type());
        Severity severity = route.severityFor(event.severity());
        List<Dispatch> dispatches = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            if (!route.channels().contains(channel)) {
                continue;
            }
            if (channel == Channel.PAGERDUTY) {
                List<PagerDutyAction> actions = PagerDutyPolicy.actionsFor(event);
                if (actions.isEmpty()) {
                    skipped.add("PAGERDUTY: " + event.type() + " neither pages nor resolves");
                    continue;
                }
                dispatches.add(new Dispatch(channel, event, severity, actions));
            } else {
                dispatches.add(new Dispatch(channel, event, severity, null));
            }
        }
        return new Plan(List.copyOf(dispatches), List.copyOf(skipped));
    }

    /** What to send, and why a routed channel gets nothing (for the log). */
    public record Plan(List<Dispatch> dispatches, List<String> skipped) {}
}
