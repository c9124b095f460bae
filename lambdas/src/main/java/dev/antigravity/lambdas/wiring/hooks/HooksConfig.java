package dev.antigravity.lambdas.wiring.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.antigravity.lambdas.domain.ConfigurationException;
import dev.antigravity.lambdas.domain.ManagedService;
import dev.antigravity.lambdas.domain.ManagedServices;
import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.Settings;
import dev.antigravity.lambdas.domain.policy.TagPolicy;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.PatternSyntaxException;

/**
 * The deployment hooks' configuration, read once from the Lambda environment (see the README for every
 * variable). A bad value fails the cold start loudly rather than deploying wrongly.
 */
public record HooksConfig(
        ManagedServices services, Settings settings, String ledgerTable, String topicArn, String freezeParameter) {

    public static HooksConfig from(Map<String, String> env, ObjectMapper json) {
        Settings settings = new Settings(
                env.getOrDefault("ENVIRONMENT", "dev"),
                Duration.ofMinutes(number(env, "BAKE_MINUTES", Settings.DEFAULT_BAKE.toMinutes())),
                (int) number(env, "ROLLBACK_LIMIT", Settings.DEFAULT_ROLLBACK_LIMIT),
                Duration.ofMinutes(
                        number(env, "ROLLBACK_WINDOW_MINUTES", Settings.DEFAULT_ROLLBACK_WINDOW.toMinutes())),
                Duration.ofMinutes(number(env, "STRANDED_AFTER_MINUTES", Settings.DEFAULT_STRANDED_AFTER.toMinutes())));
        return new HooksConfig(
                managedServices(env.getOrDefault("MANAGED_SERVICES", "[]"), json),
                settings,
                env.get("LEDGER_TABLE"),
                env.get("PLATFORM_TOPIC_ARN"),
                env.get("FREEZE_PARAMETER"));
    }

    public String requiredLedgerTable() {
        return required(ledgerTable, "LEDGER_TABLE");
    }

    public String requiredTopicArn() {
        return required(topicArn, "PLATFORM_TOPIC_ARN");
    }

    static ManagedServices managedServices(String text, ObjectMapper json) {
        JsonNode array;
        try {
            array = json.readTree(text);
        } catch (IOException e) {
            throw new ConfigurationException("MANAGED_SERVICES is not JSON: " + e.getMessage());
        }
        if (array == null || !array.isArray()) {
            throw new ConfigurationException("MANAGED_SERVICES must be a JSON array of objects");
        }
        List<ManagedService> services = new ArrayList<>();
        for (JsonNode entry : array) {
            String pattern = text(entry, "tagPolicy", false);
            TagPolicy policy;
            try {
                policy = pattern == null ? TagPolicy.defaultPolicy() : TagPolicy.of(pattern);
            } catch (PatternSyntaxException e) {
                throw new ConfigurationException("MANAGED_SERVICES tagPolicy is not a regex: " + e.getMessage());
            }
            String health = text(entry, "healthUrl", false);
            services.add(new ManagedService(
                    text(entry, "repository", true),
                    policy,
                    new ServiceRef(text(entry, "cluster", true), text(entry, "service", true)),
                    text(entry, "container", true),
                    text(entry, "targetGroupArn", false),
                    text(entry, "alternateTargetGroupArn", false),
                    health == null ? null : URI.create(health)));
        }
        return new ManagedServices(services);
    }

    private static String text(JsonNode entry, String field, boolean required) {
        JsonNode value = entry.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            if (required) {
                throw new ConfigurationException("MANAGED_SERVICES entry " + entry + " lacks '" + field + "'");
            }
            return null;
        }
        return value.asText();
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed < 0) {
                throw new NumberFormatException("negative");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConfigurationException(name + " must be a non-negative integer, got '" + value + "'");
        }
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException(name + " is not set");
        }
        return value;
    }
}
