package dev.antigravity.lambdas.app;

import static dev.antigravity.events.aws.EcsDeploymentStateChange.Phase.COMPLETED;
import static dev.antigravity.events.aws.EcsDeploymentStateChange.Phase.IN_PROGRESS;
import static dev.antigravity.lambdas.fakes.TestEvents.digest;
import static dev.antigravity.lambdas.fakes.TestEvents.ecs;
import static dev.antigravity.lambdas.fakes.TestEvents.push;
import static dev.antigravity.lambdas.fakes.TestPlatform.API;
import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.events.aws.EcsDeploymentStateChange.Phase;
import dev.antigravity.events.platform.TimelineKey;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentEvent;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.port.TargetHealthPort.TargetHealth;
import dev.antigravity.lambdas.fakes.TestPlatform;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Records left in flight (the ECS event went to the DLQ, a handler died between steps) are driven by the stabilizer
 * from what ECS reports once they are older than STRANDED_AFTER_MINUTES (10 by default), and a real event racing
 * the sweep finds nothing left to do.
 */
class StrandedRecordsTest {
    private static final Duration PAST_THE_BOUND = Duration.ofMinutes(11);

    private final TestPlatform p = new TestPlatform();
    private final String revision = deploy();

    private String deploy() {
        p.acceptImage.handle(push("push-1", digest(1), "sha-1111111", p.clock.instant()));
        return p.ecs.runningRevision(API);
    }

    private Deployment record() {
        return p.ledger.find(API, Deployment.idOf(revision)).orElseThrow();
    }

    private Outcome ecsEvent(String id, Phase phase) {
        return p.recordDeploymentEvent.handle(ecs(id, phase, p.ecs.lastDeploymentIdOf(revision), p.clock.instant()));
    }

    /** The handler moved the record to VERIFYING, then died before verifying it. */
    private void crashAfterClaimingVerification() {
        p.ledger.put(record().on(DeploymentEvent.ECS_COMPLETED, p.clock.instant(), "ECS COMPLETED")
                .orElseThrow());
    }

    private long published(String type) {
        return p.publisher.types().stream().filter(type::equals).count();
    }

    private long writesIn(DeploymentState state) {
        return p.ledger.writes.stream()
                .filter(w -> w.deploymentId().equals(record().deploymentId()))
                .filter(w -> w.state() == state)
                .count();
    }

    @Test
    void aStrandedVerificationWhoseDeploymentCompletedIsVerifiedIntoBaking() {
        crashAfterClaimingVerification();
        p.clock.advance(PAST_THE_BOUND);

        Outcome sweep = p.stabilize.run("s1");

        assertThat(sweep.result()).isEqualTo(Outcome.Result.APPLIED);
        assertThat(sweep.actions()).contains("ledger BAKING", "publish DeploymentVerified");
        assertThat(record().state()).isEqualTo(DeploymentState.BAKING);
        assertThat(record().at(TimelineKey.bakeUntil))
                .contains(p.clock.instant().plus(p.settings.bake()));
        assertThat(p.ledger.writes).anyMatch(w -> w.reason().startsWith("stranded VERIFYING since "));
        assertThat(published("DeploymentVerified")).isEqualTo(1);
    }

    @Test
    void aStrandedVerificationOfAnUnhealthyDeploymentRollsBack() {
        crashAfterClaimingVerification();
        p.targets.answer = new TargetHealth(2, 1, List.of("10.0.1.7:8080=unhealthy (Target.Timeout)"));
        p.clock.advance(PAST_THE_BOUND);

        p.stabilize.run("s1");

        assertThat(record().state()).isEqualTo(DeploymentState.ROLLING_BACK);
        assertThat(record().rollbackIssued()).isTrue();
        assertThat(p.ecs.runningRevision(API)).isEqualTo(p.baseline);
        assertThat(p.publisher.types()).containsSubsequence("VerificationFailed", "RollbackStarted");
    }

    @ParameterizedTest
    @EnumSource(
            value = DeploymentState.class,
            names = {"PENDING", "IN_PROGRESS"})
    void aStrandedRolloutThatEcsFailedIsRecordedFailed(DeploymentState stranded) {
        if (stranded == DeploymentState.IN_PROGRESS) {
            ecsEvent("i1", IN_PROGRESS);
        }
        p.ecs.rolloutState = "FAILED";
        p.clock.advance(PAST_THE_BOUND);

        Outcome sweep = p.stabilize.run("s1");

        assertThat(sweep.actions()).containsExactly("ledger FAILED", "publish DeploymentFailed");
        assertThat(record().state()).isEqualTo(DeploymentState.FAILED);
        assertThat(p.publisher.types()).endsWith("DeploymentFailed");
        assertThat(p.ecs.updates)
                .as("ECS rolls a failed deployment back by itself")
                .hasSize(1);
    }

    @Test
    void aStrandedPendingStillRollingOutIsRecordedInProgressAndThenLeftToEcs() {
        p.ecs.rolloutState = "IN_PROGRESS";
        p.clock.advance(PAST_THE_BOUND);
        assertThat(p.stabilize.run("s1").actions()).containsExactly("ledger IN_PROGRESS", "publish DeploymentStarted");

        p.clock.advance(PAST_THE_BOUND);
        assertThat(p.stabilize.run("s2").result()).isEqualTo(Outcome.Result.IGNORED);
        assertThat(record().state()).isEqualTo(DeploymentState.IN_PROGRESS);
    }

    @Test
    void recordsYoungerThanTheBoundAreLeftAlone() {
        p.clock.advance(Duration.ofMinutes(9));
        assertThat(p.stabilize.run("s1").result()).isEqualTo(Outcome.Result.IGNORED);
        assertThat(record().state()).isEqualTo(DeploymentState.PENDING);

        crashAfterClaimingVerification();
        p.clock.advance(Duration.ofMinutes(9));
        assertThat(p.stabilize.run("s2").result()).isEqualTo(Outcome.Result.IGNORED);
        assertThat(record().state()).isEqualTo(DeploymentState.VERIFYING);

        p.clock.advance(Duration.ofMinutes(1));
        p.stabilize.run("s3");
        assertThat(record().state()).isEqualTo(DeploymentState.BAKING);
    }

    @Test
    void aRetriedCompletedDoesNotResumeAVerificationYoungerThanTheBoundButTheSweepDoes() {
        crashAfterClaimingVerification();
        p.clock.advance(Duration.ofMinutes(2));

        Outcome retried = ecsEvent("c1", COMPLETED);

        assertThat(retried.result()).isEqualTo(Outcome.Result.IGNORED);
        assertThat(record().state()).isEqualTo(DeploymentState.VERIFYING);
        p.clock.advance(Duration.ofMinutes(9));
        p.stabilize.run("s1");
        assertThat(record().state()).isEqualTo(DeploymentState.BAKING);
    }

    @Test
    void aRealCompletedArrivingWhileTheSweepVerifiesIsANoOp() {
        p.clock.advance(PAST_THE_BOUND);
        AtomicReference<Outcome> real = new AtomicReference<>();
        p.probe.duringNextProbe = () -> real.set(ecsEvent("c1", COMPLETED));

        p.stabilize.run("s1");

        assertThat(real.get().result()).isEqualTo(Outcome.Result.IGNORED);
        assertThat(real.get().reason()).contains("is VERIFYING");
        assertActedOnce();
    }

    @Test
    void aSweepWhileTheRealEventVerifiesLeavesTheRecordAlone() {
        p.clock.advance(PAST_THE_BOUND);
        AtomicReference<Outcome> sweep = new AtomicReference<>();
        p.probe.duringNextProbe = () -> sweep.set(p.stabilize.run("s1"));

        ecsEvent("c1", COMPLETED);

        assertThat(sweep.get().result()).isEqualTo(Outcome.Result.IGNORED);
        assertActedOnce();
    }

    @Test
    void aSweepThatLosesTheConditionalWriteToTheRealEventFindsNothingLeftToDo() {
        p.clock.advance(PAST_THE_BOUND);
        // The sweep has read the stale PENDING record; the real event moves it before the sweep writes.
        p.ecs.duringNextDescribe = () -> ecsEvent("c1", COMPLETED);

        Outcome sweep = p.stabilize.run("s1");

        assertThat(sweep.result()).isEqualTo(Outcome.Result.IGNORED);
        assertActedOnce();
    }

    private void assertActedOnce() {
        assertThat(record().state()).isEqualTo(DeploymentState.BAKING);
        assertThat(writesIn(DeploymentState.VERIFYING))
                .as("one verification claimed")
                .isEqualTo(1);
        assertThat(writesIn(DeploymentState.BAKING)).isEqualTo(1);
        assertThat(published("DeploymentVerified")).isEqualTo(1);
        assertThat(p.ecs.updates).hasSize(1);
    }
}
