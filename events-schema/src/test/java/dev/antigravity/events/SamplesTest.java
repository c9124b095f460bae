package dev.antigravity.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.antigravity.events.EventResources.Sample;
import dev.antigravity.events.aws.AwsEvent;
import dev.antigravity.events.aws.CloudWatchAlarmStateChange;
import dev.antigravity.events.aws.EcrImageAction;
import dev.antigravity.events.aws.EcsDeploymentStateChange;
import dev.antigravity.events.aws.EcsServiceAction;
import dev.antigravity.events.aws.UnknownAwsEvent;
import dev.antigravity.events.codec.EventCodec;
import dev.antigravity.events.codec.MalformedEventException;
import dev.antigravity.events.lifecycle.LifecycleHookPayload;
import dev.antigravity.events.lifecycle.LifecycleHookResponse;
import dev.antigravity.events.lifecycle.LifecycleStage;
import dev.antigravity.events.platform.PlatformEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SamplesTest {
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final EventCodec codec = new EventCodec();

    static List<Sample> samples() {
        return EventResources.samples();
    }

    static List<String> errors(String schemaPath, String json) {
        Schema schema =
                SCHEMAS.getSchema(SchemaLocation.of("classpath:" + EventResources.ROOT + "schemas/" + schemaPath));
        return schema
                .validate(json, InputFormat.JSON, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)))
                .stream()
                .map(Error::toString)
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleValidatesAgainstItsSchema(Sample sample) {
        assertThat(errors(sample.schema(), sample.json())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleDecodes(Sample sample) {
        String json = sample.json();
        if (sample.schema().startsWith("platform/")) {
            PlatformEvent event = codec.decodePlatformEvent(json);
            assertThat(errors(sample.schema(), codec.encode(event)))
                    .as("re-encoded")
                    .isEmpty();
            assertThat(codec.decodePlatformEvent(codec.encode(event))).isEqualTo(event);
        } else if (sample.schema().endsWith("lifecycle-hook-payload.schema.json")) {
            assertThat(codec.decodeLifecycleHook(json).targetServiceRevisionArn())
                    .startsWith("arn:aws:ecs:");
        } else if (sample.schema().endsWith("lifecycle-hook-response.schema.json")) {
            LifecycleHookResponse response = codec.decodeLifecycleHookResponse(json);
            assertThat(errors(sample.schema(), codec.encode(response)))
                    .as("re-encoded")
                    .isEmpty();
        } else {
            AwsEvent event = codec.decodeAwsEvent(json);
            Class<?> expected = switch (sample.schema()) {
                case "aws/ecr-image-action.schema.json" -> EcrImageAction.class;
                case "aws/ecs-deployment-state-change.schema.json" -> EcsDeploymentStateChange.class;
                case "aws/ecs-service-action.schema.json" -> EcsServiceAction.class;
                case "aws/cloudwatch-alarm-state-change.schema.json" -> CloudWatchAlarmStateChange.class;
                default -> UnknownAwsEvent.class;
            };
            assertThat(event).isInstanceOf(expected);
        }
    }

    @Test
    void everySampleFileIsIndexedAndEveryIndexEntryExists() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("samples"))) {
            List<String> onDisk = files.map(p -> p.getFileName().toString())
                    .filter(name -> !name.equals("index.json"))
                    .sorted()
                    .toList();
            assertThat(samples().stream().map(Sample::file).sorted().toList()).isEqualTo(onDisk);
        }
    }

    @Test
    void awkwardShapesDecodeFaithfully() {
        EcrImageAction byDigest = (EcrImageAction) codec.decodeAwsEvent(
                EventResources.sample("ecr-image-push-digest-only.json").json());
        assertThat(byDigest.tag()).isEmpty();
        assertThat(byDigest.imageDigest()).startsWith("sha256:");

        CloudWatchAlarmStateChange math = (CloudWatchAlarmStateChange)
                codec.decodeAwsEvent(EventResources.sample("cloudwatch-alarm-metric-math-to-alarm.json")
                        .json());
        assertThat(math.metrics())
                .filteredOn(CloudWatchAlarmStateChange.AlarmMetric::isExpression)
                .hasSize(1);

        CloudWatchAlarmStateChange fromUnknown = (CloudWatchAlarmStateChange)
                codec.decodeAwsEvent(EventResources.sample("cloudwatch-alarm-guard-insufficient-data-to-alarm.json")
                        .json());
        assertThat(fromUnknown.previousState().value()).isEqualTo(CloudWatchAlarmStateChange.Value.INSUFFICIENT_DATA);
        assertThat(fromUnknown.state().reasonData()).startsWith("{");

        CloudWatchAlarmStateChange suppressed = (CloudWatchAlarmStateChange)
                codec.decodeAwsEvent(EventResources.sample("cloudwatch-alarm-composite-suppressed-ok-to-alarm.json")
                        .json());
        assertThat(suppressed.actionsSuppressed()).isTrue();
        assertThat(suppressed.state().actionsSuppressedBy()).isEqualTo("WaitPeriod");
        assertThat(suppressed.state().actionsSuppressedReason()).isEqualTo("Actions suppressed by WaitPeriod");
        CloudWatchAlarmStateChange suppressionEnded = (CloudWatchAlarmStateChange)
                codec.decodeAwsEvent(EventResources.sample("cloudwatch-alarm-composite-suppression-ended.json")
                        .json());
        assertThat(suppressionEnded.previousState().actionsSuppressedBy()).isEqualTo("WaitPeriod");
        assertThat(suppressionEnded.actionsSuppressed())
                .as("only the new state's suppression counts")
                .isFalse();
        assertThat(fromUnknown.actionsSuppressed()).isFalse();

        EcsDeploymentStateChange rollback = (EcsDeploymentStateChange)
                codec.decodeAwsEvent(EventResources.sample("ecs-deployment-rollback-in-progress.json")
                        .json());
        assertThat(rollback.isCircuitBreakerRollback()).isTrue();
        assertThat(rollback.serviceArn()).endsWith("service/antigravity-prod/api");
    }

    @Test
    void theFlatLifecycleHookPayloadDecodesLikeTheNestedOne() {
        String target =
                "arn:aws:ecs:eu-west-1:111122223333:service-revision/antigravity-staging/api/4418306727191104211";
        LifecycleHookPayload flat =
                codec.decodeLifecycleHook(EventResources.sample("ecs-lifecycle-hook-flat-post-test-traffic-shift.json")
                        .json());
        assertThat(flat.stage()).contains(LifecycleStage.POST_TEST_TRAFFIC_SHIFT);
        assertThat(flat.executionId()).isEqualTo("0c6f1d0e-51a4-4c55-9d3f-7e0ab6a1c7d2");
        assertThat(flat.resourceArn()).endsWith("service-deployment/antigravity-staging/api/Qm1xW7cP2v8dKs0aLr5tN");
        assertThat(flat.serviceArn()).isEqualTo("arn:aws:ecs:eu-west-1:111122223333:service/antigravity-staging/api");
        assertThat(flat.targetServiceRevisionArn()).isEqualTo(target);
        assertThat(flat.hookDetails()).containsEntry("attempt", 1);

        LifecycleHookPayload bare = codec.decodeLifecycleHook(
                EventResources.sample("ecs-lifecycle-hook-flat-documented.json").json());
        assertThat(bare.stage()).isEmpty();
        assertThat(bare.executionId()).isNull();
        assertThat(bare.resourceArn()).isNull();
        assertThat(bare.targetServiceRevisionArn()).isEqualTo(target);
        assertThat(bare.testTrafficWeights()).containsEntry(target, 100).hasSize(2);
        assertThat(bare.productionTrafficWeights()).isEmpty();
        assertThat(bare.hookDetails()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"lifecycleStage\":\"PRE_SCALE_UP\"}",
                "{\"executionId\":\"x\",\"lifecycleStage\":\"PRE_SCALE_UP\",\"resourceArn\":\"r\",\"executionDetails\":{}}",
                "{\"serviceArn\":\"s\",\"targetServiceRevisionArn\":\"t\",\"lifecycleStage\":\"LUNCH\"}",
                "{\"serviceArn\":\"s\",\"targetServiceRevisionArn\":\"t\",\"productionTrafficWeights\":{\"t\":\"all\"}}",
                "{\"serviceArn\":\"s\",\"targetServiceRevisionArn\":\"t\",\"productionTrafficWeights\":{\"t\":12.5}}",
                "{\"serviceArn\":\"s\",\"targetServiceRevisionArn\":\"t\",\"testTrafficWeights\":[100]}"
            })
    void malformedLifecycleHookPayloadsAreRejectedByCodecAndSchema(String json) {
        assertThatThrownBy(() -> codec.decodeLifecycleHook(json))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageFindingMatch("\\S");
        assertThat(errors("aws/ecs-lifecycle-hook-payload.schema.json", json)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json",
                "[]",
                "{\"id\":\"x\"}",
                "{\"version\":\"0\",\"id\":\"x\",\"detail-type\":\"ECR Image Action\",\"source\":\"aws.ecr\",\"account\":\"1\","
                        + "\"time\":\"yesterday\",\"region\":\"us-east-1\",\"resources\":[],\"detail\":{}}",
                "{\"version\":\"0\",\"id\":\"x\",\"detail-type\":\"ECR Image Action\",\"source\":\"aws.ecr\",\"account\":\"1\","
                        + "\"time\":\"2026-01-01T00:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],"
                        + "\"detail\":{\"result\":\"SUCCESS\",\"action-type\":\"PUSH\",\"repository-name\":\"r\"}}",
                "{\"version\":\"0\",\"id\":\"x\",\"detail-type\":\"ECS Deployment State Change\",\"source\":\"aws.ecs\","
                        + "\"account\":\"1\",\"time\":\"2026-01-01T00:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],"
                        + "\"detail\":{\"eventType\":\"INFO\",\"eventName\":\"SERVICE_DEPLOYMENT_COMPLETED\","
                        + "\"deploymentId\":\"d\",\"updatedAt\":\"2026-01-01T00:00:00Z\"}}",
                "{\"version\":\"0\",\"id\":\"x\",\"detail-type\":\"CloudWatch Alarm State Change\",\"source\":\"aws.cloudwatch\","
                        + "\"account\":\"1\",\"time\":\"2026-01-01T00:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],"
                        + "\"detail\":{\"alarmName\":\"a\",\"state\":{\"value\":\"MAYBE\",\"timestamp\":\"t\"},"
                        + "\"previousState\":{\"value\":\"OK\",\"timestamp\":\"t\"}}}"
            })
    void malformedEventsAreRejectedWithAReason(String json) {
        assertThatThrownBy(() -> codec.decodeAwsEvent(json))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageFindingMatch("\\S");
    }

    @Test
    void schemasRejectWhatTheyShould() {
        String deleteWithoutRepository = "{\"version\":\"0\",\"id\":\"x\",\"detail-type\":\"ECR Image Action\","
                + "\"source\":\"aws.ecr\",\"account\":\"123456789012\",\"time\":\"2026-01-01T00:00:00Z\","
                + "\"region\":\"us-east-1\",\"resources\":[],\"detail\":{\"result\":\"SUCCESS\",\"action-type\":\"DELETE\"}}";
        assertThat(errors("aws/ecr-image-action.schema.json", deleteWithoutRepository))
                .isNotEmpty();
        String accountViaEnvelopeRef =
                EventResources.sample("ecs-deployment-completed.json").json().replace("\"111122223333\"", "\"1\"");
        assertThat(errors("aws/ecs-deployment-state-change.schema.json", accountViaEnvelopeRef))
                .isNotEmpty();
        assertThat(errors(
                        "aws/cloudwatch-alarm-state-change.schema.json",
                        EventResources.sample("cloudwatch-alarm-guard-ok-to-alarm.json")
                                .json()
                                .replace("\"m1\"", "1")))
                .as("metric without id")
                .isNotEmpty();
        assertThat(errors(
                        "aws/cloudwatch-alarm-state-change.schema.json",
                        EventResources.sample("cloudwatch-alarm-composite-suppressed-ok-to-alarm.json")
                                .json()
                                .replace("\"WaitPeriod\"", "\"Sometimes\"")))
                .as("unknown actionsSuppressedBy")
                .isNotEmpty();
        assertThat(errors("aws/ecs-lifecycle-hook-response.schema.json", "{\"callBackDelay\":30}"))
                .isNotEmpty();
        assertThat(errors(
                        "platform/platform-event.schema.json",
                        EventResources.sample("platform-alarm-cleared.json")
                                .json()
                                .replace("\"alarmName\"", "\"alarm\"")))
                .isNotEmpty();
    }
}
