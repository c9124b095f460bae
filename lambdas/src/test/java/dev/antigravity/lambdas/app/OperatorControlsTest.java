package dev.antigravity.lambdas.app;

import static dev.antigravity.events.aws.EcsDeploymentStateChange.Phase.COMPLETED;
import static dev.antigravity.lambdas.fakes.TestEvents.digest;
import static dev.antigravity.lambdas.fakes.TestEvents.ecs;
import static dev.antigravity.lambdas.fakes.TestEvents.push;
import static dev.antigravity.lambdas.fakes.TestPlatform.API;
import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.events.platform.TimelineKey;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.control.ControlAction;
import dev.antigravity.lambdas.domain.control.ControlRequest;
import dev.antigravity.lambdas.domain.control.Operator;
import dev.antigravity.lambdas.domain.port.RegistryPort.PushedImage;
import dev.antigravity.lambdas.fakes.TestPlatform;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The on-call person's controls go through the automation's own use cases, over the in-memory ports. */
class OperatorControlsTest {
    private static final Operator ALICE = new Operator("slack", "U0ALICE", "alice");
    private final TestPlatform p = new TestPlatform();

    /** Image n deployed and verified: BAKING; returns its revision. */
    private String baking(int n) {
        p.registry.images.add(new PushedImage(digest(n), List.of("sha-" + n + "000000"), p.clock.instant()));
        p.acceptImage.handle(push("push-" + n, digest(n), "sha-" + n + "000000", p.clock.instant()));
        String rev = p.ecs.runningRevision(API);
        p.recordDeploymentEvent.handle(ecs("c-" + n, COMPLETED, p.ecs.lastDeploymentIdOf(rev), p.clock.instant()));
        assertThat(record(rev).state()).isEqualTo(DeploymentState.BAKING);
        return rev;
    }

    private String stable(int n) {
        String rev = baking(n);
        p.clock.advance(Duration.ofMinutes(16));
        p.stabilize.run("sweep-" + n);
        assertThat(record(rev).state()).isEqualTo(DeploymentState.STABLE);
        return rev;
    }

    private Deployment record(String rev) {
        return p.ledger.find(API, Deployment.idOf(rev)).orElseThrow();
    }

    private Outcome ask(ControlAction action, String deploymentId, String requestId) {
        return p.controls.act(new ControlRequest(action, API, deploymentId, ALICE, requestId, null));
    }

    @Test
    void aManualRollbackIsARollbackWithAHumanCauseRecordedInTheLedger() {
        String good = stable(1);
        String bad = baking(2);

        Outcome outcome = ask(ControlAction.ROLLBACK, Deployment.idOf(bad), "1700000000.1");

        assertThat(outcome.result()).isEqualTo(Outcome.Result.APPLIED);
        Deployment rolling = record(bad);
        assertThat(rolling.state()).isEqualTo(DeploymentState.ROLLING_BACK);
        assertThat(rolling.rollbackTargetArn()).isEqualTo(good);
        assertThat(rolling.reason()).contains("roll back now asked by alice (slack U0ALICE)");
        assertThat(rolling.rollbackCause()).isEqualTo("manual/slack/U0ALICE/1700000000.1");
        assertThat(p.ecs.runningRevision(API)).isEqualTo(good);
        assertThat(p.publisher.types()).contains("RollbackStarted");
    }

    @Test
    void rollBackClickedTwiceRollsBackOnce() {
        stable(1);
        String bad = baking(2);
        int updatesBefore = p.ecs.updates.size();

        Outcome first = ask(ControlAction.ROLLBACK, Deployment.idOf(bad), "1700000000.1");
        Outcome second = ask(ControlAction.ROLLBACK, Deployment.idOf(bad), "1700000003.2");

        assertThat(first.result()).isEqualTo(Outcome.Result.APPLIED);
        assertThat(second.result()).isEqualTo(Outcome.Result.IGNORED);
        assertThat(second.reason()).contains("already rolling back");
        assertThat(p.ecs.updates).hasSize(updatesBefore + 1);
        assertThat(p.publisher.types().stream().filter("RollbackStarted"::equals))
                .hasSize(1);
    }

    @Test
    void aManualRollbackIsNotHeldBackByASuspensionNorTurnedIntoOne() {
        stable(1);
        String bad = baking(2);
        p.ledger.suspend(API, "three rollbacks in an hour", p.clock.instant());

        assertThat(ask(ControlAction.ROLLBACK, null, "r1").result()).isEqualTo(Outcome.Result.APPLIED);
        assertThat(record(bad).state()).isEqualTo(DeploymentState.ROLLING_BACK);
    }

    @Test
    void promoteEndsTheBakeEarlyWhenEcsRunsTheRevision() {
        stable(1);
        String rev = baking(2);
        Instant bakeUntil = record(rev).at(TimelineKey.bakeUntil).orElseThrow();

        Outcome outcome = ask(ControlAction.PROMOTE, null, "p1");

        assertThat(outcome.result()).isEqualTo(Outcome.Result.APPLIED);
        assertThat(record(rev).state()).isEqualTo(DeploymentState.STABLE);
        assertThat(record(rev).at(TimelineKey.stableAt).orElseThrow()).isBefore(bakeUntil);
        assertThat(record(rev).reason()).contains("bake ended early: promote asked by alice");
        assertThat(p.publisher.types()).contains("DeploymentStable");
    }

    @Test
    void promoteNeverPromotesARevisionEcsNoLongerRuns() {
        String good = stable(1);
        String rev = baking(2);
        p.ecs.updateService(API, good); // a person reverted by hand

        Outcome outcome = ask(ControlAction.PROMOTE, Deployment.idOf(rev), "p1");

        assertThat(record(rev).state()).isEqualTo(DeploymentState.SUPERSEDED);
        assertThat(outcome.state()).isEqualTo("SUPERSEDED");
    }

    @Test
    void promoteIsRefusedWhileAGuardAlarmFiresSoTheGuardStaysOn() {
        stable(1);
        String rev = baking(2);
        p.alarms.states.put("api-5xx", dev.antigravity.lambdas.domain.port.AlarmPort.AlarmStatus.ALARM);

        Outcome outcome = ask(ControlAction.PROMOTE, null, "p1");

        assertThat(outcome.result()).isEqualTo(Outcome.Result.IGNORED);
        assertThat(outcome.reason()).contains("guard alarm api-5xx is in ALARM: not promoted");
        assertThat(record(rev).state()).isEqualTo(DeploymentState.BAKING);
    }

    @Test
    void promoteOfARecordNoLongerBakingChangesNothing() {
        String rev = stable(1);

        Outcome outcome = ask(ControlAction.PROMOTE, Deployment.idOf(rev), "p1");

        assertThat(outcome.result()).isEqualTo(Outcome.Result.IGNORED);
        assertThat(outcome.reason()).contains("only a BAKING deployment can be promoted");
    }

    @Test
    void freezeSkipsLaterPushesAndResumeLiftsTheFreezeAndTheSuspension() {
        stable(1);
        assertThat(ask(ControlAction.FREEZE, null, "f1").result()).isEqualTo(Outcome.Result.APPLIED);
        assertThat(ask(ControlAction.FREEZE, null, "f2").result()).isEqualTo(Outcome.Result.IGNORED);
        p.registry.images.add(new PushedImage(digest(3), List.of("sha-3000000"), p.clock.instant()));
        assertThat(p.acceptImage
                        .handle(push("push-3", digest(3), "sha-3000000", p.clock.instant()))
                        .result())
                .isEqualTo(Outcome.Result.SKIPPED);
        p.ledger.suspend(API, "loop guard", p.clock.instant());

        Outcome resumed = ask(ControlAction.RESUME, null, "r1");

        assertThat(resumed.actions()).containsExactly("automation suspension lifted", "freeze switch off");
        assertThat(p.freeze.frozen()).isEmpty();
        assertThat(p.ledger.suspension(API)).isEmpty();
        assertThat(ask(ControlAction.RESUME, null, "r2").result()).isEqualTo(Outcome.Result.IGNORED);
    }

    @Test
    void anUnmanagedServiceIsRejected() {
        Outcome outcome = p.controls.act(new ControlRequest(
                ControlAction.FREEZE,
                new dev.antigravity.lambdas.domain.ServiceRef("prod", "other"),
                null,
                ALICE,
                "x",
                null));
        assertThat(outcome.result()).isEqualTo(Outcome.Result.REJECTED);
        assertThat(p.freeze.frozen()).isEmpty();
    }
}
