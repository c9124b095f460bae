package dev.antigravity.lambdas.app.lifecycle;

import dev.antigravity.events.lifecycle.LifecycleHookPayload;
import dev.antigravity.events.platform.CanaryEvidence;
import dev.antigravity.lambdas.domain.PlatformEvents;
import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.canary.CanaryJudge;
import dev.antigravity.lambdas.domain.canary.CanaryJudgement;
import dev.antigravity.lambdas.domain.canary.CanaryJudgement.Verdict;
import dev.antigravity.lambdas.domain.canary.CanaryMetrics;
import dev.antigravity.lambdas.domain.canary.CanaryPolicy;
import dev.antigravity.lambdas.domain.canary.MetricComparison;
import dev.antigravity.lambdas.domain.canary.MinuteFigures;
import dev.antigravity.lambdas.domain.canary.RevisionSeries;
import dev.antigravity.lambdas.domain.canary.RevisionTargetGroups;
import dev.antigravity.lambdas.domain.lifecycle.CheckResult;
import dev.antigravity.lambdas.domain.port.PlatformEventPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canary phase of a CANARY or LINEAR deployment: while the production weights give both the new revision and
 * an old one traffic, collect for the policy's window (IN_PROGRESS, without spending attempts), then judge the new
 * revision's target group against the old one's over the same whole minutes. PASS and FAIL answer at once;
 * MARGINAL and too little traffic keep collecting up to the bound, where MARGINAL fails and too little traffic is
 * the configured choice, said as such. Every final verdict is published as CanaryJudged, with the figures.
 */
public final class CanaryAnalysis {
    /** The hookDetails key holding when collection started (ECS echoes it back on each call). */
    public static final String SINCE = "canarySince";

    private final CanaryPolicy policy;
    private final CanaryJudge judge;
    private final RevisionTargetGroups targetGroups;
    private final CanaryMetrics metrics;
    private final PlatformEventPublisher publisher;
    private final PlatformEvents events;
    private final Clock clock;

    public CanaryAnalysis(
            CanaryPolicy policy,
            RevisionTargetGroups targetGroups,
            CanaryMetrics metrics,
            PlatformEventPublisher publisher,
            PlatformEvents events,
            Clock clock) {
        this.policy = policy;
        this.judge = new CanaryJudge(policy.criteria());
        this.targetGroups = targetGroups;
        this.metrics = metrics;
        this.publisher = publisher;
        this.events = events;
        this.clock = clock;
    }

    public CheckResult check(ServiceRef service, LifecycleHookPayload payload) {
        String canary = payload.targetServiceRevisionArn();
        Optional<String> baseline = payload.productionTrafficWeights().entrySet().stream()
                .filter(w -> !w.getKey().equals(canary) && w.getValue() > 0)
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey);
        if (baseline.isEmpty()) {
            return new CheckResult.Passed("canary analysis: no old revision takes production traffic at this step ("
                    + payload.productionTrafficWeights() + "), nothing to compare against");
        }
        Instant now = clock.instant();
        Instant since = since(payload).orElse(now);
        Map<String, Object> remembered = Map.of(SINCE, since.toString());
        Duration collected = Duration.between(since, now);
        if (collected.compareTo(policy.window()) < 0) {
            return new CheckResult.Waiting(
                    "canary analysis: collecting, " + collected.toMinutes() + " of "
                            + policy.window().toMinutes() + " minutes",
                    (int) policy.callBackDelay().toSeconds(),
                    remembered);
        }
        Optional<String> canaryTargetGroup = targetGroups.targetGroupOf(canary);
        Optional<String> baselineTargetGroup = targetGroups.targetGroupOf(baseline.get());
        if (canaryTargetGroup.isEmpty() || baselineTargetGroup.isEmpty()) {
            return new CheckResult.Failed("canary analysis: " + (canaryTargetGroup.isEmpty() ? canary : baseline.get())
                    + " serves from no target group, so there is nothing to measure");
        }
        String canaryGroup = canaryTargetGroup.get();
        String baselineGroup = baselineTargetGroup.get();
        if (canaryGroup.equals(baselineGroup)) {
            return new CheckResult.Failed("canary analysis: both revisions serve from " + canaryGroup
                    + ", so they cannot be told apart (a canary needs the alternate target group)");
        }
        Instant from = since.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        Instant to = now.minus(policy.metricsLag()).truncatedTo(ChronoUnit.MINUTES);
        Map<String, List<MinuteFigures>> figures = metrics.perMinute(List.of(baselineGroup, canaryGroup), from, to);
        CanaryJudgement judgement = judge.judge(
                new RevisionSeries(revisionId(baseline.get()), figures.getOrDefault(baselineGroup, List.of())),
                new RevisionSeries(revisionId(canary), figures.getOrDefault(canaryGroup, List.of())));
        boolean bounded = collected.compareTo(policy.bound()) >= 0;
        Map<String, Object> evidence = evidence(judgement, remembered);
        return switch (judgement.verdict()) {
            case PASS, FAIL ->
                announce(
                        service,
                        payload,
                        judgement,
                        baseline.get(),
                        from,
                        to,
                        judgement.verdict() == Verdict.PASS
                                ? new CheckResult.Passed(judgement.summary(), evidence)
                                : new CheckResult.Failed(judgement.summary(), evidence));
            case MARGINAL, TOO_LITTLE_DATA ->
                !bounded
                        ? new CheckResult.Waiting(
                                judgement.summary() + "; collecting up to "
                                        + policy.bound().toMinutes() + " minutes",
                                (int) policy.callBackDelay().toSeconds(),
                                evidence)
                        : announce(
                                service, payload, judgement, baseline.get(), from, to, atTheBound(judgement, evidence));
        };
    }

    private CheckResult atTheBound(CanaryJudgement judgement, Map<String, Object> evidence) {
        String waited = " after " + policy.bound().toMinutes() + " minutes";
        if (judgement.verdict() == Verdict.MARGINAL) {
            return new CheckResult.Failed("still marginal" + waited + ": " + judgement.summary(), evidence);
        }
        return switch (policy.onTooLittleTraffic()) {
            case PASS ->
                new CheckResult.Passed(
                        "too little traffic to judge" + waited
                                + "; passed unjudged as configured (on too little traffic: PASS): "
                                + judgement.summary(),
                        evidence);
            case FAIL ->
                new CheckResult.Failed(
                        "too little traffic to judge" + waited
                                + "; failed as configured (on too little traffic: FAIL): " + judgement.summary(),
                        evidence);
        };
    }

    /** Publishes CanaryJudged before answering: a publish that fails transiently is asked again on the next call. */
    private CheckResult announce(
            ServiceRef service,
            LifecycleHookPayload payload,
            CanaryJudgement judgement,
            String baseline,
            Instant from,
            Instant to,
            CheckResult answer) {
        List<CanaryEvidence.Metric> figures = judgement.metrics().stream()
                .map(m -> new CanaryEvidence.Metric(
                        m.metric().name(),
                        m.outcome().name(),
                        finite(m.baseline()),
                        finite(m.canary()),
                        m.baselineSamples(),
                        m.canarySamples(),
                        finite(m.pValue())))
                .toList();
        CanaryEvidence canaryEvidence = new CanaryEvidence(
                judgement.verdict().name(),
                finite(judgement.score()),
                judgement.bothDegraded(),
                baseline,
                payload.targetServiceRevisionArn(),
                from,
                to,
                figures);
        String deploymentId = payload.resourceArn() == null
                ? null
                : payload.resourceArn().substring(payload.resourceArn().lastIndexOf('/') + 1);
        publisher.publish(events.canaryJudged(
                service,
                deploymentId,
                payload.stage().map(Enum::name).orElse("UNKNOWN_STAGE"),
                clock.instant(),
                answer.detail(),
                canaryEvidence));
        return answer;
    }

    /** The figures a person reads in the hook's answer, the two revisions side by side. */
    private static Map<String, Object> evidence(CanaryJudgement judgement, Map<String, Object> remembered) {
        Map<String, Object> evidence = new LinkedHashMap<>(remembered);
        evidence.put("canaryVerdict", judgement.verdict().name());
        if (!Double.isNaN(judgement.score())) {
            evidence.put("canaryScore", judgement.score());
        }
        evidence.put("bothDegraded", judgement.bothDegraded());
        for (MetricComparison m : judgement.metrics()) {
            String key = m.metric() == MetricComparison.Metric.ERROR_RATE ? "errorRate" : "latency";
            evidence.put(key, m.outcome() + ": " + m.detail());
        }
        return evidence;
    }

    /** When this stage's collection started, as the previous answer recorded it (another stage's does not count). */
    static Optional<Instant> since(LifecycleHookPayload payload) {
        Object value = payload.hookDetails().get(SINCE);
        Object stage = payload.hookDetails().get(AnswerLifecycleHook.STAGE);
        if (value == null
                || stage == null
                || !stage.toString().equals(payload.stage().map(Enum::name).orElse(null))) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.toString()));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    private static String revisionId(String serviceRevisionArn) {
        return serviceRevisionArn.substring(serviceRevisionArn.lastIndexOf('/') + 1);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
