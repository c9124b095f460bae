package dev.antigravity.lambdas.app;

import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.ServiceHead;
import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.port.AlarmPort;
import dev.antigravity.lambdas.domain.port.EcsPort;
import dev.antigravity.lambdas.domain.port.EcsPort.ServiceSnapshot;
import dev.antigravity.lambdas.domain.port.FreezeSwitch;
import dev.antigravity.lambdas.domain.port.LedgerPort;
import java.time.Clock;
import java.util.Map;

/** Reads a service's {@link ServiceStatus}: the head's record (consistent read), ECS, the guard alarms. Writes nothing. */
public final class ReadStatus {
    private final LedgerPort ledger;
    private final EcsPort ecs;
    private final AlarmPort alarms;
    private final FreezeSwitch freeze;
    private final Clock clock;

    public ReadStatus(LedgerPort ledger, EcsPort ecs, AlarmPort alarms, FreezeSwitch freeze, Clock clock) {
        this.ledger = ledger;
        this.ecs = ecs;
        this.alarms = alarms;
        this.freeze = freeze;
        this.clock = clock;
    }

    public ServiceStatus read(ServiceRef service) {
        ServiceSnapshot snapshot = ecs.describe(service);
        Map<String, AlarmPort.AlarmStatus> guardAlarms =
                snapshot.guardAlarms().isEmpty() ? Map.of() : alarms.states(snapshot.guardAlarms());
        return new ServiceStatus(
                service,
                clock.instant(),
                ledger.head(service)
                        .flatMap(ServiceHead::revision)
                        .flatMap(revision -> ledger.find(service, Deployment.idOf(revision))),
                snapshot,
                guardAlarms,
                ledger.suspension(service),
                freeze.frozen());
    }
}
