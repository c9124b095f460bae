package dev.antigravity.lambdas.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.events.platform.PlatformEventType;
import dev.antigravity.events.testing.MotoServer;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The local rehearsal ({@code scripts/rehearse}) as a test: each scenario's outcome is asserted, and the timeline a
 * person reads is written to {@code target/rehearsal/timeline.txt} (property {@code rehearsal.timeline} moves it)
 * whether the rehearsal passed or not.
 */
@ExtendWith(MotoServer.Required.class)
class RehearsalTest {
    private static final long SEED = Long.getLong("rehearsal.seed", 20261130L);

    @Test
    void deploysRollsBackJudgesCanariesAndTakesASlackClickOnce() {
        try (Rehearsal rehearsal = new Rehearsal(SEED)) {
            try {
                goodPushGoesStable(rehearsal);
                badPushIsRolledBackByANewEcsDeployment(rehearsal);
                canaryWithADoubledErrorRateFailsWhileTheAlarmStaysOk(rehearsal);
                String baking = loadSpikeOnBothRevisionsPassesAndSaysSo(rehearsal);
                statusWhileBaking(rehearsal);
                slackRollBackClickedTwiceRollsBackOnce(rehearsal, baking);
            } finally {
                rehearsal.timeline.writeTo(
                        Path.of(System.getProperty("rehearsal.timeline", "target/rehearsal/timeline.txt")));
            }
        }
    }

    private static void goodPushGoesStable(Rehearsal rehearsal) {
        rehearsal.timeline.heading("(a) push v1 -> rollout -> verified -> bake -> STABLE");
        rehearsal.push(Rehearsal.API, "sha-1111111", ImageHealth.GOOD, 0.01, 0.120);
        rehearsal.runUntil(
                "api sha-1111111 STABLE",
                () -> rehearsal.recorded(Rehearsal.API, "sha-1111111")
                        && rehearsal.record(Rehearsal.API, "sha-1111111").state() == DeploymentState.STABLE);

        Deployment v1 = rehearsal.record(Rehearsal.API, "sha-1111111");
        assertThat(rehearsal.running(Rehearsal.API)).isEqualTo(v1.deploymentId());
        assertThat(v1.ecsDeploymentId()).startsWith("ecs-svc/");
        assertThat(types(rehearsal, v1.deploymentId()))
                .containsSubsequence(
                        PlatformEventType.DeploymentAccepted,
                        PlatformEventType.DeploymentStarted,
                        PlatformEventType.DeploymentVerified,
                        PlatformEventType.DeploymentStable);
    }

    private static void badPushIsRolledBackByANewEcsDeployment(Rehearsal rehearsal) {
        rehearsal.timeline.heading("(b) bad push v2 -> guard alarm -> rollback, a new ECS deployment");
        String stable = rehearsal.running(Rehearsal.API);
        rehearsal.push(Rehearsal.API, "sha-2222222", ImageHealth.ERRORS, 0.5, 0.120);
        rehearsal.runUntil(
                "api sha-2222222 rolled back and ECS settled",
                () -> rehearsal.recorded(Rehearsal.API, "sha-2222222")
                        && rehearsal.record(Rehearsal.API, "sha-2222222").state() == DeploymentState.ROLLED_BACK
                        && rehearsal.settled());

        Deployment v2 = rehearsal.record(Rehearsal.API, "sha-2222222");
        assertThat(v2.rollbackCause()).isNotNull();
        assertThat(v2.rollbackEcsDeploymentId()).startsWith("ecs-svc/").isNotEqualTo(v2.ecsDeploymentId());
        assertThat(rehearsal.updates)
                .filteredOn(u -> u.deploymentId().equals(v2.rollbackEcsDeploymentId()))
                .singleElement()
                .satisfies(u -> {
                    assertThat(u.origin()).isEqualTo(Origin.ANTIGRAVITY);
                    assertThat(Deployment.idOf(u.target())).isEqualTo(stable);
                });
        assertThat(rehearsal.running(Rehearsal.API)).isEqualTo(stable);
        rehearsal.timeline.note(
                "result",
                "rollout " + v2.ecsDeploymentId() + ", rollback " + v2.rollbackEcsDeploymentId() + "; "
                        + Rehearsal.API.key() + " runs " + stable + " again");
    }

    private static void canaryWithADoubledErrorRateFailsWhileTheAlarmStaysOk(Rehearsal rehearsal) {
        rehearsal.timeline.heading("(c) canary with a doubled error rate (1 % -> 2 %): FAILED by the analysis, "
                + Rehearsal.CHECKOUT_ALARM + " stays OK");
        String before = rehearsal.running(Rehearsal.CHECKOUT);
        rehearsal.push(Rehearsal.CHECKOUT, "sha-3333333", ImageHealth.GOOD, 0.02, 0.120);
        rehearsal.runUntil("the canary's rollout started", () -> rehearsal.recorded(Rehearsal.CHECKOUT, "sha-3333333"));
        JsonNode answer = rehearsal.canaryHook();
        rehearsal.runUntil("ECS rolled the canary back", rehearsal::settled);

        assertThat(answer.path("hookStatus").asText()).isEqualTo("FAILED");
        assertThat(answer.at("/hookDetails/canaryVerdict").asText()).isEqualTo("FAIL");
        assertThat(answer.at("/hookDetails/errorRate").asText()).startsWith("FAIL");
        assertThat(rehearsal.alarmChanges(Rehearsal.CHECKOUT_ALARM)).isZero();
        assertThat(rehearsal.record(Rehearsal.CHECKOUT, "sha-3333333").state()).isEqualTo(DeploymentState.FAILED);
        assertThat(rehearsal.running(Rehearsal.CHECKOUT)).isEqualTo(before);
        assertThat(rehearsal.updates)
                .filteredOn(u -> u.service().equals(Rehearsal.CHECKOUT) && u.origin() == Origin.ECS)
                .hasSize(1);
    }

    private static String loadSpikeOnBothRevisionsPassesAndSaysSo(Rehearsal rehearsal) {
        rehearsal.timeline.heading("(c) load spike degrading both revisions: the canary PASSES and says why");
        rehearsal.loadSpike(true);
        rehearsal.push(Rehearsal.CHECKOUT, "sha-4444444", ImageHealth.GOOD, 0.01, 0.120);
        rehearsal.runUntil("the canary's rollout started", () -> rehearsal.recorded(Rehearsal.CHECKOUT, "sha-4444444"));
        JsonNode answer = rehearsal.canaryHook();
        rehearsal.loadSpike(false);
        rehearsal.runUntil(
                "checkout sha-4444444 baking",
                () -> rehearsal.record(Rehearsal.CHECKOUT, "sha-4444444").state() == DeploymentState.BAKING);

        assertThat(answer.path("hookStatus").asText()).isEqualTo("SUCCEEDED");
        assertThat(answer.at("/hookDetails/bothDegraded").asBoolean()).isTrue();
        assertThat(answer.at("/hookDetails/reason").asText()).contains("both revisions are degraded together");
        List<PlatformEvent> judged = rehearsal.published.stream()
                .filter(e -> e.type() == PlatformEventType.CanaryJudged)
                .toList();
        assertThat(judged).extracting(e -> e.canary().verdict()).containsExactly("FAIL", "PASS");
        return rehearsal.record(Rehearsal.CHECKOUT, "sha-4444444").deploymentId();
    }

    private static void statusWhileBaking(Rehearsal rehearsal) {
        rehearsal.timeline.heading("(d) the on-call person looks: status --service " + Rehearsal.CHECKOUT.key());
        rehearsal.run(Duration.ofMinutes(4));
        List<String> terminal = rehearsal.statusView(Rehearsal.CHECKOUT, false);
        List<String> piped = rehearsal.statusView(Rehearsal.CHECKOUT, true);
        rehearsal.timeline.note("terminal", "$ antigravity-lambdas status --service " + Rehearsal.CHECKOUT.key());
        rehearsal.timeline.verbatim(terminal);
        rehearsal.timeline.note(
                "terminal", "$ antigravity-lambdas status --service " + Rehearsal.CHECKOUT.key() + " | cat");
        rehearsal.timeline.verbatim(piped);

        assertThat(String.join("\n", terminal))
                .contains("BAKING")
                .contains("bake 11m")
                .contains("left")
                .contains(Rehearsal.CHECKOUT_ALARM + " OK");
        assertThat(piped).singleElement().asString().contains("state=BAKING").contains("bake_left=11m");
    }

    private static void slackRollBackClickedTwiceRollsBackOnce(Rehearsal rehearsal, String baking) {
        rehearsal.timeline.heading("(c) Slack: Roll back now, clicked twice");
        int updatesBefore = rehearsal.updates.size();
        JsonNode first = rehearsal.clickRollBack(baking, "1764493500.000001");
        JsonNode second = rehearsal.clickRollBack(baking, "1764493500.000002");
        rehearsal.runUntil(
                "checkout " + baking + " rolled back",
                () -> rehearsal.record(Rehearsal.CHECKOUT, "sha-4444444").state() == DeploymentState.ROLLED_BACK
                        && rehearsal.settled());

        assertThat(first.path("statusCode").asInt()).isEqualTo(200);
        assertThat(first.path("body").asText()).contains(":white_check_mark:");
        assertThat(second.path("statusCode").asInt()).isEqualTo(200);
        assertThat(second.path("body").asText()).contains("nothing to do");
        List<SimulatedEcs.UpdateCall> after = rehearsal.updates.subList(updatesBefore, rehearsal.updates.size());
        assertThat(after)
                .filteredOn(u -> u.origin() == Origin.ANTIGRAVITY)
                .singleElement()
                .satisfies(u -> assertThat(u.service()).isEqualTo(Rehearsal.CHECKOUT));
        Deployment rolledBack = rehearsal.record(Rehearsal.CHECKOUT, "sha-4444444");
        assertThat(rolledBack.rollbackCause()).startsWith("manual/slack/" + Rehearsal.ONCALL);
        assertThat(rolledBack.rollbackEcsDeploymentId()).isNotEqualTo(rolledBack.ecsDeploymentId());
    }

    private static List<PlatformEventType> types(Rehearsal rehearsal, String deploymentId) {
        return rehearsal.published.stream()
                .filter(e -> deploymentId.equals(e.deploymentId()))
                .map(PlatformEvent::type)
                .toList();
    }
}
