package dev.antigravity.lambdas.integration.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.events.platform.PlatformEventType;
import dev.antigravity.lambdas.adapters.dynamodb.DynamoDbLedger;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.handlers.AlarmHandler;
import dev.antigravity.lambdas.handlers.DeploymentEventHandler;
import dev.antigravity.lambdas.handlers.ImagePushHandler;
import dev.antigravity.lambdas.handlers.StabilizerHandler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;

/**
 * The real handlers, wired by Dagger from a Lambda environment, against moto_server (ECR, ECS, ELBv2, DynamoDB,
 * SNS→SQS) and WireMock (CloudWatch over CBOR, /health). The AWS events are the events-schema samples, pointed
 * at this test's resources.
 */
class DeploymentHooksIntegrationTest {
    private MotoWorld world;
    private DynamoDbLedger ledger;

    @BeforeEach
    void setUp() {
        world = new MotoWorld();
        ledger = new DynamoDbLedger(world.dynamo, world.table, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        if (world != null) {
            world.close();
        }
    }

    private static String digest(char c) {
        return "sha256:" + String.valueOf(c).repeat(64);
    }

    /** Pushes an image through the push handler and returns the revision the service now runs. */
    private String deployed(String eventId, String digest, String tag) {
        MotoWorld.invoke(world.handler(MotoHandlers::imagePush, 15), world.push(eventId, digest, tag));
        return world.runningRevision();
    }

    private Deployment record(String revision) {
        return ledger.find(new ServiceRef(world.cluster, world.service), Deployment.idOf(revision))
                .orElseThrow();
    }

    @Test
    void pushRegistersARevisionPinnedByDigestCopiedFaithfullyAndUpdatesTheService() {
        ImagePushHandler push = world.handler(MotoHandlers::imagePush, 15);
        JsonNode outcome = MotoWorld.invoke(push, world.push("p-1", digest('a'), "sha-aaaaaaa"));

        assertThat(outcome.get("result").asText()).as(outcome.toString()).isEqualTo("APPLIED");
        String revision = world.runningRevision();
        assertThat(revision).isNotEqualTo(world.baselineRevision);

        DescribeTaskDefinitionResponse before = world.ecs.describeTaskDefinition(
                r -> r.taskDefinition(world.baselineRevision).include(TaskDefinitionField.TAGS));
        DescribeTaskDefinitionResponse after =
                world.ecs.describeTaskDefinition(r -> r.taskDefinition(revision).include(TaskDefinitionField.TAGS));
        ContainerDefinition api = container(after.taskDefinition(), MotoWorld.CONTAINER);
        assertThat(api.image()).isEqualTo(world.repositoryUri + "@" + digest('a'));
        assertThat(env(api))
                .containsEntry("APP_VERSION", "sha-aaaaaaa")
                .containsEntry("DB_URL", "jdbc:postgresql://db/api");
        assertThat(api.toBuilder().image(null).environment(List.of()).build())
                .isEqualTo(container(before.taskDefinition(), MotoWorld.CONTAINER).toBuilder()
                        .image(null)
                        .environment(List.of())
                        .build());
        assertThat(container(after.taskDefinition(), "otel")).isEqualTo(container(before.taskDefinition(), "otel"));
        assertThat(after.taskDefinition().toBuilder()
                        .containerDefinitions(List.of())
                        .taskDefinitionArn(null)
                        .revision(null)
                        .registeredAt(null)
                        .build())
                .isEqualTo(before.taskDefinition().toBuilder()
                        .containerDefinitions(List.of())
                        .taskDefinitionArn(null)
                        .revision(null)
                        .registeredAt(null)
                        .build());
        assertThat(after.tags()).isEqualTo(before.tags());

        Deployment pending = record(revision);
        assertThat(pending.state()).isEqualTo(DeploymentState.PENDING);
        assertThat(pending.rollbackTargetArn()).isEqualTo(world.baselineRevision);
        assertThat(world.platformEvents())
                .extracting(PlatformEvent::type)
                .containsExactly(PlatformEventType.DeploymentAccepted);
    }

    @Test
    void theSamePushTwiceRegistersExactlyOneRevision() {
        ImagePushHandler push = world.handler(MotoHandlers::imagePush, 15);
        String event = world.push("p-dup", digest('b'), "1.2.3");
        MotoWorld.invoke(push, event);
        JsonNode second = MotoWorld.invoke(push, event);
        JsonNode sameImageNewEvent = MotoWorld.invoke(push, world.push("p-dup-2", digest('b'), "1.2.3"));

        assertThat(second.get("result").asText()).isEqualTo("DUPLICATE");
        assertThat(sameImageNewEvent.get("result").asText()).isEqualTo("SKIPPED");
        assertThat(world.revisions()).hasSize(2); // the baseline and one new revision
    }

    @Test
    void alarmDuringBakingRollsBackToTheLastStableRevisionOnce() {
        ImagePushHandler push = world.handler(MotoHandlers::imagePush, 0);
        DeploymentEventHandler deployments = world.handler(MotoHandlers::deploymentEvent, 0);
        StabilizerHandler stabilizer = world.handler(MotoHandlers::stabilizer, 0);
        AlarmHandler alarms = world.handler(MotoHandlers::alarm, 0);

        MotoWorld.invoke(push, world.push("p-good", digest('c'), "sha-ccccccc"));
        String good = world.runningRevision();
        world.health(200, "sha-ccccccc");
        MotoWorld.invoke(deployments, world.deploymentEvent("c-good", "ecs-deployment-completed.json", good));
        MotoWorld.invoke(stabilizer, MotoWorld.sample("unknown-detail-type.json", e -> e.put("id", "tick-1")));
        assertThat(record(good).state()).isEqualTo(DeploymentState.STABLE);

        MotoWorld.invoke(push, world.push("p-bad", digest('d'), "sha-ddddddd"));
        String bad = world.runningRevision();
        world.health(200, "sha-ddddddd");
        JsonNode verified =
                MotoWorld.invoke(deployments, world.deploymentEvent("c-bad", "ecs-deployment-completed.json", bad));
        assertThat(verified.get("state").asText()).as(verified.toString()).isEqualTo("BAKING");
        assertThat(record(bad).rollbackTargetArn()).isEqualTo(good);

        String alarm = world.alarm("a-1", "cloudwatch-alarm-guard-ok-to-alarm.json");
        JsonNode first = MotoWorld.invoke(alarms, alarm);
        JsonNode duplicate = MotoWorld.invoke(alarms, alarm);
        JsonNode secondAlarm =
                MotoWorld.invoke(alarms, world.alarm("a-2", "cloudwatch-alarm-guard-insufficient-data-to-alarm.json"));

        assertThat(first.get("result").asText()).as(first.toString()).isEqualTo("APPLIED");
        assertThat(world.runningRevision()).isEqualTo(good);
        assertThat(record(bad).state()).isEqualTo(DeploymentState.ROLLING_BACK);
        assertThat(record(bad).rollbackIssued()).isTrue();
        assertThat(duplicate.get("result").asText()).isEqualTo("DUPLICATE");
        assertThat(secondAlarm.get("result").asText())
                .as(secondAlarm.toString())
                .isEqualTo("IGNORED");
        assertThat(world.platformEvents())
                .extracting(PlatformEvent::type)
                .filteredOn(t -> t == PlatformEventType.RollbackStarted)
                .hasSize(1);

        JsonNode rolledBack =
                MotoWorld.invoke(deployments, world.deploymentEvent("rb-done", "ecs-deployment-completed.json", good));
        assertThat(rolledBack.get("state").asText()).as(rolledBack.toString()).isEqualTo("ROLLED_BACK");
        assertThat(record(good).state()).isEqualTo(DeploymentState.STABLE);
    }

    @Test
    void completedBeforeInProgressEndsBakingAndTheLateInProgressIsIgnored() {
        String revision = deployed("p-ooo", digest('e'), "sha-eeeeeee");
        DeploymentEventHandler deployments = world.handler(MotoHandlers::deploymentEvent, 15);
        world.health(200, "sha-eeeeeee");

        JsonNode completed = MotoWorld.invoke(
                deployments, world.deploymentEvent("c-ooo", "ecs-deployment-completed.json", revision));
        JsonNode late = MotoWorld.invoke(
                deployments, world.deploymentEvent("i-ooo", "ecs-deployment-in-progress.json", revision));

        assertThat(completed.get("state").asText()).as(completed.toString()).isEqualTo("BAKING");
        assertThat(late.get("result").asText()).isEqualTo("IGNORED");
        Deployment baking = record(revision);
        assertThat(baking.state()).isEqualTo(DeploymentState.BAKING);
        assertThat(baking.at(dev.antigravity.events.platform.TimelineKey.bakeUntil))
                .isPresent();
    }

    @Test
    void verificationFailsOnAWrongVersionOrAFiringGuardAlarmAndRollsBackAtOnce() {
        String revision = deployed("p-v", digest('f'), "sha-fffffff");
        DeploymentEventHandler deployments = world.handler(MotoHandlers::deploymentEvent, 15);
        world.health(200, "sha-0000000"); // the old version still answers
        world.alarmState("ALARM");

        JsonNode outcome =
                MotoWorld.invoke(deployments, world.deploymentEvent("c-v", "ecs-deployment-completed.json", revision));

        assertThat(outcome.get("state").asText()).as(outcome.toString()).isEqualTo("ROLLING_BACK");
        assertThat(record(revision).reason())
                .contains("reports version sha-0000000")
                .contains("guard alarm " + world.guardAlarm + " is ALARM");
        assertThat(world.runningRevision()).isEqualTo(world.baselineRevision);
        assertThat(world.platformEvents())
                .extracting(PlatformEvent::type)
                .contains(PlatformEventType.VerificationFailed, PlatformEventType.RollbackStarted);
    }

    @Test
    void ecsCircuitBreakerFailureIsRecordedWithoutTouchingTheService() {
        String revision = deployed("p-f", digest('9'), "sha-9999999");
        DeploymentEventHandler deployments = world.handler(MotoHandlers::deploymentEvent, 15);

        MotoWorld.invoke(deployments, world.deploymentEvent("i-f", "ecs-deployment-in-progress.json", revision));
        JsonNode failed =
                MotoWorld.invoke(deployments, world.deploymentEvent("f-f", "ecs-deployment-failed.json", revision));

        assertThat(failed.get("state").asText()).isEqualTo("FAILED");
        assertThat(world.runningRevision()).isEqualTo(revision);
        assertThat(world.platformEvents())
                .extracting(PlatformEvent::type)
                .containsExactly(
                        PlatformEventType.DeploymentAccepted,
                        PlatformEventType.DeploymentStarted,
                        PlatformEventType.DeploymentFailed);
    }

    @Test
    void theFreezeSwitchInSsmSkipsPushesWithAPlatformEvent() {
        String parameter = "/antigravity/it/" + world.suffix + "/freeze";
        world.ssm.putParameter(r -> r.name(parameter).value("true").type("String"));
        ImagePushHandler push = world.handler(MotoHandlers::imagePush, 15, Map.of("FREEZE_PARAMETER", parameter));

        JsonNode frozen = MotoWorld.invoke(push, world.push("p-frozen", digest('1'), "sha-1111111"));
        world.ssm.putParameter(
                r -> r.name(parameter).value("false").type("String").overwrite(true));
        JsonNode thawed = MotoWorld.invoke(push, world.push("p-thawed", digest('1'), "sha-1111111"));

        assertThat(frozen.get("result").asText()).isEqualTo("SKIPPED");
        assertThat(frozen.get("reason").asText()).contains(parameter);
        assertThat(thawed.get("result").asText()).isEqualTo("APPLIED");
        assertThat(world.platformEvents())
                .extracting(PlatformEvent::type)
                .containsExactly(PlatformEventType.DeploymentSkipped, PlatformEventType.DeploymentAccepted);
        world.ssm.deleteParameter(r -> r.name(parameter));
    }

    @Test
    void theCliInvokesAHandlerAndPrintsTheLedger() throws Exception {
        java.nio.file.Path event = java.nio.file.Files.createTempFile("push", ".json");
        java.nio.file.Files.writeString(event, world.push("p-cli", digest('7'), "2.0.0"));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        Map<String, String> env = world.environment(15);

        int invoked = dev.antigravity.lambdas.cli.CliAccess.run(
                new String[] {"invoke", "ImagePushHandler", event.toString()},
                env,
                new java.io.PrintStream(out, true),
                new java.io.PrintStream(err, true));
        JsonNode outcome = MotoWorld.JSON.readTree(out.toString(StandardCharsets.UTF_8));
        out.reset();
        int listed = dev.antigravity.lambdas.cli.CliAccess.run(
                new String[] {"ledger", "--service", world.cluster + "/" + world.service},
                env,
                new java.io.PrintStream(out, true),
                new java.io.PrintStream(err, true));

        assertThat(invoked).isZero();
        assertThat(outcome.get("result").asText()).isEqualTo("APPLIED");
        assertThat(listed).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains(outcome.get("deploymentId").asText())
                .contains("PENDING")
                .contains("2.0.0");
        assertThat(dev.antigravity.lambdas.cli.CliAccess.run(
                        new String[] {"invoke", "NoSuchHandler", event.toString()},
                        env,
                        new java.io.PrintStream(out, true),
                        new java.io.PrintStream(err, true)))
                .isEqualTo(2);
        java.nio.file.Files.delete(event);
    }

    private static ContainerDefinition container(TaskDefinition definition, String name) {
        return definition.containerDefinitions().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, String> env(ContainerDefinition container) {
        return container.environment().stream().collect(Collectors.toMap(KeyValuePair::name, KeyValuePair::value));
    }
}
