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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.antigravity.events.aws.CloudWatchAlarmStateChange.Value;
import dev.antigravity.events.aws.EcsDeploymentStateChange.Phase;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.ManagedService;
import dev.antigravity.lambdas.domain.port.AlarmPort.AlarmStatus;
import dev.antigravity.lambdas.domain.port.RegistryPort.PushedImage;
import dev.antigravity.lambdas.domain.port.TargetHealthPort.TargetHealth;
import dev.antigravity.lambdas.fakes.TestPlatform;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The defects of issue 9, one scenario each, against the in-memory ports: ECS is the source of truth, pushes are
 * ordered by ECR's push time, every UpdateService is one decision under the service's lock, and nothing a failure
 * interrupted is lost. The concurrent ones interleave a second handler inside the first one's DescribeServices.
 */
class EcsSourceOfTruthTest {
    private final TestPlatform p = new TestPlatform();
    private final Instant t0 = TestPlatform.START;

    private String pushed(int n, String tag, Instant pushedAt) {
        p.registry.images.add(new PushedImage(digest(n), List.of(tag), pushedAt));
        return tag;
    }

    private Outcome deliverPush(String eventId, int n, String tag) {
        return p.acceptImage.handle(push(eventId, digest(n), tag, p.clock.instant()));
    }

    private Outcome ecsEvent(String id, Phase phase, String rev) {
        return p.recordDeploymentEvent.handle(ecs(id, phase, p.ecs.lastDeploymentIdOf(rev), p.clock.instant()));
    }

    private Deployment record(String rev) {
        return p.ledger.find(API, Deployment.idOf(rev)).orElseThrow();
    }

    private String runningImageDigest() {
        String image = p.ecs.revisions.get(p.ecs.runningRevision(API)).image();
        return image.substring(image.indexOf('@') + 1);
    }

    /** Deploys image n and bakes it to STABLE; returns its revision. */
    private String stable(int n, String tag) {
        pushed(n, tag, p.clock.instant());
        deliverPush("push-" + n, n, tag);
        String rev = p.ecs.runningRevision(API);
        ecsEvent("c-" + n, COMPLETED, rev);
        p.clock.advance(Duration.ofMinutes(16));
        p.stabilize.run("sweep-" + n);
        assertThat(record(rev).state()).isEqualTo(DeploymentState.STABLE);
        return rev;
    }

    /** Image 2 pushed now and rolled out (PENDING, issued); returns its revision. */
    private String secondImageInFlight() {
        pushed(2, "sha-2222222", p.clock.instant());
        deliverPush("push-2", 2, "sha-2222222");
        return p.ecs.runningRevision(API);
    }

    // Defect 1: an older image never replaces a newer one.

    @Test
    void aLatePushOfAnOlderImageIsSkippedAndTheNewerOneKeepsRunning() {
        pushed(1, "sha-1111111", t0);
        pushed(2, "sha-2222222", t0.plusSeconds(5));
        p.clock.advance(Duration.ofSeconds(10));

        deliverPush("w", 2, "sha-2222222");
        Outcome late = deliverPush("v", 1, "sha-1111111");

        assertThat(late.result()).isEqualTo(Outcome.Result.SKIPPED);
        assertThat(late.reason()).contains("older than");
        assertThat(runningImageDigest()).isEqualTo(digest(2));
        assertThat(p.ecs.updates).hasSize(1);
    }

    @Test
    void twoConcurrentPushesEndOnTheNewerWhicheverLandsLast() {
        pushed(1, "sha-1111111", t0);
        pushed(2, "sha-2222222", t0.plusSeconds(5));
        List<Throwable> busy = new ArrayList<>();
        // The newer push's handler runs while the older one's is deciding (inside its DescribeServices).
        p.ecs.duringNextDescribe = () -> {
            try {
                deliverPush("w", 2, "sha-2222222");
            } catch (ServiceLock.ServiceBusy e) {
                busy.add(e);
            }
        };
        deliverPush("v", 1, "sha-1111111");
        assertThat(busy).hasSize(1); // one decision at a time: the newer one waits, then Lambda retries it
        deliverPush("w", 2, "sha-2222222");

        assertThat(runningImageDigest()).isEqualTo(digest(2));
        assertThat(record(p.ecs.runningRevision(API)).state()).isEqualTo(DeploymentState.PENDING);
        assertThat(p.ledger.locked(API)).isFalse();
    }

    // Defect 2: concurrent copies of one ECR event deploy once; a stale record never drives a rollback.

    @Test
    void concurrentCopiesOfOnePushRegisterAndUpdateOnce() {
        pushed(1, "sha-1111111", t0);
        List<Outcome> copies = new ArrayList<>();
        p.ecs.duringNextDescribe = () -> {
            try {
                copies.add(deliverPush("e1", 1, "sha-1111111"));
            } catch (ServiceLock.ServiceBusy e) {
                copies.add(Outcome.of("copy", "e1", Outcome.Result.REJECTED, e.getMessage()));
            }
        };
        deliverPush("e1", 1, "sha-1111111");
        copies.add(deliverPush("e1", 1, "sha-1111111")); // Lambda's retry of the copy that had to wait

        assertThat(p.ecs.updates).hasSize(1);
        assertThat(p.ecs.revisions).hasSize(2); // the baseline + one registered revision
        assertThat(p.ledger.history(API, 10)).hasSize(1);
    }

    @Test
    void anAlarmDaysLaterDoesNotRollAStableServiceBackBecauseOfAStaleRecord() {
        String a = stable(1, "sha-1111111");
        String b = stable(2, "sha-2222222");
        // A stale in-flight record of the old revision, as two racing copies used to leave behind.
        Deployment old = record(a);
        p.ledger.put(new Deployment(
                old.service(),
                old.deploymentId(),
                old.taskDefinitionArn(),
                null,
                p.baseline,
                old.image(),
                DeploymentState.PENDING,
                null,
                true,
                old.timeline(),
                "stale",
                null,
                false,
                null,
                99));
        p.clock.advance(Duration.ofDays(3));

        p.alarmEvent("a", "api-5xx", Value.OK, Value.ALARM, p.clock.instant());

        assertThat(p.ecs.runningRevision(API)).isEqualTo(b);
        assertThat(p.publisher.types()).doesNotContain("RollbackStarted");
    }

    // Defect 3: a failed UpdateService never loses the deployment.

    @Test
    void aThrottledUpdateServiceIsReissuedByTheRetry() {
        pushed(1, "sha-1111111", t0);
        p.ecs.failNextUpdate = new RuntimeException("ThrottlingException: Rate exceeded");

        assertThatThrownBy(() -> deliverPush("e1", 1, "sha-1111111")).hasMessageContaining("Throttling");
        Outcome retry = deliverPush("e1", 1, "sha-1111111");

        assertThat(retry.result()).isEqualTo(Outcome.Result.APPLIED);
        assertThat(runningImageDigest()).isEqualTo(digest(1));
        assertThat(record(p.ecs.runningRevision(API)).rolloutIssued()).isTrue();
        assertThat(p.ecs.updates).hasSize(1);
    }

    @Test
    void aThrottledUpdateServiceWhoseEventIsLostIsFinishedByTheStabilizer() {
        pushed(1, "sha-1111111", t0);
        p.ecs.failNextUpdate = new RuntimeException("ThrottlingException: Rate exceeded");
        assertThatThrownBy(() -> deliverPush("e1", 1, "sha-1111111")).isInstanceOf(RuntimeException.class);

        p.clock.advance(Duration.ofMinutes(1));
        p.stabilize.run("tick");

        assertThat(runningImageDigest()).isEqualTo(digest(1));
        p.alarmEvent("a", "api-5xx", Value.OK, Value.ALARM, p.clock.instant());
        assertThat(p.publisher.types()).contains("DeploymentAccepted");
    }

    // Defect 4: a rollback target ECS can no longer run.

    @Test
    void aDeregisteredTargetIsSkippedForAnOlderStableOne() {
        String a = stable(1, "sha-1111111");
        String b = stable(2, "sha-2222222");
        pushed(3, "sha-3333333", p.clock.instant());
        deliverPush("push-3", 3, "sha-3333333");
        String c = p.ecs.runningRevision(API);
        p.ecs.inactive.add(b);

        p.alarmEvent("a", "api-5xx", Value.OK, Value.ALARM, p.clock.instant());

        assertThat(p.ecs.runningRevision(API)).isEqualTo(a);
        assertThat(record(c).rollbackTargetArn()).isEqualTo(a);
        assertThat(record(c).state()).isEqualTo(DeploymentState.ROLLING_BACK);
    }

    @Test
    void noActiveTargetEndsRollbackFailedAndPagesOnce() {
        String a = stable(1, "sha-1111111");
        String b = secondImageInFlight();
        p.ecs.inactive.add(a);
        p.ecs.inactive.add(p.baseline);

        p.alarmEvent("a1", "api-5xx", Value.OK, Value.ALARM, p.clock.instant());
        p.alarmEvent("a2", "api-5xx", Value.INSUFFICIENT_DATA, Value.ALARM, p.clock.instant());
        p.clock.advance(Duration.ofMinutes(30));
        p.stabilize.run("tick");

        assertThat(record(b).state()).isEqualTo(DeploymentState.ROLLBACK_FAILED);
        // Published again by the second alarm (its page may have been lost), under the same event id: one page.
        assertThat(p.publisher.published.stream()
                        .filter(e -> e.type().name().equals("RollbackFailed"))
                        .map(e -> e.eventId())
                        .distinct())
                .hasSize(1);
        assertThat(p.ecs.runningRevision(API)).isEqualTo(b);
    }

    @Test
    void ecsRefusingTheRollbackEndsRollbackFailedInsteadOfRetryingForever() {
        stable(1, "sha-1111111");
        String b = secondImageInFlight();
        p.ecs.failNextUpdate = new dev.antigravity.lambdas.domain.EcsRejectedException("TaskDefinition is inactive");

        p.alarmEvent("a1", "api-5xx", Value.OK, Value.ALARM, p.clock.instant());

        assertThat(record(b).state()).isEqualTo(DeploymentState.ROLLBACK_FAILED);
        assertThat(p.publisher.types()).contains("RollbackFailed");
    }

    // Defect 5: deployments made by hand or by Terraform are never overridden.

    @Test
    void aHotfixDeployedByHandDuringTheBakeIsNotRolledBackByTheNextAlarm() {
        String a = stable(1, "sha-1111111");
        String b = secondImageInFlight();
        ecsEvent("c2", COMPLETED, b);
        String hotfix = p.ecs.registerRevision(b, "api", "repo@sha256:" + "f".repeat(64), java.util.Map.of());
        p.ecs.updateService(API, hotfix); // by hand

        p.alarmEvent("a", "api-5xx", Value.OK, Value.ALARM, p.clock.instant());

        assertThat(p.ecs.runningRevision(API)).isEqualTo(hotfix);
        assertThat(record(b).state()).isEqualTo(DeploymentState.SUPERSEDED);
        assertThat(p.ecs.updates.stream().filter(a::equals)).hasSize(1); // its own rollout only
    }

    @Test
    void aHumanRevertIsNeverPromotedToStable() {
        String a = stable(1, "sha-1111111");
        String b = secondImageInFlight();
        ecsEvent("c2", COMPLETED, b);
        p.ecs.updateService(API, a); // a human reverts

        p.clock.advance(Duration.ofMinutes(16));
        p.stabilize.run("tick");

        assertThat(record(b).state()).isEqualTo(DeploymentState.SUPERSEDED);
        assertThat(p.publisher.types().stream().filter("DeploymentStable"::equals))
                .hasSize(1); // a's, not b's
    }

    // Defect 6: blue/green puts the tasks in the alternate target group.

    @Test
    void blueGreenVerifiesTheTargetGroupTheTasksAreIn() {
        String blue = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api-blue/1";
        String green = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api-green/2";
        ManagedService blueGreen = new ManagedService(
                TestPlatform.REPOSITORY, p.service.tagPolicy(), API, "api", blue, green, p.service.healthUrl());
        p.targets.byGroup.put(blue, new TargetHealth(0, 0, List.of()));
        p.targets.byGroup.put(green, new TargetHealth(2, 2, List.of()));
        Deployment deployment = record(stableRevisionAfterPush());

        assertThat(new VerifyDeployment(p.ecs, p.targets, p.probe, p.alarms)
                        .verify(blueGreen, deployment)
                        .passed())
                .isTrue();
    }

    private String stableRevisionAfterPush() {
        pushed(1, "sha-1111111", p.clock.instant());
        deliverPush("push-1", 1, "sha-1111111");
        return p.ecs.runningRevision(API);
    }

    // Defect 8: a hotfix during an incident is not reverted by the incident's own alarm.

    @Test
    void anAlarmThatWasFiringBeforeTheHotfixNeitherFailsItsVerificationNorItsBake() {
        stable(1, "sha-1111111");
        p.alarms.states.put("api-5xx", AlarmStatus.ALARM);
        p.alarms.since.put("api-5xx", p.clock.instant().minusSeconds(120));
        secondImageInFlight();
        String hotfix = p.ecs.runningRevision(API);

        ecsEvent("c2", COMPLETED, hotfix);
        assertThat(record(hotfix).state()).isEqualTo(DeploymentState.BAKING);
        p.clock.advance(Duration.ofMinutes(16));
        p.stabilize.run("tick");

        assertThat(record(hotfix).state()).isEqualTo(DeploymentState.STABLE);
        assertThat(p.ecs.runningRevision(API)).isEqualTo(hotfix);
    }

    // Defect 9: ECS owns the rollout, Antigravity the bake.

    @Test
    void anAlarmDuringEcsRolloutWithAlarmRollbackIsLeftToEcs() {
        stable(1, "sha-1111111");
        String b = secondImageInFlight();
        p.ecs.rollsBackOnAlarm = true;
        p.ecs.rolloutState = "IN_PROGRESS";
        ecsEvent("i2", IN_PROGRESS, b);
        int updates = p.ecs.updates.size();

        Outcome alarmed = p.alarmEvent("a", "api-5xx", Value.OK, Value.ALARM, p.clock.instant());

        assertThat(p.ecs.updates).hasSize(updates);
        assertThat(alarmed.reason()).contains("ECS rolls back by itself");
        ecsEvent("f2", FAILED, b);
        assertThat(record(b).state()).isEqualTo(DeploymentState.FAILED);
        assertThat(p.publisher.types()).doesNotContain("RollbackFailed", "RollbackStarted");
    }

    @Test
    void onceEcsCompletedTheRolloutAntigravityRollsBack() {
        String a = stable(1, "sha-1111111");
        secondImageInFlight();
        p.ecs.rollsBackOnAlarm = true;
        p.ecs.rolloutState = "COMPLETED"; // ECS is done; its COMPLETED event is still on its way

        p.alarmEvent("a", "api-5xx", Value.OK, Value.ALARM, p.clock.instant());

        assertThat(p.ecs.runningRevision(API)).isEqualTo(a);
    }

    // Also: concurrent duplicate alarms, and a ROLLING_BACK record whose rollback COMPLETED was lost.

    @Test
    void concurrentCopiesOfAnAlarmIssueOneRollback() {
        String a = stable(1, "sha-1111111");
        secondImageInFlight();
        p.ecs.duringNextDescribe = () -> {
            try {
                p.alarmEvent("a1", "api-5xx", Value.OK, Value.ALARM, p.clock.instant());
            } catch (ServiceLock.ServiceBusy retriedLater) {
                // Lambda retries it; the retry finds the rollback done.
            }
        };
        p.alarmEvent("a1", "api-5xx", Value.OK, Value.ALARM, p.clock.instant());
        p.alarmEvent("a1", "api-5xx", Value.OK, Value.ALARM, p.clock.instant());

        assertThat(p.ecs.updates.stream().filter(a::equals)).hasSize(2); // its rollout + one rollback
    }

    @Test
    void anAlarmWhileANewerPushIsNotYetRegisteredRollsBackWhatEcsRuns() {
        String a = stable(1, "sha-1111111");
        String b = secondImageInFlight();
        // Image 3's push becomes the head, then its RegisterTaskDefinition is throttled: the head has no revision.
        p.ecs.failNextRegister = new IllegalStateException("ThrottlingException: Rate exceeded");
        p.clock.advance(Duration.ofSeconds(30));
        pushed(3, "sha-3333333", p.clock.instant());
        assertThatThrownBy(() -> deliverPush("push-3", 3, "sha-3333333")).hasMessageContaining("Rate exceeded");
        assertThat(p.ledger.head(API).orElseThrow().revision()).isEmpty();

        Outcome alarm = p.alarmEvent("a", "api-5xx", Value.OK, Value.ALARM, p.clock.instant());

        assertThat(alarm.reason()).doesNotContain("no deployment in flight");
        assertThat(record(b).state()).isEqualTo(DeploymentState.ROLLING_BACK);
        assertThat(p.ecs.updates.getLast()).isEqualTo(a);
    }

    @Test
    void aRollingBackRecordWhoseCompletionWasLostIsReconciledFromEcs() {
        stable(1, "sha-1111111");
        String b = secondImageInFlight();
        p.alarmEvent("a", "api-5xx", Value.OK, Value.ALARM, p.clock.instant());
        assertThat(record(b).state()).isEqualTo(DeploymentState.ROLLING_BACK);

        p.clock.advance(p.settings.strandedAfter().plusMinutes(1));
        p.stabilize.run("tick");

        assertThat(record(b).state()).isEqualTo(DeploymentState.ROLLED_BACK);
        assertThat(p.publisher.types()).contains("RollbackCompleted");
    }

    // Found by the deterministic simulation on the first version of this design.

    @Test
    void anAlarmEventCloudWatchNoLongerConfirmsRollsNothingBack() {
        stable(1, "sha-1111111");
        String b = secondImageInFlight();
        p.alarms.states.put("api-5xx", AlarmStatus.OK); // back to OK before the late ALARM event arrived

        Outcome late = p.handleAlarm.handle(alarm("a", "api-5xx", Value.OK, Value.ALARM, p.clock.instant()));

        assertThat(late.reason()).contains("stale");
        assertThat(p.ecs.runningRevision(API)).isEqualTo(b);
    }

    @Test
    void aPushOlderThanTheHotfixAPersonDeployedIsSkipped() {
        String a = stable(1, "sha-1111111");
        pushed(2, "sha-2222222", p.clock.instant());
        pushed(3, "sha-3333333", p.clock.instant().plusSeconds(10));
        String hotfix = p.ecs.registerRevision(
                a,
                "api",
                p.registry.repositoryUri(TestPlatform.REPOSITORY) + "@" + digest(3),
                java.util.Map.of("APP_VERSION", "sha-3333333"));
        p.ecs.updateService(API, hotfix); // a person deploys image 3 by hand

        Outcome older = deliverPush("push-2", 2, "sha-2222222");

        assertThat(older.reason()).contains("older than the image ECS runs");
        assertThat(p.ecs.runningRevision(API)).isEqualTo(hotfix);
    }

    @Test
    void aRolloutWhoseResponseWasLostIsNotIssuedAgainOnceEcsMovedOn() {
        String a = stable(1, "sha-1111111");
        pushed(2, "sha-2222222", p.clock.instant());
        p.ecs.loseNextUpdateResponse = new RuntimeException("connection reset after UpdateService");
        assertThatThrownBy(() -> deliverPush("push-2", 2, "sha-2222222")).hasMessageContaining("reset");
        String b = p.ecs.runningRevision(API);
        p.clock.advance(Duration.ofMinutes(3));
        p.ecs.updateService(API, a); // ECS's circuit breaker rolled b back; b's deployment is no longer listed

        deliverPush("push-2", 2, "sha-2222222"); // Lambda's retry

        assertThat(p.ecs.updates.stream().filter(b::equals)).hasSize(1);
        assertThat(p.ecs.runningRevision(API)).isEqualTo(a);
        assertThat(record(b).state()).isEqualTo(DeploymentState.SUPERSEDED);
    }

    @Test
    void anAlarmForAnIntentNotYetRolledOutLeavesItToBeFinished() {
        stable(1, "sha-1111111");
        pushed(2, "sha-2222222", p.clock.instant());
        p.ecs.failNextUpdate = new RuntimeException("ThrottlingException");
        assertThatThrownBy(() -> deliverPush("push-2", 2, "sha-2222222")).isInstanceOf(RuntimeException.class);

        Outcome alarmed = p.alarmEvent("a", "api-5xx", Value.OK, Value.ALARM, p.clock.instant());

        assertThat(alarmed.reason()).contains("not rolled out yet");
        p.stabilize.run("tick"); // the intent is finished
        assertThat(runningImageDigest()).isEqualTo(digest(2));
    }

    // Liveness (seed 467527 of the simulation): a handler killed while it holds the service's lock.

    /** Lambda killed the invocation (its timeout, a crash): nothing after the throw point runs in it. */
    private static final class KilledInvocation extends RuntimeException {
        KilledInvocation() {
            super("killed by Lambda", null, false, false);
        }
    }

    @Test
    void aLockLeftByAKilledHandlerDoesNotOutlastTheAlarmsFirstRetry() {
        String a = stable(1, "sha-1111111");
        String b = secondImageInFlight(); // ECS has finished rolling it out
        List<Outcome> retry = new ArrayList<>();
        // The alarm's handler is killed in its decision (its second DescribeServices, under the lock): it never
        // releases the lock and nothing renews it. Lambda retries the event a minute later.
        p.ecs.duringNextDescribe = () -> p.ecs.duringNextDescribe = () -> {
            p.clock.advance(Duration.ofMinutes(1));
            try {
                retry.add(p.alarmEvent("a", "api-5xx", Value.OK, Value.ALARM, p.clock.instant()));
            } catch (ServiceLock.ServiceBusy busy) {
                retry.add(Outcome.of("retry", "a", Outcome.Result.REJECTED, busy.getMessage()));
            }
            throw new KilledInvocation();
        };

        assertThatThrownBy(() -> p.alarmEvent("a", "api-5xx", Value.OK, Value.ALARM, p.clock.instant()))
                .isInstanceOf(KilledInvocation.class);

        assertThat(retry)
                .singleElement()
                .satisfies(o -> assertThat(o.result()).as(o.reason()).isEqualTo(Outcome.Result.APPLIED));
        assertThat(record(b).state()).isEqualTo(DeploymentState.ROLLING_BACK);
        assertThat(p.ecs.updates.getLast()).isEqualTo(a);
        assertThat(p.ledger.locked(API)).isFalse();
    }
}
