package dev.antigravity.lambdas.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.events.lifecycle.LifecycleHookPayload;
import dev.antigravity.events.lifecycle.LifecycleHookResponse;
import dev.antigravity.events.lifecycle.LifecycleStage;
import dev.antigravity.events.platform.CanaryEvidence;
import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.events.platform.PlatformEventType;
import dev.antigravity.lambdas.domain.ManagedServices;
import dev.antigravity.lambdas.domain.PlatformEvents;
import dev.antigravity.lambdas.domain.canary.CanaryCriteria;
import dev.antigravity.lambdas.domain.canary.CanaryMetrics;
import dev.antigravity.lambdas.domain.canary.CanaryPolicy;
import dev.antigravity.lambdas.domain.canary.CanaryPolicy.TooLittleTraffic;
import dev.antigravity.lambdas.domain.canary.MinuteFigures;
import dev.antigravity.lambdas.domain.lifecycle.HookDecision;
import dev.antigravity.lambdas.domain.lifecycle.LifecycleHookPolicy;
import dev.antigravity.lambdas.domain.lifecycle.StageCheck;
import dev.antigravity.lambdas.domain.lifecycle.TransientCheckException;
import dev.antigravity.lambdas.fakes.Fakes;
import dev.antigravity.lambdas.fakes.MutableClock;
import dev.antigravity.lambdas.notifyfixtures.FakeEcs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The canary phase through the lifecycle hook's use case: in-memory ports, a clock the test moves, and CloudWatch
 * played by per-minute figures each target group serves.
 */
class CanaryAnalysisTest {
    private static final String SERVICE_ARN = "arn:aws:ecs:us-east-1:123456789012:service/prod/api";
    private static final String NEW = "arn:aws:ecs:us-east-1:123456789012:service-revision/prod/api/222";
    private static final String OLD = "arn:aws:ecs:us-east-1:123456789012:service-revision/prod/api/111";
    private static final String NEW_TG = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api-green/2";
    private static final String OLD_TG = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api-blue/1";
    private static final Instant START = Instant.parse("2026-11-30T10:00:20Z");

    private final MutableClock clock = new MutableClock(START);
    private final Fakes.Publisher published = new Fakes.Publisher();
    private final Map<String, Traffic> traffic = new HashMap<>();
    private RuntimeException metricsFailure;
    private int metricReads;

    /** What one target group serves each minute. */
    private record Traffic(long requests, double errorRate, double latencySeconds) {}

    private final CanaryMetrics metrics = (groups, from, to) -> {
        metricReads++;
        if (metricsFailure != null) {
            throw metricsFailure;
        }
        Map<String, List<MinuteFigures>> answer = new LinkedHashMap<>();
        for (String group : groups) {
            Traffic t = traffic.get(group);
            List<MinuteFigures> minutes = new ArrayList<>();
            int m = 0;
            for (Instant minute = from; minute.isBefore(to); minute = minute.plusSeconds(60), m++) {
                // +-4 % alternating around the level, so the latency samples are not all ties.
                double wobble = 1 + 0.04 * ((m % 3) - 1);
                minutes.add(new MinuteFigures(
                        minute,
                        t.requests(),
                        Math.round(t.requests() * t.errorRate()),
                        t.requests() == 0 ? null : t.latencySeconds() * wobble));
            }
            answer.put(group, minutes);
        }
        return answer;
    };

    private AnswerLifecycleHook hook(TooLittleTraffic onTooLittleTraffic) {
        CanaryPolicy canary = new CanaryPolicy(
                CanaryCriteria.standard(),
                Duration.ofMinutes(10),
                Duration.ofMinutes(30),
                onTooLittleTraffic,
                Duration.ofSeconds(60),
                Duration.ofMinutes(1));
        Map<String, String> groups = Map.of(NEW, NEW_TG, OLD, OLD_TG);
        CanaryAnalysis analysis = new CanaryAnalysis(
                canary,
                revision -> Optional.ofNullable(groups.get(revision)),
                metrics,
                published,
                new PlatformEvents("prod"),
                clock);
        return new AnswerLifecycleHook(
                new LifecycleHookPolicy(
                        Map.of(LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, StageCheck.CANARY_ANALYSIS),
                        3,
                        Duration.ofSeconds(15)),
                new StageChecks(
                        new ManagedServices(List.of()),
                        TestListeners.none(),
                        List.of(),
                        null,
                        null,
                        new FakeEcs(List.of()),
                        new Fakes.Alarms(),
                        analysis),
                (deployment, service, target) -> Optional.empty(),
                error -> error instanceof IllegalStateException);
    }

    /** ECS calling back: the previous answer's hookDetails echoed, the clock moved on. */
    private HookDecision call(AnswerLifecycleHook hook, HookDecision previous, Duration later) {
        clock.advance(later);
        Map<String, Object> echoed = previous == null
                ? Map.of()
                : HookResponses.of(previous, LifecycleStage.PRODUCTION_TRAFFIC_SHIFT)
                        .hookDetails();
        return hook.answer(new LifecycleHookPayload(
                "exec-1",
                LifecycleStage.PRODUCTION_TRAFFIC_SHIFT,
                "arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/api/dep1",
                SERVICE_ARN,
                NEW,
                Map.of(),
                Map.of(NEW, 5, OLD, 95),
                echoed));
    }

    @Test
    void collectsWithoutSpendingAttemptsThenFailsADoubledErrorRateWithTheEvidence() {
        traffic.put(OLD_TG, new Traffic(2000, 0.01, 0.120));
        traffic.put(NEW_TG, new Traffic(300, 0.02, 0.120));
        AnswerLifecycleHook hook = hook(TooLittleTraffic.FAIL);

        HookDecision first = call(hook, null, Duration.ZERO);
        assertThat(first.status()).isEqualTo(HookDecision.Status.IN_PROGRESS);
        assertThat(first.callBackDelaySeconds()).isEqualTo(60);
        assertThat(first.reason()).isEqualTo("canary analysis: collecting, 0 of 10 minutes");
        HookDecision previous = first;
        for (int minute = 1; minute < 10; minute++) {
            previous = call(hook, previous, Duration.ofMinutes(1));
            assertThat(previous.status()).isEqualTo(HookDecision.Status.IN_PROGRESS);
        }
        assertThat(previous.attempt())
                .as("collecting spends no attempt of the 3 allowed")
                .isZero();
        assertThat(metricReads).as("nothing read while collecting").isZero();

        HookDecision verdict = call(hook, previous, Duration.ofMinutes(1));

        assertThat(verdict.status()).isEqualTo(HookDecision.Status.FAILED);
        assertThat(verdict.reason()).startsWith("canary FAIL").contains("5xx rate 1.00 % vs 2.00 %");
        LifecycleHookResponse answer = HookResponses.of(verdict, LifecycleStage.PRODUCTION_TRAFFIC_SHIFT);
        assertThat(answer.hookDetails())
                .containsEntry("canaryVerdict", "FAIL")
                .containsEntry(CanaryAnalysis.SINCE, START.toString());
        assertThat(answer.hookDetails().get("errorRate").toString()).startsWith("FAIL: 5xx rate 1.00 % vs 2.00 %");
        PlatformEvent event = published.published.getFirst();
        assertThat(event.type()).isEqualTo(PlatformEventType.CanaryJudged);
        assertThat(event.eventId()).isEqualTo("prod/api/CanaryJudged/222/PRODUCTION_TRAFFIC_SHIFT");
        CanaryEvidence evidence = event.canary();
        assertThat(evidence.verdict()).isEqualTo("FAIL");
        assertThat(evidence.baselineRevision()).isEqualTo(OLD);
        assertThat(evidence.canaryRevision()).isEqualTo(NEW);
        // The same whole minutes for both: from the minute after collection began to the one before the lag.
        assertThat(evidence.windowStart()).isEqualTo(Instant.parse("2026-11-30T10:01:00Z"));
        assertThat(evidence.windowEnd()).isEqualTo(Instant.parse("2026-11-30T10:09:00Z"));
        CanaryEvidence.Metric errors = evidence.metrics().getFirst();
        assertThat(errors.baseline()).isEqualTo(0.01);
        assertThat(errors.canary()).isEqualTo(0.02);
        assertThat(errors.baselineSamples()).isEqualTo(16_000);
        assertThat(errors.canarySamples()).isEqualTo(2_400);
    }

    @Test
    void aLoadSpikeDegradingBothRevisionsPassesAndSaysSo() {
        traffic.put(OLD_TG, new Traffic(4000, 0.07, 1.6));
        traffic.put(NEW_TG, new Traffic(400, 0.07, 1.6));

        HookDecision verdict = call(
                hook(TooLittleTraffic.FAIL),
                call(hook(TooLittleTraffic.FAIL), null, Duration.ZERO),
                Duration.ofMinutes(10));

        assertThat(verdict.status()).isEqualTo(HookDecision.Status.SUCCEEDED);
        assertThat(verdict.reason()).contains("both revisions are degraded together");
        assertThat(published.published.getFirst().canary().bothDegraded()).isTrue();
    }

    @Test
    void tooLittleTrafficWaitsToTheBoundThenFailsAsConfigured() {
        traffic.put(OLD_TG, new Traffic(2000, 0.01, 0.120));
        traffic.put(NEW_TG, new Traffic(3, 0.0, 0.120));
        AnswerLifecycleHook hook = hook(TooLittleTraffic.FAIL);

        HookDecision judged = call(hook, call(hook, null, Duration.ZERO), Duration.ofMinutes(10));
        assertThat(judged.status()).isEqualTo(HookDecision.Status.IN_PROGRESS);
        assertThat(judged.reason()).startsWith("canary TOO_LITTLE_DATA").endsWith("collecting up to 30 minutes");
        assertThat(published.published).as("no verdict yet").isEmpty();

        HookDecision atTheBound = call(hook, judged, Duration.ofMinutes(20));

        assertThat(atTheBound.status()).isEqualTo(HookDecision.Status.FAILED);
        assertThat(atTheBound.reason())
                .startsWith("too little traffic to judge after 30 minutes; failed as configured");
        assertThat(published.published.getFirst().canary().verdict()).isEqualTo("TOO_LITTLE_DATA");
    }

    @Test
    void tooLittleTrafficConfiguredToPassSaysItPassedUnjudged() {
        traffic.put(OLD_TG, new Traffic(2000, 0.01, 0.120));
        traffic.put(NEW_TG, new Traffic(3, 0.0, 0.120));
        AnswerLifecycleHook hook = hook(TooLittleTraffic.PASS);

        HookDecision atTheBound = call(hook, call(hook, null, Duration.ZERO), Duration.ofMinutes(30));

        assertThat(atTheBound.status()).isEqualTo(HookDecision.Status.SUCCEEDED);
        assertThat(atTheBound.reason()).startsWith("too little traffic to judge after 30 minutes; passed unjudged");
        assertThat(published.types()).containsExactly("CanaryJudged");
    }

    @Test
    void aMarginalCanaryKeepsCollectingAndFailsAtTheBound() {
        traffic.put(OLD_TG, new Traffic(2000, 0.01, 0.120));
        traffic.put(NEW_TG, new Traffic(300, 0.01, 0.200));
        AnswerLifecycleHook hook = hook(TooLittleTraffic.PASS);

        HookDecision marginal = call(hook, call(hook, null, Duration.ZERO), Duration.ofMinutes(10));
        assertThat(marginal.status()).isEqualTo(HookDecision.Status.IN_PROGRESS);
        assertThat(marginal.reason()).startsWith("canary MARGINAL (score 50)");

        HookDecision atTheBound = call(hook, marginal, Duration.ofMinutes(20));
        assertThat(atTheBound.status()).isEqualTo(HookDecision.Status.FAILED);
        assertThat(atTheBound.reason()).startsWith("still marginal after 30 minutes");
    }

    @Test
    void aTransientMetricsFailureWaitsAndKeepsTheStartOfCollection() {
        traffic.put(OLD_TG, new Traffic(2000, 0.01, 0.120));
        traffic.put(NEW_TG, new Traffic(300, 0.01, 0.120));
        AnswerLifecycleHook hook = hook(TooLittleTraffic.FAIL);
        HookDecision collecting = call(hook, null, Duration.ZERO);
        metricsFailure = new TransientCheckException("CloudWatch throttled", null);

        HookDecision blip = call(hook, collecting, Duration.ofMinutes(10));
        assertThat(blip.status()).isEqualTo(HookDecision.Status.IN_PROGRESS);
        assertThat(blip.evidence()).containsEntry(CanaryAnalysis.SINCE, START.toString());

        metricsFailure = null;
        HookDecision verdict = call(hook, blip, Duration.ofMinutes(1));
        assertThat(verdict.status()).isEqualTo(HookDecision.Status.SUCCEEDED);
        assertThat(published.published.getFirst().canary().windowStart())
                .isEqualTo(Instant.parse("2026-11-30T10:01:00Z"));
    }

    @Test
    void aStartRecordedByAnotherStageDoesNotCount() {
        AnswerLifecycleHook hook = hook(TooLittleTraffic.FAIL);
        HookDecision decision = hook.answer(new LifecycleHookPayload(
                "exec-1",
                LifecycleStage.PRODUCTION_TRAFFIC_SHIFT,
                null,
                SERVICE_ARN,
                NEW,
                Map.of(),
                Map.of(NEW, 5, OLD, 95),
                Map.of(
                        "stage",
                        "POST_TEST_TRAFFIC_SHIFT",
                        CanaryAnalysis.SINCE,
                        START.minusSeconds(3600).toString())));

        assertThat(decision.status()).isEqualTo(HookDecision.Status.IN_PROGRESS);
        assertThat(decision.reason()).isEqualTo("canary analysis: collecting, 0 of 10 minutes");
        assertThat(decision.evidence()).containsEntry(CanaryAnalysis.SINCE, START.toString());
    }

    @Test
    void aStepWithoutTrafficOnAnOldRevisionHasNothingToCompare() {
        AnswerLifecycleHook hook = hook(TooLittleTraffic.FAIL);
        HookDecision decision = hook.answer(new LifecycleHookPayload(
                "exec-1",
                LifecycleStage.PRODUCTION_TRAFFIC_SHIFT,
                null,
                SERVICE_ARN,
                NEW,
                Map.of(),
                Map.of(NEW, 100, OLD, 0),
                Map.of()));

        assertThat(decision.status()).isEqualTo(HookDecision.Status.SUCCEEDED);
        assertThat(decision.reason()).startsWith("canary analysis: no old revision takes production traffic");
        assertThat(metricReads).isZero();
    }
}
