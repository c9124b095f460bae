package dev.antigravity.lambdas.simulation;

import dev.antigravity.lambdas.app.AcceptImage;
import dev.antigravity.lambdas.app.AnnounceRecovery;
import dev.antigravity.lambdas.app.HandleAlarm;
import dev.antigravity.lambdas.app.PromoteBaked;
import dev.antigravity.lambdas.app.ReconcileRegistry;
import dev.antigravity.lambdas.app.RecordDeploymentEvent;
import dev.antigravity.lambdas.app.ResumeStranded;
import dev.antigravity.lambdas.app.RollBack;
import dev.antigravity.lambdas.app.ServiceLock;
import dev.antigravity.lambdas.app.Stabilize;
import dev.antigravity.lambdas.app.VerifyDeployment;
import dev.antigravity.lambdas.domain.ManagedServices;
import dev.antigravity.lambdas.domain.PlatformEvents;
import dev.antigravity.lambdas.domain.Settings;
import dev.antigravity.lambdas.domain.port.AlarmPort;
import dev.antigravity.lambdas.domain.port.EcsPort;
import dev.antigravity.lambdas.domain.port.FreezeSwitch;
import dev.antigravity.lambdas.domain.port.HealthProbe;
import dev.antigravity.lambdas.domain.port.LedgerPort;
import dev.antigravity.lambdas.domain.port.PlatformEventPublisher;
import dev.antigravity.lambdas.domain.port.RegistryPort;
import dev.antigravity.lambdas.domain.port.TargetHealthPort;
import java.time.Clock;

/** Every use case wired over the simulation's ports, as the Dagger modules wire them over AWS (see TestPlatform). */
final class SimulatedPlatform {
    /** The ports, each already behind its scheduling proxy. */
    record Ports(
            EcsPort ecs,
            LedgerPort ledger,
            RegistryPort registry,
            AlarmPort alarms,
            TargetHealthPort targets,
            HealthProbe probe,
            FreezeSwitch freeze,
            PlatformEventPublisher publisher) {}

    final AcceptImage acceptImage;
    final RecordDeploymentEvent recordDeploymentEvent;
    final HandleAlarm handleAlarm;
    final Stabilize stabilize;
    final RollBack rollBack;
    final VerifyDeployment verify;

    SimulatedPlatform(ManagedServices services, Ports ports, Settings settings, Clock clock, ServiceLock lock) {
        PlatformEvents events = new PlatformEvents(settings.environment());
        acceptImage = new AcceptImage(
                services,
                ports.ecs(),
                ports.registry(),
                ports.ledger(),
                ports.freeze(),
                ports.publisher(),
                events,
                lock,
                clock);
        verify = new VerifyDeployment(ports.ecs(), ports.targets(), ports.probe(), ports.alarms());
        rollBack = new RollBack(
                ports.ecs(), ports.ledger(), ports.publisher(), events, settings, lock, ports.alarms(), clock);
        recordDeploymentEvent = new RecordDeploymentEvent(
                services, ports.ecs(), ports.ledger(), verify, rollBack, ports.publisher(), events, settings, clock);
        handleAlarm = new HandleAlarm(
                services,
                ports.ecs(),
                ports.ledger(),
                rollBack,
                ports.publisher(),
                events,
                clock,
                new AnnounceRecovery(ports.ecs(), ports.alarms(), ports.publisher(), events, clock));
        stabilize = new Stabilize(
                services,
                ports.ledger(),
                new PromoteBaked(ports.ecs(), ports.ledger(), verify, rollBack, ports.publisher(), events, lock, clock),
                new ResumeStranded(
                        ports.ecs(), ports.ledger(), acceptImage, rollBack, recordDeploymentEvent, settings, clock),
                new ReconcileRegistry(ports.ledger(), ports.registry(), acceptImage, clock));
    }
}
