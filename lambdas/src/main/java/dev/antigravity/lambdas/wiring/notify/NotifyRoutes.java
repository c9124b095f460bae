package dev.antigravity.lambdas.wiring.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.antigravity.events.platform.PlatformEventType;
import dev.antigravity.events.platform.Severity;
import dev.antigravity.lambdas.domain.notification.Channel;
import dev.antigravity.lambdas.domain.notification.Route;
import dev.antigravity.lambdas.domain.notification.RoutingRules;
import java.io.IOException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads NOTIFY_ROUTES: a JSON object from event type (or {@code "*"} for types without a rule) to
 * {@code {"channels": ["SLACK", "PAGERDUTY"], "severity": "CRITICAL"}}; severity is optional. Each entry replaces
 * the default route of its type; types not named keep the defaults. Any mistake fails the Lambda's init with the
 * reason, so a typo cannot silently drop pages.
 */
public final class NotifyRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NotifyRoutes() {}

    public static RoutingRules parse(String notifyRoutes) {
        RoutingRules defaults = RoutingRules.defaults();
        if (notifyRoutes == null || notifyRoutes.isBlank()) {
            return defaults;
        }
        JsonNode root;
        try {
            root = JSON.readTree(notifyRoutes);
        } catch (IOException e) {
            throw new IllegalArgumentException("NOTIFY_ROUTES is not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("NOTIFY_ROUTES must be a JSON object of event type → route");
        }
        Map<PlatformEventType, Route> overrides = new EnumMap<>(PlatformEventType.class);
        Route fallback = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Route route = route(entry.getKey(), entry.getValue());
            if (entry.getKey().equals("*")) {
                fallback = route;
            } else {
                overrides.put(type(entry.getKey()), route);
            }
        }
        return defaults.overriddenBy(overrides, fallback);
    }

    private static Route route(String key, JsonNode node) {
        if (!node.isObject() || !node.path("channels").isArray()) {
            throw new IllegalArgumentException(
                    "NOTIFY_ROUTES." + key + " must be {\"channels\": [...], \"severity\": ...}");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("channels") && !name.equals("severity")) {
                throw new IllegalArgumentException("NOTIFY_ROUTES." + key + " has an unknown field '" + name + "'");
            }
        }
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (JsonNode channel : node.get("channels")) {
            channels.add(constant(Channel.class, channel.asText(), "NOTIFY_ROUTES." + key + ".channels"));
        }
        JsonNode severity = node.get("severity");
        return new Route(
                channels,
                severity == null || severity.isNull()
                        ? null
                        : constant(Severity.class, severity.asText(), "NOTIFY_ROUTES." + key + ".severity"));
    }

    private static PlatformEventType type(String name) {
        try {
            return PlatformEventType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "NOTIFY_ROUTES names an unknown event type '" + name + "'; known: "
                            + EnumSet.allOf(PlatformEventType.class),
                    e);
        }
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String value, String where) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    where + ": unknown value '" + value + "'; known: " + EnumSet.allOf(type), e);
        }
    }
}
