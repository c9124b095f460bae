package dev.antigravity.lambdas.integration.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.antigravity.events.EventResources;
import dev.antigravity.events.EventResources.Sample;
import dev.antigravity.events.aws.AwsEvent;
import dev.antigravity.events.codec.EventCodec;
import dev.antigravity.events.testing.MotoServer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample through every handler (real wiring, moto behind it). None of the samples names this world's
 * repository, service or alarms, so every outcome must be an acknowledgement without side effects: rejected when
 * the handler does not consume that kind of event, ignored when it does. Nothing may throw (that would put
 * never-succeeding input into Lambda's retry loop).
 */
@ExtendWith(MotoServer.Required.class)
class HandlerSamplesTest {
    private static final Map<String, Set<String>> CONSUMES = Map.of(
            "ImagePushHandler", Set.of("aws/ecr-image-action.schema.json"),
            "DeploymentEventHandler", Set.of("aws/ecs-deployment-state-change.schema.json"),
            "AlarmHandler", Set.of("aws/cloudwatch-alarm-state-change.schema.json"));

    private static MotoWorld world;
    private static final Map<String, RequestStreamHandler> handlers = new LinkedHashMap<>();

    @BeforeAll
    static void handlers() {
        world = new MotoWorld();
        handlers.put("ImagePushHandler", world.handler(MotoHandlers::imagePush, 15));
        handlers.put("DeploymentEventHandler", world.handler(MotoHandlers::deploymentEvent, 15));
        handlers.put("AlarmHandler", world.handler(MotoHandlers::alarm, 15));
        handlers.put("StabilizerHandler", world.handler(MotoHandlers::stabilizer, 15));
    }

    @AfterAll
    static void close() {
        if (world != null) {
            world.close();
        }
    }

    static List<Sample> samples() {
        return EventResources.samples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyHandlerAcknowledgesEverySampleWithoutSideEffects(Sample sample) {
        for (Map.Entry<String, RequestStreamHandler> handler : handlers.entrySet()) {
            JsonNode outcome = MotoWorld.invoke(handler.getValue(), sample.json());
            String result = outcome.get("result").asText();
            String expected;
            if (!sample.isEventBridgeEvent()) {
                expected = "REJECTED";
            } else if (handler.getKey().equals("StabilizerHandler")) {
                expected = "IGNORED"; // a tick with nothing to promote, resume or reconcile
            } else {
                expected = CONSUMES.get(handler.getKey()).contains(sample.schema()) ? "IGNORED" : "REJECTED";
            }
            assertThat(result)
                    .as("%s with %s: %s", handler.getKey(), sample.file(), outcome)
                    .isEqualTo(expected);
            assertThat(outcome.get("reason").asText()).isNotBlank();
        }
        assertThat(world.revisions()).hasSize(1);
        assertThat(world.runningRevision()).isEqualTo(world.baselineRevision);
        assertThat(world.platformEvents()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theLambdaEventsLibraryReadsEveryEventBridgeSampleAsWeDo(Sample sample) {
        if (!sample.isEventBridgeEvent()) {
            return;
        }
        ScheduledEvent theirs = EventLoader.loadScheduledEvent(
                Path.of("..", "events-schema", "samples", sample.file()).toString());
        AwsEvent ours = new EventCodec().decodeAwsEvent(sample.json());
        assertThat(theirs.getId()).isEqualTo(ours.id());
        assertThat(theirs.getDetailType()).isEqualTo(ours.envelope().detailType());
        assertThat(theirs.getSource()).isEqualTo(ours.envelope().source());
        assertThat(theirs.getResources()).isEqualTo(ours.envelope().resources());
        assertThat(theirs.getTime().getMillis())
                .isEqualTo(ours.envelope().time().toEpochMilli());
        assertThat(theirs.getDetail()).isNotEmpty();
    }
}
