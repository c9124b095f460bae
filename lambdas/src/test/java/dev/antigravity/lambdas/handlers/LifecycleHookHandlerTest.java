package dev.antigravity.lambdas.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.antigravity.events.codec.EventCodec;
import dev.antigravity.events.lifecycle.LifecycleHookResponse;
import dev.antigravity.events.lifecycle.LifecycleStage;
import dev.antigravity.lambdas.adapters.http.HttpHealthProbe;
import dev.antigravity.lambdas.adapters.lambda.LifecycleHookInvocation;
import dev.antigravity.lambdas.app.lifecycle.AnswerLifecycleHook;
import dev.antigravity.lambdas.app.lifecycle.StageChecks;
import dev.antigravity.lambdas.domain.ManagedServices;
import dev.antigravity.lambdas.domain.port.AlarmPort.AlarmStatus;
import dev.antigravity.lambdas.fakes.Fakes;
import dev.antigravity.lambdas.notifyfixtures.FakeEcs;
import dev.antigravity.lambdas.notifyfixtures.PlatformEventFixtures;
import dev.antigravity.lambdas.wiring.lifecycle.LifecycleHookSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The documented lifecycle-hook payload, at every stage, through the handler to each of the three answers. */
class LifecycleHookHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventCodec CODEC = new EventCodec();

    private final Fakes.Alarms alarms = new Fakes.Alarms();
    private Optional<String> ecsRollback = Optional.empty();

    static Stream<Arguments> everyStageAndOutcome() {
        return Arrays.stream(LifecycleStage.values())
                .flatMap(stage -> Stream.of(
                        Arguments.of(stage, AlarmStatus.OK, LifecycleHookResponse.HookStatus.SUCCEEDED),
                        Arguments.of(
                                stage, AlarmStatus.INSUFFICIENT_DATA, LifecycleHookResponse.HookStatus.IN_PROGRESS),
                        Arguments.of(stage, AlarmStatus.ALARM, LifecycleHookResponse.HookStatus.FAILED)));
    }

    @ParameterizedTest(name = "{0} with the guard alarm {1} → {2}")
    @MethodSource("everyStageAndOutcome")
    void everyStageConfiguredToCheckAnswersEachOutcome(
            LifecycleStage stage, AlarmStatus alarm, LifecycleHookResponse.HookStatus expected) throws IOException {
        String everyStageChecksAlarms = Arrays.stream(LifecycleStage.values())
                .map(s -> "\"" + s + "\":\"GUARD_ALARMS\"")
                .collect(Collectors.joining(",", "{", "}"));
        LifecycleHookHandler handler = handler(Map.of(
                "LIFECYCLE_STAGE_CHECKS",
                everyStageChecksAlarms,
                "LIFECYCLE_MAX_ATTEMPTS",
                "5",
                "LIFECYCLE_CALLBACK_DELAY_SECONDS",
                "30"));
        alarms.states.put("api-5xx", alarm);

        JsonNode response = invoke(handler, documentedPayload(stage, Map.of("attempt", 1)));

        assertThat(response.get("hookStatus").asText()).isEqualTo(expected.name());
        assertThat(response.at("/hookDetails/attempt").asInt()).isEqualTo(2);
        assertThat(response.at("/hookDetails/stage").asText()).isEqualTo(stage.name());
        if (expected == LifecycleHookResponse.HookStatus.IN_PROGRESS) {
            assertThat(response.get("callBackDelay").asInt()).isEqualTo(30);
        } else {
            assertThat(response.has("callBackDelay")).isFalse();
        }
        assertThat(CODEC.decodeLifecycleHookResponse(response.toString()).hookStatus())
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(LifecycleStage.class)
    void byDefaultOnlyTheTrafficStagesCheckAnything(LifecycleStage stage) throws IOException {
        alarms.states.put("api-5xx", AlarmStatus.ALARM);
        // No test listener is configured, so the smoke test cannot pass either.
        JsonNode response = invoke(handler(Map.of()), documentedPayload(stage, Map.of()));

        String expected = switch (stage) {
            case POST_TEST_TRAFFIC_SHIFT, PRODUCTION_TRAFFIC_SHIFT, POST_PRODUCTION_TRAFFIC_SHIFT -> "FAILED";
            default -> "SUCCEEDED";
        };
        assertThat(response.get("hookStatus").asText()).isEqualTo(expected);
        assertThat(response.at("/hookDetails/reason").asText()).isNotBlank();
    }

    @Test
    void aCheckStillNotGoodAtTheBoundFails() throws IOException {
        alarms.states.put("api-5xx", AlarmStatus.INSUFFICIENT_DATA);

        JsonNode response = invoke(
                handler(Map.of("LIFECYCLE_MAX_ATTEMPTS", "3")),
                documentedPayload(LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, Map.of("attempt", 2)));

        assertThat(response.get("hookStatus").asText()).isEqualTo("FAILED");
        assertThat(response.at("/hookDetails/reason").asText()).startsWith("still not good after 3 attempts");
    }

    @Test
    void ecsRollingBackIsAnsweredSucceededThoughTheGuardAlarmThatCausedItStillFires() throws IOException {
        alarms.states.put("api-5xx", AlarmStatus.ALARM);

        JsonNode response = invoke(
                handler(Map.of()),
                PlatformEventFixtures.sampleJson("ecs-lifecycle-hook-production-traffic-shift-rollback.json"));

        assertThat(response.get("hookStatus").asText()).isEqualTo("SUCCEEDED");
        assertThat(response.at("/hookDetails/reason").asText()).startsWith("this deployment is a rollback");
    }

    @Test
    void aFlatPayloadWithoutAStageDuringARollbackIsAnsweredSucceededOnEcsWord() throws IOException {
        alarms.states.put("api-5xx", AlarmStatus.ALARM);
        String stageless = PlatformEventFixtures.sampleJson("ecs-lifecycle-hook-flat-documented.json");
        Map<String, String> alarmsOnly = Map.of("LIFECYCLE_STAGE_CHECKS", "{\"POST_TEST_TRAFFIC_SHIFT\":\"NONE\"}");
        assertThat(invoke(handler(alarmsOnly), stageless).get("hookStatus").asText())
                .isEqualTo("FAILED");

        ecsRollback = Optional.of("ECS reports ROLLBACK_IN_PROGRESS");
        JsonNode response = invoke(handler(alarmsOnly), stageless);

        assertThat(response.get("hookStatus").asText()).isEqualTo("SUCCEEDED");
        assertThat(response.at("/hookDetails/reason").asText())
                .contains("ECS reports ROLLBACK_IN_PROGRESS")
                .contains("guard alarm in ALARM: api-5xx");
    }

    @Test
    void theFlatPayloadIsAnsweredByItsStagesCheck() throws IOException {
        JsonNode response = invoke(
                handler(Map.of()),
                PlatformEventFixtures.sampleJson("ecs-lifecycle-hook-flat-post-test-traffic-shift.json"));

        assertThat(response.get("hookStatus").asText()).isEqualTo("FAILED");
        assertThat(response.at("/hookDetails/reason").asText())
                .startsWith("no test listener URL configured for antigravity-staging/api");
        assertThat(response.at("/hookDetails/attempt").asInt()).isEqualTo(2);
    }

    @Test
    void aFlatPayloadWithoutAStageRunsEveryConfiguredCheck() throws IOException {
        String stageless = PlatformEventFixtures.sampleJson("ecs-lifecycle-hook-flat-documented.json");
        JsonNode smokeTestFirst = invoke(handler(Map.of()), stageless);
        assertThat(smokeTestFirst.get("hookStatus").asText()).isEqualTo("FAILED");
        assertThat(smokeTestFirst.at("/hookDetails/reason").asText()).startsWith("no test listener URL configured");
        assertThat(smokeTestFirst.at("/hookDetails").has("stage")).isFalse();

        Map<String, String> alarmsOnly = Map.of("LIFECYCLE_STAGE_CHECKS", "{\"POST_TEST_TRAFFIC_SHIFT\":\"NONE\"}");
        assertThat(invoke(handler(alarmsOnly), stageless)
                        .at("/hookDetails/reason")
                        .asText())
                .isEqualTo("all 1 guard alarms OK");
        alarms.states.put("api-5xx", AlarmStatus.ALARM);
        JsonNode alarmed = invoke(handler(alarmsOnly), stageless);
        assertThat(alarmed.get("hookStatus").asText()).isEqualTo("FAILED");
        assertThat(alarmed.at("/hookDetails/reason").asText()).isEqualTo("guard alarm in ALARM: api-5xx");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "",
                "not json",
                "{}",
                "{\"executionId\":\"x\",\"lifecycleStage\":\"LUNCH\",\"resourceArn\":\"r\",\"executionDetails\":{}}"
            })
    void anUnreadablePayloadIsAnsweredFailedNeverThrown(String payload) throws IOException {
        JsonNode response = invoke(handler(Map.of()), payload);

        assertThat(response.get("hookStatus").asText()).isEqualTo("FAILED");
        assertThat(response.at("/hookDetails/reason").asText()).startsWith("unreadable lifecycle hook payload");
    }

    @Test
    void anUnexpectedErrorIsAnsweredFailedWithTheReason() throws IOException {
        FakeEcs broken = new FakeEcs(List.of("api-5xx"));
        broken.failure = new IllegalStateException("a bug in a check");
        LifecycleHookHandler handler = new LifecycleHookHandler(
                new LifecycleHookInvocation(answer(LifecycleHookSettings.from(Map.of()), broken), CODEC));

        JsonNode response = invoke(handler, documentedPayload(LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, Map.of()));

        assertThat(response.get("hookStatus").asText()).isEqualTo("FAILED");
        assertThat(response.at("/hookDetails/reason").asText()).contains("a bug in a check");
    }

    @Test
    void aMisconfiguredFunctionAnswersFailedWithTheConfigurationError() throws IOException {
        LifecycleHookHandler handler =
                new LifecycleHookHandler(LifecycleHookInvocation.orMisconfigured(() -> new LifecycleHookInvocation(
                        answer(
                                LifecycleHookSettings.from(Map.of("LIFECYCLE_SMOKE_PATHS", "api/products")),
                                new FakeEcs(List.of())),
                        CODEC)));

        JsonNode response = invoke(handler, documentedPayload(LifecycleStage.PRE_SCALE_UP, Map.of()));

        assertThat(response.get("hookStatus").asText()).isEqualTo("FAILED");
        assertThat(response.at("/hookDetails/reason").asText())
                .contains("LIFECYCLE_SMOKE_PATHS: 'api/products' must start with /");
    }

    private LifecycleHookHandler handler(Map<String, String> env) {
        return new LifecycleHookHandler(new LifecycleHookInvocation(
                answer(LifecycleHookSettings.from(env), new FakeEcs(List.of("api-5xx"))), CODEC));
    }

    private AnswerLifecycleHook answer(LifecycleHookSettings settings, FakeEcs ecs) {
        return new AnswerLifecycleHook(
                settings.policy(),
                new StageChecks(
                        new ManagedServices(List.of()),
                        settings.testListeners(),
                        settings.smokePaths(),
                        new HttpHealthProbe(JSON, 1, Duration.ofSeconds(2), Duration.ZERO),
                        (revision, container) -> Optional.of("sha-abc1234"),
                        ecs,
                        alarms),
                (deployment, service, target) -> ecsRollback,
                error -> false);
    }

    /** The payload the ECS documentation shows (events-schema's sample of it), at {@code stage}. */
    private static String documentedPayload(LifecycleStage stage, Map<String, Object> hookDetails) {
        try {
            ObjectNode payload = (ObjectNode)
                    JSON.readTree(PlatformEventFixtures.sampleJson("ecs-lifecycle-hook-production-traffic-shift.json"));
            payload.put("lifecycleStage", stage.name());
            payload.set("hookDetails", JSON.valueToTree(hookDetails));
            return payload.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode invoke(LifecycleHookHandler handler, String payload) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out, null);
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }
}
