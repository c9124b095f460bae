package dev.antigravity.lambdas.domain.notification;

import dev.antigravity.events.platform.Severity;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which channels one event type goes to, and the severity to show there. A null severity keeps the severity the
 * publisher gave the event, so a route only overrides it when someone decided to.
 */
public record Route(Set<Channel> channels, Severity severity) {
    public Route {
        Objects.requireNonNull(channels, "channels");
        channels = channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels));
    }

    public static Route to(Channel first, Channel... rest) {
        return new Route(EnumSet.of(first, rest), null);
    }

    public Severity severityFor(Severity published) {
        return severity == null ? published : severity;
    }
}
