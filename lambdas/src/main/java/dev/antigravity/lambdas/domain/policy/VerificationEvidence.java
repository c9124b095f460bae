package dev.antigravity.lambdas.domain.policy;

import dev.antigravity.lambdas.domain.port.AlarmPort.AlarmReading;
import dev.antigravity.lambdas.domain.port.EcsPort.ServiceSnapshot;
import dev.antigravity.lambdas.domain.port.HealthProbe.ProbeResult;
import dev.antigravity.lambdas.domain.port.TargetHealthPort.TargetHealth;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What was observed about a deployment ECS called COMPLETED. Absent target health or probe means the service has
 * no target group or health URL configured, which is not a failure.
 *
 * @param runningSince when the revision began to run (its ECS deployment's createdAt, else its acceptance): an alarm
 *                     that went to ALARM before it is not its fault
 */
public record VerificationEvidence(
        String expectedRevisionArn,
        String expectedVersion,
        Instant runningSince,
        ServiceSnapshot service,
        Optional<TargetHealth> targets,
        Optional<ProbeResult> probe,
        Map<String, AlarmReading> guardAlarms) {
    public VerificationEvidence {
        guardAlarms = Map.copyOf(guardAlarms);
    }
}
