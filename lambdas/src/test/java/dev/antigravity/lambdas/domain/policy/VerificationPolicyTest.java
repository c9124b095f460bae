package dev.antigravity.lambdas.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.port.AlarmPort.AlarmReading;
import dev.antigravity.lambdas.domain.port.AlarmPort.AlarmStatus;
import dev.antigravity.lambdas.domain.port.EcsPort.EcsDeployment;
import dev.antigravity.lambdas.domain.port.EcsPort.ServiceSnapshot;
import dev.antigravity.lambdas.domain.port.HealthProbe.ProbeResult;
import dev.antigravity.lambdas.domain.port.TargetHealthPort.TargetHealth;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerificationPolicyTest {
    static final String REV = "arn:aws:ecs:us-east-1:1:task-definition/api:7";
    static final Instant ACCEPTED = Instant.parse("2026-11-30T10:00:00Z");
    private final VerificationPolicy policy = new VerificationPolicy();

    static ServiceSnapshot service(String rev, int desired, int running, int others, int failedTasks) {
        return new ServiceSnapshot(
                new ServiceRef("prod", "api"),
                rev,
                desired,
                running,
                others,
                List.of(new EcsDeployment(
                        "ecs-svc/1", "PRIMARY", rev, "COMPLETED", running, desired, failedTasks, ACCEPTED)),
                List.of("a"),
                false);
    }

    static VerificationEvidence healthy() {
        return evidence(service(REV, 2, 2, 0, 0), Map.of("a", reading(AlarmStatus.OK, ACCEPTED)));
    }

    static VerificationEvidence evidence(ServiceSnapshot service, Map<String, AlarmReading> alarms) {
        return new VerificationEvidence(
                REV,
                "sha-1",
                ACCEPTED,
                service,
                Optional.of(new TargetHealth(2, 2, List.of())),
                Optional.of(new ProbeResult(true, "sha-1", "200")),
                alarms);
    }

    static AlarmReading reading(AlarmStatus status, Instant since) {
        return new AlarmReading(status, since);
    }

    @Test
    void allChecksPass() {
        VerificationPolicy.Verdict verdict = policy.judge(healthy());
        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.failures()).isEmpty();
    }

    @Test
    void absentTargetGroupAndProbeAreNotFailures() {
        VerificationEvidence e = healthy();
        assertThat(policy.judge(new VerificationEvidence(
                                REV, "sha-1", ACCEPTED, e.service(), Optional.empty(), Optional.empty(), Map.of()))
                        .passed())
                .isTrue();
    }

    @Test
    void eachFailedCheckIsNamed() {
        VerificationEvidence e = healthy();
        assertFails(evidence(service("arn:other:6", 2, 2, 0, 0), e.guardAlarms()), "expected " + REV);
        assertFails(evidence(service(REV, 2, 1, 0, 3), e.guardAlarms()), "running 1 of 2 desired tasks, 3 failed");
        assertFails(evidence(service(REV, 2, 0, 0, 0), e.guardAlarms()), "running 0 of 2");
        assertFails(evidence(service(REV, 2, 2, 1, 0), e.guardAlarms()), "older revision");
        assertFails(
                new VerificationEvidence(
                        REV,
                        "sha-1",
                        ACCEPTED,
                        e.service(),
                        Optional.of(new TargetHealth(2, 1, List.of("10.0.0.1:8080=unhealthy"))),
                        e.probe(),
                        e.guardAlarms()),
                "1 of 2 targets not healthy");
        assertFails(
                new VerificationEvidence(
                        REV,
                        "sha-1",
                        ACCEPTED,
                        e.service(),
                        Optional.of(new TargetHealth(0, 0, List.of())),
                        e.probe(),
                        e.guardAlarms()),
                "no targets");
        assertFails(
                new VerificationEvidence(
                        REV,
                        "sha-1",
                        ACCEPTED,
                        e.service(),
                        e.targets(),
                        Optional.of(new ProbeResult(false, null, "HTTP 503")),
                        e.guardAlarms()),
                "HTTP 503");
        assertFails(
                new VerificationEvidence(
                        REV,
                        "sha-1",
                        ACCEPTED,
                        e.service(),
                        e.targets(),
                        Optional.of(new ProbeResult(true, "sha-0", "200")),
                        e.guardAlarms()),
                "reports version sha-0");
        assertFails(
                evidence(e.service(), Map.of("a", reading(AlarmStatus.ALARM, ACCEPTED.plusSeconds(60)))),
                "guard alarm a is ALARM");
        assertFails(evidence(e.service(), Map.of("a", reading(AlarmStatus.ALARM, null))), "guard alarm a is ALARM");
        assertFails(evidence(e.service(), Map.of("a", reading(AlarmStatus.MISSING, null))), "a does not exist");
    }

    /** Defect 8 of issue 9: a hotfix shipped during an incident was rolled back by the incident's own alarm. */
    @Test
    void anAlarmThatPredatesTheDeploymentIsNotEvidenceAgainstIt() {
        assertThat(policy.judge(evidence(
                                service(REV, 2, 2, 0, 0),
                                Map.of("a", reading(AlarmStatus.ALARM, ACCEPTED.minusSeconds(300)))))
                        .passed())
                .isTrue();
    }

    @Test
    void insufficientDataIsNotAFailure() {
        assertThat(policy.judge(evidence(
                                service(REV, 2, 2, 0, 0),
                                Map.of("a", reading(AlarmStatus.INSUFFICIENT_DATA, ACCEPTED.plusSeconds(30)))))
                        .passed())
                .isTrue();
    }

    @Test
    void aScaleOutUnderWayIsNotAFailure() {
        assertThat(policy.judge(evidence(service(REV, 5, 3, 0, 0), healthy().guardAlarms()))
                        .passed())
                .isTrue();
    }

    private void assertFails(VerificationEvidence evidence, String expected) {
        VerificationPolicy.Verdict verdict = policy.judge(evidence);
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.summary()).contains(expected);
    }
}
