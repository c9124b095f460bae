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
import dev.antigravity.events.platform.PlatformEventType;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentEvent;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.DeploymentStateMachine;
import dev.antigravity.lambdas.fakes.FakeEcs;
import dev.antigravity.lambdas.fakes.TestPlatform;
import dev.antigravity.lambdas.domain.port.TargetHealthPort.TargetHealth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded, repeatable fuzzing: a deployment's ECS events, alarms and stabilizer ticks (including sweeps past the
 * stranded bound, which act on what ECS reports), each delivered 1-3 times in a random order with the clock
 * jumping, never roll back twice, verify twice nor move a ledger record backwards.
 */
class RandomInterleavingTest {
    private static final long SEED = 20261126L;
    private static final int RUNS = 3000;

    @Test
    void randomInterleavingsNeverRollBackTwiceNorMoveBackwards() {
        Random random = new Random(SEED);
        for (int run = 0; run < RUNS; run++) {
            runOnce(random, run);
        }
    }

    private void runOnce(Random random, int run) {
        TestPlatform p = new TestPlatform();
        // A first deployment that made it to STABLE: the rollback target.
        p.acceptImage.handle(push("p1", digest(1), "sha-1111111", p.clock.instant()));
        String stable = p.ecs.runningRevision(API);
        p.recordDeploymentEvent.handle(ecs("c1", COMPLETED, FakeEcs.ecsDeploymentIdOf(stable), p.clock.instant()));
        p.clock.advance(Duration.ofMinutes(16));
        p.stabilize.run("s0");
        p.clock.advance(Duration.ofMinutes(1));

        p.acceptImage.handle(push("p2", digest(2), "sha-2222222", p.clock.instant()));
        String candidate = p.ecs.runningRevision(API);
        if (random.nextInt(4) == 0) {
            p.targets.answer = new TargetHealth(2, 1, List.of("10.0.0.9:8080=unhealthy"));
        }
        String candidateEcsId = FakeEcs.ecsDeploymentIdOf(candidate);
        String stableEcsId = FakeEcs.ecsDeploymentIdOf(stable) + "-2"; // the rollback's own deployment

        List<Runnable> deliveries = new ArrayList<>();
        Map<String, Runnable> events = new HashMap<>();
        events.put("push-again", () -> p.acceptImage.handle(push("p2", digest(2), "sha-2222222", p.clock.instant())));
        events.put("in-progress", () -> p.recordDeploymentEvent.handle(ecs("i2", IN_PROGRESS, candidateEcsId, p.clock.instant())));
        events.put("completed", () -> p.recordDeploymentEvent.handle(ecs("c2", COMPLETED, candidateEcsId, p.clock.instant())));
        events.put("alarm", () -> p.handleAlarm.handle(alarm("a1", "api-5xx", Value.OK, Value.ALARM, p.clock.instant())));
        events.put("alarm-again", () -> p.handleAlarm.handle(alarm("a2", "api-5xx", Value.INSUFFICIENT_DATA, Value.ALARM, p.clock.instant())));
        events.put("ok", () -> p.handleAlarm.handle(alarm("o1", "api-5xx", Value.ALARM, Value.OK, p.clock.instant())));
        events.put("rollback-done", () -> p.recordDeploymentEvent.handle(ecs("r1", COMPLETED, stableEcsId, p.clock.instant())));
        events.put("late-first-in-progress", () -> p.recordDeploymentEvent.handle(ecs("i1", IN_PROGRESS, stableEcsId, p.clock.instant())));
        events.put("tick", () -> p.stabilize.run("tick-" + random.nextInt(1000)));
        events.put("stranded-sweep", () -> {
            p.clock.advance(p.settings.strandedAfter());
            p.stabilize.run("sweep-" + random.nextInt(1000));
        });
        if (random.nextInt(5) == 0) {
            events.put("failed", () -> p.recordDeploymentEvent.handle(ecs("f2", FAILED, candidateEcsId, p.clock.instant())));
            p.ecs.rolloutState = random.nextBoolean() ? "FAILED" : "COMPLETED"; // what a sweep reads from ECS
        }
        events.forEach((name, delivery) -> {
            if (random.nextInt(6) != 0) { // some events are lost altogether
                for (int copies = 1 + random.nextInt(3); copies > 0; copies--) {
                    deliveries.add(delivery);
                }
            }
        });
        Collections.shuffle(deliveries, random);
        for (Runnable delivery : deliveries) {
            p.clock.advance(Duration.ofSeconds(random.nextInt(600)));
            delivery.run();
        }

        long rollbacks = p.ecs.updates.stream().filter(stable::equals).count() - 1; // minus its own rollout
        assertThat(rollbacks).as("run %d: rollbacks to %s", run, stable).isLessThanOrEqualTo(1);
        assertThat(p.publisher.published.stream().filter(e -> e.type() == PlatformEventType.RollbackStarted)
                .map(e -> e.eventId()).distinct()).as("run %d", run).hasSizeLessThanOrEqualTo(1);
        assertThat(p.ecs.updates.stream().filter(candidate::equals)).as("run %d: one rollout", run).hasSize(1);
        assertThat(p.publisher.published.stream().filter(e -> Deployment.idOf(candidate).equals(e.deploymentId()))
                .filter(e -> e.type() == PlatformEventType.DeploymentVerified
                        || e.type() == PlatformEventType.VerificationFailed))
                .as("run %d: one verdict", run).hasSizeLessThanOrEqualTo(1);
        assertForwardOnly(p, run);
    }

    private static void assertForwardOnly(TestPlatform p, int run) {
        Map<String, Deployment> last = new HashMap<>();
        for (Deployment write : p.ledger.writes) {
            Deployment previous = last.put(write.deploymentId(), write);
            if (previous == null) {
                assertThat(write.state()).isEqualTo(DeploymentState.PENDING);
                continue;
            }
            assertThat(write.version()).as("run %d: version grows", run).isGreaterThan(previous.version());
            boolean allowed = write.state() == previous.state() || Arrays.stream(DeploymentEvent.values())
                    .anyMatch(e -> DeploymentStateMachine.next(previous.state(), e).orElse(null) == write.state());
            assertThat(allowed).as("run %d: %s %s -> %s", run, write.deploymentId(), previous.state(), write.state())
                    .isTrue();
            assertThat(previous.state().isTerminal() && write.state() != previous.state())
                    .as("run %d: left terminal %s", run, previous.state()).isFalse();
        }
    }
}
