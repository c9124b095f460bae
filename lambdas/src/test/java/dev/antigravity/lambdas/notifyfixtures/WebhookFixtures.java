package dev.antigravity.lambdas.notifyfixtures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.antigravity.lambdas.adapters.webhook.WebhookPoster;
import dev.antigravity.lambdas.domain.notification.RetrySchedule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/** A webhook poster with short timeouts and a recording sleeper, and readers for what WireMock received. */
public final class WebhookFixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookFixtures() {}

    /** Timeouts generous enough for a loaded CI machine: a test that wants a timeout sets its own. */
    public static WebhookPoster poster(RecordingSleeper sleeper, InstantSource clock) {
        return poster(sleeper, clock, Duration.ofSeconds(5));
    }

    public static WebhookPoster poster(RecordingSleeper sleeper, InstantSource clock, Duration readTimeout) {
        return new WebhookPoster(
                WebhookPoster.httpClient(Duration.ofSeconds(5)),
                readTimeout,
                RetrySchedule.standard(),
                sleeper,
                clock,
                () -> 0.5);
    }

    public static List<JsonNode> bodies(WireMockServer server, String path) {
        return server.getAllServeEvents().reversed().stream()
                .map(event -> event.getRequest())
                .filter(request -> request.getUrl().equals(path))
                .map(WebhookFixtures::json)
                .toList();
    }

    private static JsonNode json(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
