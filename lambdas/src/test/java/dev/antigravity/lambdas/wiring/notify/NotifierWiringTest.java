package dev.antigravity.lambdas.wiring.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.antigravity.events.testing.MotoServer;
import dev.antigravity.lambdas.handlers.LifecycleHookHandler;
import dev.antigravity.lambdas.handlers.NotifierHandler;
import dev.antigravity.lambdas.notifyfixtures.PlatformEventFixtures;
import dev.antigravity.lambdas.notifyfixtures.SnsEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Dagger graphs build from a Lambda environment, and a bad environment says what is wrong. */
class NotifierWiringTest {
    @Test
    void aNotifierWithNoChannelConfiguredAcknowledgesEventsAndSaysWhy() throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("AWS_ENDPOINT_URL", MotoServer.endpoint().toString());
        env.put("AWS_REGION", MotoServer.region().id());
        env.put("LEDGER_TABLE", "unused-when-nothing-is-routed");
        env.put("NOTIFY_ROUTES", "{\"*\": {\"channels\": []}, \"RollbackStarted\": {\"channels\": []}}");
        env.remove("SLACK_WEBHOOK_SECRET_ID");
        env.remove("PAGERDUTY_ROUTING_KEY_SECRET_ID");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new NotifierHandler(env)
                .handleRequest(
                        SnsEvents.carrying(PlatformEventFixtures.sampleJson("platform-rollback-started.json")),
                        out,
                        null);

        JsonNode result = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(result.at("/results/0/result").asText()).isEqualTo("DELIVERED");
        assertThat(result.at("/results/0/outcome/delivered")).isEmpty();
    }

    @Test
    void aNotifierWithoutItsLedgerTableFailsItsColdStartWithTheReason() {
        Map<String, String> env = Map.of("AWS_REGION", "us-east-1", "SLACK_WEBHOOK_SECRET_ID", "slack");

        assertThatThrownBy(() -> new NotifierHandler(env)).hasMessageContaining("LEDGER_TABLE is not set");
    }

    @Test
    void aMisconfiguredLifecycleHookAnswersFailedInsteadOfDyingAtColdStart() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new LifecycleHookHandler(Map.of("AWS_REGION", "us-east-1", "LIFECYCLE_MAX_ATTEMPTS", "-1"))
                .handleRequest(
                        new ByteArrayInputStream(
                                PlatformEventFixtures.sampleJson("ecs-lifecycle-hook-post-test-traffic-shift.json")
                                        .getBytes(StandardCharsets.UTF_8)),
                        out,
                        null);

        JsonNode response = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(response.get("hookStatus").asText()).isEqualTo("FAILED");
        assertThat(response.at("/hookDetails/reason").asText()).contains("lifecycle hook misconfigured");
    }
}
