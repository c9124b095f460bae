package dev.antigravity.lambdas.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.port.AlarmPort.AlarmStatus;
import dev.antigravity.lambdas.domain.port.EcsPort.ServiceSnapshot;
import dev.antigravity.lambdas.domain.port.HealthProbe.ProbeResult;
import dev.antigravity.lambdas.domain.port.TargetHealthPort.TargetHealth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerificationPolicyTest {
    static final String REV = "arn:aws:ecs:us-east-1:1:task-definition/api:7";
    private final VerificationPolicy policy = new VerificationPolicy();

    static ServiceSnapshot service(String rev, int desired, int running, int others) {
        return new ServiceSnapshot(new ServiceRef("prod", "api"), rev, desired, running, others, List.of(), List.of("a"));
    }

    static VerificationEvidence healthy() {
        return new VerificationEvidence(REV, "sha-1", service(REV, 2, 2, 0),
                Optional.of(new TargetHealth(2, 2, List.of())), Optional.of(new ProbeResult(true, "sha-1", "200")),
                Map.of("a", AlarmStatus.OK));
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
        assertThat(policy.judge(new VerificationEvidence(REV, "sha-1", e.service(), Optional.empty(), Optional.empty(),
                Map.of())).passed()).isTrue();
    }

    @Test
    void eachFailedCheckIsNamed() {
        VerificationEvidence e = healthy();
        assertFails(new VerificationEvidence(REV, "sha-1", service("arn:other:6", 2, 2, 0), e.targets(), e.probe(),
                e.guardAlarms()), "expected " + REV);
        assertFails(new VerificationEvidence(REV, "sha-1", service(REV, 2, 1, 0), e.targets(), e.probe(),
                e.guardAlarms()), "running 1 of 2");
        assertFails(new VerificationEvidence(REV, "sha-1", service(REV, 2, 2, 1), e.targets(), e.probe(),
                e.guardAlarms()), "older revision");
        assertFails(new VerificationEvidence(REV, "sha-1", e.service(),
                Optional.of(new TargetHealth(2, 1, List.of("10.0.0.1:8080=unhealthy"))), e.probe(), e.guardAlarms()),
                "1 of 2 targets not healthy");
        assertFails(new VerificationEvidence(REV, "sha-1", e.service(), Optional.of(new TargetHealth(0, 0, List.of())),
                e.probe(), e.guardAlarms()), "no targets");
        assertFails(new VerificationEvidence(REV, "sha-1", e.service(), e.targets(),
                Optional.of(new ProbeResult(false, null, "HTTP 503")), e.guardAlarms()), "HTTP 503");
        assertFails(new VerificationEvidence(REV, "sha-1", e.service(), e.targets(),
                Optional.of(new ProbeResult(true, "sha-0", "200")), e.guardAlarms()), "reports version sha-0");
        assertFails(new VerificationEvidence(REV, "sha-1", e.service(), e.targets(), e.probe(),
                Map.of("a", AlarmStatus.ALARM)), "guard alarm a is ALARM");
        assertFails(new VerificationEvidence(REV, "sha-1", e.service(), e.targets(), e.probe(),
                Map.of("a", AlarmStatus.MISSING)), "guard alarm a is MISSING");
    }

    private void assertFails(VerificationEvidence evidence, String expected) {
        VerificationPolicy.Verdict verdict = policy.judge(evidence);
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.summary()).contains(expected);
    }
}
