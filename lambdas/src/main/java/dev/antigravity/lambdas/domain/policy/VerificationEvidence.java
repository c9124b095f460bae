package dev.antigravity.lambdas.domain.policy;

import dev.antigravity.lambdas.domain.port.AlarmPort.AlarmStatus;
import dev.antigravity.lambdas.domain.port.EcsPort.ServiceSnapshot;
import dev.antigravity.lambdas.domain.port.HealthProbe.ProbeResult;
import dev.antigravity.lambdas.domain.port.TargetHealthPort.TargetHealth;
import java.util.Map;
import java.util.Optional;

/**
 * What was observed about a deployment ECS called COMPLETED. Absent target health or probe means the service has
 * no target group or health URL configured, which is not a failure.
 */
public record VerificationEvidence(String expectedRevisionArn, String expectedVersion, ServiceSnapshot service,
                                   Optional<TargetHealth> targets, Optional<ProbeResult> probe,
                                   Map<String, AlarmStatus> guardAlarms) {
    public VerificationEvidence {
        guardAlarms = Map.copyOf(guardAlarms);
    }
}
