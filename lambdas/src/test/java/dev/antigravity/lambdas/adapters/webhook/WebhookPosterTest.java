package dev.antigravity.lambdas.adapters.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.antigravity.lambdas.domain.notification.Channel;
import dev.antigravity.lambdas.domain.notification.DeliveryFailedException;
import dev.antigravity.lambdas.domain.notification.RetrySchedule;
import dev.antigravity.lambdas.notifyfixtures.RecordingSleeper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookPosterTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private WebhookPoster poster;
    private URI hook;

    @BeforeEach
    void start() {
        server.start();
        hook = URI.create(server.baseUrl() + "/hook");
        poster = new WebhookPoster(
                WebhookPoster.httpClient(Duration.ofSeconds(5)),
                Duration.ofSeconds(2),
                new RetrySchedule(4, Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(30)),
                sleeper,
                InstantSource.fixed(NOW),
                () -> 0.5);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aTooManyRequestsAnswerIsRetriedAfterExactlyTheRetryAfterSeconds() {
        stubSequence(
                aResponse().withStatus(429).withHeader("Retry-After", "7"),
                aResponse().withStatus(200).withBody("ok"));

        assertThat(poster.post(Channel.SLACK, hook, "{\"text\":\"hi\"}")).isEqualTo("ok");

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
        server.verify(2, postRequestedFor(urlEqualTo("/hook")).withRequestBody(equalToJson("{\"text\":\"hi\"}")));
    }

    @Test
    void aRetryAfterHttpDateIsHonouredAndCapped() {
        stubSequence(
                aResponse().withStatus(429).withHeader("Retry-After", "Thu, 26 Nov 2026 10:00:12 GMT"),
                aResponse().withStatus(503).withHeader("Retry-After", "3600"),
                aResponse().withStatus(202));

        poster.post(Channel.PAGERDUTY, hook, "{}");

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(12), Duration.ofSeconds(30));
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenSurfaceAsATransientFailure() {
        server.stubFor(post("/hook").willReturn(aResponse().withStatus(503).withBody("upstream down")));

        assertThatThrownBy(() -> poster.post(Channel.SLACK, hook, "{}"))
                .isInstanceOfSatisfying(DeliveryFailedException.class, e -> {
                    assertThat(e.permanent()).isFalse();
                    assertThat(e.getMessage()).contains("gave up after 4 attempts", "HTTP 503 upstream down");
                });
        server.verify(4, postRequestedFor(urlEqualTo("/hook")));
        // Equal jitter at random 0.5: 3/4 of 200, 400, 800 ms.
        assertThat(sleeper.waits)
                .containsExactly(Duration.ofMillis(150), Duration.ofMillis(300), Duration.ofMillis(600));
    }

    @Test
    void aClientErrorIsNotRetried() {
        server.stubFor(post("/hook").willReturn(aResponse().withStatus(400).withBody("invalid_payload")));

        assertThatThrownBy(() -> poster.post(Channel.SLACK, hook, "{}"))
                .isInstanceOfSatisfying(DeliveryFailedException.class, e -> {
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.getMessage()).contains("HTTP 400 invalid_payload");
                });
        server.verify(1, postRequestedFor(urlEqualTo("/hook")));
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void aServerSlowerThanTheReadTimeoutCountsAsATransientFailure() {
        stubSequence(
                aResponse().withStatus(200).withFixedDelay(6_000),
                aResponse().withStatus(200).withBody("ok"));

        assertThat(poster.post(Channel.SLACK, hook, "{}")).isEqualTo("ok");
        assertThat(sleeper.waits).hasSize(1);
    }

    @Test
    void aRefusedConnectionIsRetriedThenSurfaces() {
        URI closed = URI.create("http://127.0.0.1:" + server.port() + "/hook");
        server.stop();

        assertThatThrownBy(() -> poster.post(Channel.SLACK, closed, "{}"))
                .isInstanceOfSatisfying(
                        DeliveryFailedException.class,
                        e -> assertThat(e.permanent()).isFalse());
        assertThat(sleeper.waits).hasSize(3);
    }

    private void stubSequence(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... responses) {
        String state = Scenario.STARTED;
        for (int i = 0; i < responses.length; i++) {
            String next = i == responses.length - 1 ? state : "step" + (i + 1);
            server.stubFor(post("/hook")
                    .inScenario("sequence")
                    .whenScenarioStateIs(state)
                    .willReturn(responses[i])
                    .willSetStateTo(next));
            state = next;
        }
    }
}
