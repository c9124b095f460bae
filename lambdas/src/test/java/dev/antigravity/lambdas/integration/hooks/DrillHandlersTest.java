package dev.antigravity.lambdas.integration.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.events.platform.PlatformEventType;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bench drills' entry point over moto: one request line in, one answer line out, the real handler behind it
 * with the request's environment on top of the process's.
 */
class DrillHandlersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private MotoWorld world;

    @BeforeEach
    void setUp() {
        world = new MotoWorld();
    }

    @AfterEach
    void tearDown() {
        if (world != null) {
            world.close();
        }
    }

    private List<JsonNode> serve(String... lines) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream answers = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            DrillHandlers.serve(
                    new BufferedReader(new StringReader(String.join("\n", lines))), answers, world.environment(15));
        }
        return out.toString(StandardCharsets.UTF_8)
                .lines()
                .map(DrillHandlersTest::parse)
                .toList();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    @Test
    void aGuardAlarmWithNothingInFlightRunsTheRealAlarmHandlerInTheRequestsEnvironment() throws IOException {
        String request = "{\"handler\":\"AlarmHandler\",\"environment\":{\"ENVIRONMENT\":\"drill\"},\"event\":"
                + world.alarm("drill-a-1", "cloudwatch-alarm-guard-ok-to-alarm.json") + "}";

        List<JsonNode> answers = serve(request);

        assertThat(answers).hasSize(1);
        JsonNode answer = answers.getFirst();
        assertThat(answer.has("error")).as(answer.toString()).isFalse();
        assertThat(answer.path("handler").asText()).isEqualTo("AlarmHandler");
        assertThat(answer.path("outcome").path("result").asText())
                .as(answer.toString())
                .isEqualTo("APPLIED");
        List<PlatformEvent> published = world.platformEvents();
        assertThat(published).extracting(PlatformEvent::type).containsExactly(PlatformEventType.ServiceUnhealthy);
        assertThat(published.getFirst().environment()).isEqualTo("drill");
        assertThat(world.runningRevision()).isEqualTo(world.baselineRevision);
    }

    @Test
    void aBadRequestIsAnsweredWithItsReasonAndTheNextOneStillRuns() throws IOException {
        String alarm = world.alarm("drill-a-2", "cloudwatch-alarm-guard-ok-to-alarm.json");

        List<JsonNode> answers = serve(
                "{\"handler\":\"NoSuchHandler\",\"event\":{}}",
                "not json",
                "{\"handler\":\"AlarmHandler\"}",
                "",
                "{\"handler\":\"AlarmHandler\",\"event\":" + alarm + "}");

        assertThat(answers).hasSize(4);
        assertThat(answers.get(0).path("error").asText()).contains("unknown handler 'NoSuchHandler'");
        assertThat(answers.get(1).path("error").asText()).startsWith("JsonParseException");
        assertThat(answers.get(2).path("error").asText()).contains("no event object");
        assertThat(answers.get(3).path("outcome").path("result").asText())
                .as(answers.get(3).toString())
                .isEqualTo("APPLIED");
        assertThat(world.platformEvents())
                .extracting(PlatformEvent::type)
                .containsExactly(PlatformEventType.ServiceUnhealthy);
    }

    @Test
    void aHandlerThatThrowsIsAnsweredAsAFailedInvocation() throws IOException {
        // A notifier without its ledger table cannot start: Lambda would report the invocation failed.
        String request = "{\"handler\":\"NotifierHandler\",\"environment\":{\"LEDGER_TABLE\":\"\"},\"event\":"
                + "{\"Records\":[]}}";

        JsonNode answer = serve(request).getFirst();

        assertThat(answer.path("error").asText()).as(answer.toString()).contains("LEDGER_TABLE");
        assertThat(answer.has("outcome")).isFalse();
    }
}
