package dev.antigravity.lambdas.app;

import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.ManagedService;
import dev.antigravity.lambdas.domain.policy.VerificationEvidence;
import dev.antigravity.lambdas.domain.policy.VerificationPolicy;
import dev.antigravity.lambdas.domain.port.AlarmPort;
import dev.antigravity.lambdas.domain.port.EcsPort;
import dev.antigravity.lambdas.domain.port.EcsPort.ServiceSnapshot;
import dev.antigravity.lambdas.domain.port.HealthProbe;
import dev.antigravity.lambdas.domain.port.TargetHealthPort;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Gathers the evidence about a COMPLETED deployment and asks the verification policy for a verdict. */
public final class VerifyDeployment {
    private final EcsPort ecs;
    private final TargetHealthPort targets;
    private final HealthProbe probe;
    private final AlarmPort alarms;
    private final VerificationPolicy policy = new VerificationPolicy();

    public VerifyDeployment(EcsPort ecs, TargetHealthPort targets, HealthProbe probe, AlarmPort alarms) {
        this.ecs = ecs;
        this.targets = targets;
        this.probe = probe;
        this.alarms = alarms;
    }

    public VerificationPolicy.Verdict verify(ManagedService service, Deployment deployment) {
        ServiceSnapshot snapshot = ecs.describe(service.ref());
        Map<String, AlarmPort.AlarmReading> guard =
                snapshot.guardAlarms().isEmpty() ? Map.of() : alarms.readings(snapshot.guardAlarms());
        // Blue/green moves the tasks to the alternate target group: the evidence is wherever they are registered.
        Optional<TargetHealthPort.TargetHealth> health = service.targetGroups().isEmpty()
                ? Optional.empty()
                : Optional.of(TargetHealthPort.TargetHealth.across(
                        service.targetGroups().stream().map(targets::health).toList()));
        VerificationEvidence evidence = new VerificationEvidence(
                deployment.taskDefinitionArn(),
                deployment.image().tag(),
                RolloutStart.of(deployment, snapshot),
                snapshot,
                health,
                service.health().map(url -> probe.probe(url, deployment.image().tag())),
                guard);
        return policy.judge(evidence);
    }

    /**
     * A guard alarm of the service in ALARM that went there after {@code deployment} began to run (the
     * stabilizer's last look before promoting): an ALARM older than that is an incident it was perhaps meant to fix.
     */
    public Optional<String> firingGuardAlarm(ManagedService service, Deployment deployment) {
        ServiceSnapshot snapshot = ecs.describe(service.ref());
        if (snapshot.guardAlarms().isEmpty()) {
            return Optional.empty();
        }
        Instant since = RolloutStart.of(deployment, snapshot);
        return alarms.readings(snapshot.guardAlarms()).entrySet().stream()
                .filter(e -> e.getValue().firingSince(since))
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
