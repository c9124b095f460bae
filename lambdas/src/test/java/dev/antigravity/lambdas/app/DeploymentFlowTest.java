package dev.antigravity.lambdas.app;

import static dev.antigravity.events.aws.EcsDeploymentStateChange.Phase.COMPLETED;
import static dev.antigravity.events.aws.EcsDeploymentStateChange.Phase.FAILED;
import static dev.antigravity.events.aws.EcsDeploymentStateChange.Phase.IN_PROGRESS;
import static dev.antigravity.lambdas.fakes.TestEvents.alarm;
import static dev.antigravity.lambdas.fakes.TestEvents.digest;
import static dev.antigravity.lambdas.fakes.TestEvents.ecs;
import static dev.antigravity.lambdas.fakes.TestEvents.push;
import static dev.antigravity.lambdas.fakes.TestPlatform.API;
import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.events.aws.CloudWatchAlarmStateChange.Value;
import dev.antigravity.events.platform.TimelineKey;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.port.AlarmPort.AlarmStatus;
import dev.antigravity.lambdas.domain.port.RegistryPort.PushedImage;
import dev.antigravity.lambdas.domain.port.TargetHealthPort.TargetHealth;
import dev.antigravity.lambdas.fakes.FakeEcs;
import dev.antigravity.lambdas.fakes.TestPlatform;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deployment events, alarms and the stabilizer over one deployment, with in-memory ports. */
class DeploymentFlowTest {
    private final TestPlatform p = new TestPlatform();
    private final Instant at = TestPlatform.START;
    private String revision;

    private String deploy(int n, String tag) {
        p.acceptImage.handle(push("push-" + n, digest(n), tag, p.clock.instant()));
        revision = p.ecs.runningRevision(API);
        return revision;
    }

    private Deployment record(String rev) {
        return p.ledger.find(API, Deployment.idOf(rev)).orElseThrow();
    }

    private Outcome ecsEvent(String id, dev.antigravity.events.aws.EcsDeploymentStateChange.Phase phase, String rev) {
        return p.recordDeploymentEvent.handle(ecs(id, phase, p.ecs.lastDeploymentIdOf(rev), p.clock.instant()));
    }

    private void bakeToStable(String rev) {
        ecsEvent("c-" + rev, COMPLETED, rev);
        p.clock.advance(Duration.ofMinutes(16));
        p.stabilize.run("sweep-" + rev);
        assertThat(record(rev).state()).isEqualTo(DeploymentState.STABLE);
    }

    @Test
    void inProgressThenCompletedVerifiesIntoBaking() {
        deploy(1, "sha-1111111");
        assertThat(ecsEvent("i1", IN_PROGRESS, revision).result()).isEqualTo(Outcome.Result.APPLIED);
        assertThat(record(revision).state()).isEqualTo(DeploymentState.IN_PROGRESS);
        assertThat(record(revision).ecsDeploymentId()).isEqualTo(FakeEcs.ecsDeploymentIdOf(revision));

        p.clock.advance(Duration.ofMinutes(3));
        Outcome completed = ecsEvent("c1", COMPLETED, revision);

        Deployment baking = record(revision);
        assertThat(completed.result()).isEqualTo(Outcome.Result.APPLIED);
        assertThat(baking.state()).isEqualTo(DeploymentState.BAKING);
        assertThat(baking.at(TimelineKey.bakeUntil)).contains(p.clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(baking.at(TimelineKey.startedAt)).contains(at);
        assertThat(p.publisher.types()).containsSubsequence("DeploymentStarted", "DeploymentVerified");
    }

    @Test
    void completedBeforeInProgressIsHandledAndTheLateInProgressIgnored() {
        deploy(1, "sha-1111111");
        ecsEvent("c1", COMPLETED, revision);
        Outcome late = ecsEvent("i1", IN_PROGRESS, revision);

        assertThat(record(revision).state()).isEqualTo(DeploymentState.BAKING);
        assertThat(late.result()).isEqualTo(Outcome.Result.IGNORED);
        assertThat(late.reason()).contains("is BAKING");
    }

    @Test
    void failedVerificationRollsBackAtOnce() {
        deploy(1, "sha-1111111");
        p.targets.answer = new TargetHealth(2, 1, List.of("10.0.1.7:8080=unhealthy (Target.ResponseCodeMismatch)"));
        Outcome outcome = ecsEvent("c1", COMPLETED, revision);

        assertThat(outcome.result()).isEqualTo(Outcome.Result.APPLIED);
        assertThat(record(revision).state()).isEqualTo(DeploymentState.ROLLING_BACK);
        assertThat(record(revision).rollbackIssued()).isTrue();
        assertThat(p.ecs.runningRevision(API)).isEqualTo(p.baseline);
        assertThat(p.publisher.types()).containsSubsequence("VerificationFailed", "RollbackStarted");
    }

    @Test
    void healthReportingTheWrongVersionFailsVerification() {
        deploy(1, "sha-1111111");
        p.ecs.revisions.put(
                revision,
                new dev.antigravity.lambdas.domain.port.EcsPort.ContainerImage(
                        "x", java.util.Map.of("APP_VERSION", "sha-9999999")));
        ecsEvent("c1", COMPLETED, revision);
        assertThat(record(revision).reason()).contains("reports version sha-9999999");
    }

    @Test
    void ecsCircuitBreakerFailureIsRecordedAndAnnouncedWithoutAnUpdate() {
        deploy(1, "sha-1111111");
        ecsEvent("f1", FAILED, revision);

        assertThat(record(revision).state()).isEqualTo(DeploymentState.FAILED);
        assertThat(p.ecs.updates).hasSize(1);
        assertThat(p.publisher.types()).endsWith("DeploymentFailed");
    }

    @Test
    void alarmDuringBakingRollsBackOnceAndTheRollbackCompletes() {
        String stable = deploy(1, "sha-1111111");
        bakeToStable(stable);
        String bad = deploy(2, "sha-2222222");
        assertThat(record(bad).rollbackTargetArn()).isEqualTo(stable);
        ecsEvent("c2", COMPLETED, bad);

        Outcome first = p.alarmEvent("a1", "api-5xx", Value.OK, Value.ALARM, p.clock.instant());
        Outcome duplicate = p.alarmEvent("a1", "api-5xx", Value.OK, Value.ALARM, p.clock.instant());
        Outcome another = p.alarmEvent("a2", "api-5xx", Value.INSUFFICIENT_DATA, Value.ALARM, p.clock.instant());

        assertThat(first.result()).isEqualTo(Outcome.Result.APPLIED);
        assertThat(duplicate.result()).isEqualTo(Outcome.Result.DUPLICATE);
        assertThat(another.result()).isEqualTo(Outcome.Result.IGNORED);
        assertThat(p.ecs.runningRevision(API)).isEqualTo(stable);
        assertThat(p.ecs.updates.stream().filter(stable::equals)).hasSize(2); // its own rollout + one rollback
        assertThat(record(bad).state()).isEqualTo(DeploymentState.ROLLING_BACK);

        // The rollback is a deployment of its own: a late COMPLETED of the target's original rollout is not it.
        Outcome stale = p.recordDeploymentEvent.handle(
                ecs("old", COMPLETED, FakeEcs.ecsDeploymentIdOf(stable), p.clock.instant()));
        assertThat(stale.result()).isEqualTo(Outcome.Result.IGNORED);
        assertThat(record(bad).state()).isEqualTo(DeploymentState.ROLLING_BACK);
        assertThat(record(bad).rollbackEcsDeploymentId())
                .isEqualTo(p.ecs.lastDeploymentIdOf(stable))
                .isNotEqualTo(FakeEcs.ecsDeploymentIdOf(stable));

        Outcome done = ecsEvent("rb", COMPLETED, stable);
        assertThat(done.result()).isEqualTo(Outcome.Result.APPLIED);
        assertThat(record(bad).state()).isEqualTo(DeploymentState.ROLLED_BACK);
        assertThat(record(stable).state()).isEqualTo(DeploymentState.STABLE);
        assertThat(p.publisher.types()).containsSubsequence("AlarmRaised", "RollbackStarted", "RollbackCompleted");

        Outcome recovered = p.alarmEvent("a3", "api-5xx", Value.ALARM, Value.OK, p.clock.instant());
        assertThat(recovered.result()).isEqualTo(Outcome.Result.APPLIED);
        assertThat(p.publisher.types()).endsWith("AlarmCleared");
    }

    @Test
    void aMisconfiguredServiceDoesNotBlindTheOthersToTheirAlarms() {
        deploy(1, "sha-1111111");
        var broken = new dev.antigravity.lambdas.domain.ManagedService(
                "antigravity/api",
                dev.antigravity.lambdas.domain.policy.TagPolicy.defaultPolicy(),
                new dev.antigravity.lambdas.domain.ServiceRef("prod", "gone"),
                "api",
                null,
                null);
        var events = new dev.antigravity.lambdas.domain.PlatformEvents("prod");
        HandleAlarm handleAlarm = new HandleAlarm(
                new dev.antigravity.lambdas.domain.ManagedServices(List.of(broken, p.service)),
                p.ecs,
                p.ledger,
                new RollBack(p.ecs, p.ledger, p.publisher, events, p.settings, p.lock, p.alarms, p.clock),
                p.publisher,
                events,
                p.clock,
                new AnnounceRecovery(p.ecs, p.alarms, p.publisher, events, p.clock));

        p.alarms.states.put("api-5xx", dev.antigravity.lambdas.domain.port.AlarmPort.AlarmStatus.ALARM);
        Outcome outcome = handleAlarm.handle(alarm("a1", "api-5xx", Value.OK, Value.ALARM, p.clock.instant()));

        assertThat(outcome.result()).isEqualTo(Outcome.Result.APPLIED);
        assertThat(outcome.reason()).contains("prod/gone: misconfiguration: ECS service prod/gone does not exist");
        assertThat(p.ecs.runningRevision(API)).isEqualTo(p.baseline);
    }

    @Test
    void alarmsThatGuardNothingOrDoNotFireChangeNothing() {
        deploy(1, "sha-1111111");
        assertThat(p.alarmEvent("a1", "someone-elses", Value.OK, Value.ALARM, at)
                        .result())
                .isEqualTo(Outcome.Result.IGNORED);
        assertThat(p.alarmEvent("a2", "api-5xx", Value.ALARM, Value.INSUFFICIENT_DATA, at)
                        .result())
                .isEqualTo(Outcome.Result.IGNORED);
        assertThat(record(revision).state()).isEqualTo(DeploymentState.PENDING);
    }

    @Test
    void alarmAfterStableOnlyAnnounces() {
        String stable = deploy(1, "sha-1111111");
        bakeToStable(stable);
        Outcome outcome = p.alarmEvent("a1", "api-5xx", Value.OK, Value.ALARM, p.clock.instant());
        assertThat(outcome.reason()).contains("no deployment in flight");
        assertThat(p.ecs.runningRevision(API)).isEqualTo(stable);
    }

    @Test
    void stabilizerWaitsForBakeUntilAndChecksTheAlarmsOneLastTime() {
        String first = deploy(1, "sha-1111111");
        ecsEvent("c1", COMPLETED, first);
        p.clock.advance(Duration.ofMinutes(14));
        p.stabilize.run("s1");
        assertThat(record(first).state()).isEqualTo(DeploymentState.BAKING);

        p.alarms.states.put("api-5xx", AlarmStatus.ALARM);
        p.clock.advance(Duration.ofMinutes(2));
        p.stabilize.run("s2");
        assertThat(record(first).state()).isEqualTo(DeploymentState.ROLLING_BACK);
        assertThat(p.ecs.runningRevision(API)).isEqualTo(p.baseline);
    }

    @Test
    void moreThanTheLimitOfRollbacksSuspendsAutomation() {
        String stable = deploy(1, "sha-1111111");
        bakeToStable(stable);
        for (int i = 2; i <= 5; i++) {
            deploy(i, "sha-" + i + "222222");
            p.alarmEvent("a" + i, "api-5xx", Value.OK, Value.ALARM, p.clock.instant());
            p.clock.advance(Duration.ofMinutes(5));
            p.alarmEvent("o" + i, "api-5xx", Value.ALARM, Value.OK, p.clock.instant()); // the rollback healed it
        }
        assertThat(p.ledger.suspension(API)).isPresent();
        assertThat(p.publisher.types().stream().filter("RollbackStarted"::equals))
                .hasSize(3);
        assertThat(p.publisher.types()).contains("AutomationSuspended");

        Outcome next = p.acceptImage.handle(push("push-9", digest(9), "sha-9999999", p.clock.instant()));
        assertThat(next.result()).isEqualTo(Outcome.Result.SKIPPED);
    }

    @Test
    void aRollbackWhoseUpdateServiceWasLostIsReissuedByTheStabilizer() {
        deploy(1, "sha-1111111");
        Deployment current = record(revision);
        Deployment stuck = current.on(dev.antigravity.lambdas.domain.DeploymentEvent.GUARD_ALARM, at, "alarm")
                .orElseThrow()
                .withRollbackCause("a1");
        p.ledger.put(stuck);

        p.stabilize.run("s1");
        assertThat(p.ecs.runningRevision(API)).isEqualTo(p.baseline);
        assertThat(record(revision).rollbackIssued()).isTrue();
    }

    @Test
    void stabilizerDeploysAnImageWhosePushEventWasLost() {
        String stable = deploy(1, "sha-1111111");
        bakeToStable(stable);
        p.registry.images.add(new PushedImage(
                digest(7), List.of("sha-7777777"), p.clock.instant().minusSeconds(600)));
        p.registry.images.add(
                new PushedImage(digest(8), List.of("latest"), p.clock.instant().minusSeconds(300)));
        p.registry.images.add(new PushedImage(
                digest(9), List.of("sha-9999999"), p.clock.instant().minusSeconds(30)));

        Outcome sweep = p.stabilize.run("s1");
        assertThat(sweep.actions()).anyMatch(a -> a.startsWith("deployed late"));
        assertThat(p.ecs.revisions.get(p.ecs.runningRevision(API)).image()).endsWith(digest(7));

        p.clock.advance(Duration.ofMinutes(5));
        p.stabilize.run("s2");
        assertThat(p.ecs.revisions.get(p.ecs.runningRevision(API)).image())
                .as("newer image once its grace passed")
                .endsWith(digest(9));
    }

    @Test
    void eventsForUnknownDeploymentsAndServicesAreIgnored() {
        deploy(1, "sha-1111111");
        assertThat(p.recordDeploymentEvent
                        .handle(ecs("x", COMPLETED, "ecs-svc/unknown", at))
                        .reason())
                .contains("unknown");
        var other = new dev.antigravity.events.aws.EcsDeploymentStateChange(
                ecs("y", COMPLETED, "d", at).envelope(),
                "INFO",
                COMPLETED,
                "d",
                at,
                "r",
                "arn:aws:ecs:us-east-1:123456789012:service/other/svc");
        assertThat(p.recordDeploymentEvent.handle(other).reason()).contains("not a managed service");
        assertThat(record(revision).state()).isEqualTo(DeploymentState.PENDING);
    }
}
