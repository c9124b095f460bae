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
        Map<String, AlarmPort.AlarmStatus> guard = snapshot.guardAlarms().isEmpty()
                ? Map.of() : alarms.states(snapshot.guardAlarms());
        VerificationEvidence evidence = new VerificationEvidence(deployment.taskDefinitionArn(),
                deployment.image().tag(), snapshot, service.targetGroup().map(targets::health),
                service.health().map(url -> probe.probe(url, deployment.image().tag())), guard);
        return policy.judge(evidence);
    }

    /** Guard alarms of a service currently not OK (the stabilizer's last look before promoting). */
    public Optional<String> firingGuardAlarm(ManagedService service) {
        ServiceSnapshot snapshot = ecs.describe(service.ref());
        if (snapshot.guardAlarms().isEmpty()) {
            return Optional.empty();
        }
        return alarms.states(snapshot.guardAlarms()).entrySet().stream()
                .filter(e -> e.getValue() == AlarmPort.AlarmStatus.ALARM).map(Map.Entry::getKey).findFirst();
    }
}
