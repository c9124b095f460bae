package dev.antigravity.api.notify;

import dev.antigravity.api.testsupport.DefaultAwsCredentials;
import dev.antigravity.events.testing.MotoServer;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The {@code notifications} configuration of a test against moto: a fresh SES domain identity
 * (moto is shared, so each test class sends from a domain of its own) and moto's endpoint, or any
 * other endpoint (an outage).
 */
public final class MotoNotifications {
    private final String domain = "notify-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";

    public MotoNotifications() {
        DefaultAwsCredentials.ensure();
        try (SesV2Client ses = MotoServer.client(SesV2Client.builder())) {
            ses.createEmailIdentity(r -> r.emailIdentity(domain));
        }
    }

    public String from() {
        return "orders@" + domain;
    }

    /** Flat keys under {@code notifications.} for SES and SNS at {@code endpoint}. */
    public Map<String, String> settings(String endpoint) {
        Map<String, String> settings = new HashMap<>();
        settings.put("notifications.email.from", from());
        settings.put("notifications.region", MotoServer.region().id());
        settings.put("notifications.endpoint", endpoint);
        return settings;
    }

    public Map<String, String> settings() {
        return settings(MotoServer.endpoint().toString());
    }

    /** {@code settings} as the {@code notifications} node, over application.yaml's defaults. */
    public static Config node(Map<String, String> settings) {
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .sources(ConfigSources.create(settings), ConfigSources.classpath("application.yaml"))
                .build()
                .get("notifications");
    }
}
