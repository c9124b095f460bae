package dev.antigravity.lambdas.hooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.antigravity.lambdas.adapters.http.HttpHealthProbe;
import dev.antigravity.lambdas.domain.port.HealthProbe.ProbeResult;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpHealthProbeTest {
    private final WireMockServer server =
            new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    // Generous per-attempt timeouts: these tests count attempts, and the build machine may be loaded.
    private final HttpHealthProbe probe =
            new HttpHealthProbe(new ObjectMapper(), 3, Duration.ofSeconds(5), Duration.ofMillis(20));
    private URI url;

    @BeforeEach
    void start() {
        server.start();
        url = URI.create(server.baseUrl() + "/health");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private void answer(String state, String next, int status, String body) {
        server.stubFor(get(urlEqualTo("/health"))
                .inScenario("rollout")
                .whenScenarioStateIs(state)
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body))
                .willSetStateTo(next));
    }

    @Test
    void retriesUntilTheExpectedVersionAnswers() {
        answer(Scenario.STARTED, "two", 200, "{\"status\":\"UP\",\"version\":\"sha-old\"}");
        answer("two", "three", 503, "{\"status\":\"DOWN\"}");
        answer("three", "three", 200, "{\"status\":\"UP\",\"version\":\"sha-new\"}");

        ProbeResult result = probe.probe(url, "sha-new");
        assertThat(result.healthy()).isTrue();
        assertThat(result.version()).isEqualTo("sha-new");
        server.verify(3, getRequestedFor(urlEqualTo("/health")));
    }

    @Test
    void givesUpAfterItsAttemptsAndReportsTheLastFinding() {
        answer(Scenario.STARTED, Scenario.STARTED, 200, "{\"status\":\"UP\",\"version\":\"sha-old\"}");
        ProbeResult result = probe.probe(url, "sha-new");
        assertThat(result.version()).isEqualTo("sha-old");
        assertThat(result.detail()).contains("attempt 3/3");
        server.verify(3, getRequestedFor(urlEqualTo("/health")));
    }

    @Test
    void aHangingEndpointTimesOut() {
        server.stubFor(get(urlEqualTo("/health"))
                .willReturn(aResponse().withFixedDelay(5_000).withStatus(200)));
        HttpHealthProbe impatient =
                new HttpHealthProbe(new ObjectMapper(), 2, Duration.ofMillis(300), Duration.ofMillis(10));
        long started = System.nanoTime();
        ProbeResult result = impatient.probe(url, "sha-new");
        assertThat(result.healthy()).isFalse();
        assertThat(result.detail()).contains("Timeout");
        // Without the time-out the two attempts would take 10 s; the margin below that is for a loaded CI machine.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(9));
    }

    @Test
    void downOrUnparsableBodiesAreUnhealthy() {
        answer(Scenario.STARTED, Scenario.STARTED, 200, "{\"status\":\"DOWN\",\"version\":\"sha-new\"}");
        assertThat(probe.probe(url, "sha-new").healthy()).isFalse();
        server.resetAll();
        answer(Scenario.STARTED, Scenario.STARTED, 200, "<html>ok</html>");
        ProbeResult html = probe.probe(url, "sha-new");
        assertThat(html.version()).isNull();
    }
}
