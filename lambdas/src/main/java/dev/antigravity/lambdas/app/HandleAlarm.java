package dev.antigravity.lambdas.app;

import dev.antigravity.events.aws.CloudWatchAlarmStateChange;
import dev.antigravity.events.platform.PlatformEventType;
import dev.antigravity.lambdas.domain.ConfigurationException;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentEvent;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.ManagedService;
import dev.antigravity.lambdas.domain.ManagedServices;
import dev.antigravity.lambdas.domain.PlatformEvents;
import dev.antigravity.lambdas.domain.ServiceHead;
import dev.antigravity.lambdas.domain.port.EcsPort;
import dev.antigravity.lambdas.domain.port.EcsPort.ServiceSnapshot;
import dev.antigravity.lambdas.domain.port.LedgerPort;
import dev.antigravity.lambdas.domain.port.PlatformEventPublisher;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Guard alarm → rollback. A service is guarded by the alarms in its {@code deploymentConfiguration.alarms} (the
 * ones ECS itself watches during a deployment); Antigravity keeps acting on them through the bake window. ALARM
 * while the newest deployment is PENDING..BAKING rolls it back (AlarmRaised); ALARM with nothing in flight is a
 * production incident (ServiceUnhealthy, which pages); OK announces the recovery.
 */
public final class HandleAlarm {
    public static final String HANDLER = "AlarmHandler";

    private final ManagedServices services;
    private final EcsPort ecs;
    private final LedgerPort ledger;
    private final RollBack rollBack;
    private final PlatformEventPublisher publisher;
    private final PlatformEvents events;
    private final Idempotency idempotency;
    private final Clock clock;
    private final AnnounceRecovery recovery;

    public HandleAlarm(
            ManagedServices services,
            EcsPort ecs,
            LedgerPort ledger,
            RollBack rollBack,
            PlatformEventPublisher publisher,
            PlatformEvents events,
            Clock clock,
            AnnounceRecovery recovery) {
        this.services = services;
        this.ecs = ecs;
        this.ledger = ledger;
        this.rollBack = rollBack;
        this.publisher = publisher;
        this.events = events;
        this.idempotency = new Idempotency(ledger, clock);
        this.clock = clock;
        this.recovery = recovery;
    }

    public Outcome handle(CloudWatchAlarmStateChange alarm) {
        if (alarm.actionsSuppressed()) { // CloudWatch holds this composite alarm's actions back: so do we
            return Outcome.of(
                    HANDLER,
                    alarm.id(),
                    Outcome.Result.IGNORED,
                    "alarm " + alarm.alarmName() + " went "
                            + alarm.state().value() + " with its actions suppressed by "
                            + alarm.state().actionsSuppressedBy()
                            + ": no rollback, no page");
        }
        if (!alarm.isAlarm() && !alarm.isRecovery()) {
            return Outcome.of(
                    HANDLER,
                    alarm.id(),
                    Outcome.Result.IGNORED,
                    "alarm " + alarm.alarmName() + " went "
                            + alarm.previousState().value() + " -> "
                            + alarm.state().value() + ": nothing to do");
        }
        // What ECS showed while finding the guarded services is what raised() falls back on: one DescribeServices each.
        Map<ManagedService, ServiceSnapshot> guarded = new LinkedHashMap<>();
        List<Outcome> misconfigured = new ArrayList<>();
        for (ManagedService service : services.all()) {
            try {
                ServiceSnapshot snapshot = ecs.describe(service.ref());
                if (snapshot.guardAlarms().contains(alarm.alarmName())) {
                    guarded.put(service, snapshot);
                }
            } catch (ConfigurationException e) {
                // One misconfigured service must not blind the others to their alarms.
                misconfigured.add(
                        Outcome.of(HANDLER, alarm.id(), Outcome.Result.REJECTED, "misconfiguration: " + e.getMessage())
                                .about(service.ref().key(), null, null));
            }
        }
        if (guarded.isEmpty()) {
            List<Outcome> parts = new ArrayList<>(misconfigured);
            parts.addFirst(Outcome.of(
                    HANDLER,
                    alarm.id(),
                    Outcome.Result.IGNORED,
                    "alarm " + alarm.alarmName() + " guards no managed service"));
            return Outcome.combine(HANDLER, alarm.id(), parts);
        }
        return idempotency.once(HANDLER, alarm.id(), () -> {
            List<Outcome> parts = new ArrayList<>(guarded.entrySet().stream()
                    .map(e -> alarm.isAlarm() ? raised(e.getKey(), e.getValue(), alarm) : cleared(e.getKey(), alarm))
                    .toList());
            parts.addAll(misconfigured);
            return Outcome.combine(HANDLER, alarm.id(), parts);
        });
    }

    /**
     * The deployment in flight: the service's head (read consistently), never an old record the history index still
     * shows as guarded — or, while a newer push's intent is not yet registered (or its record not yet written), the
     * record of the revision ECS ran when the alarm was matched to the service, if the ledger still guards it. RollBack
     * then checks, under the service's lock, that ECS really runs it.
     */
    private Optional<Deployment> inFlight(ManagedService service, ServiceSnapshot matched) {
        Optional<Deployment> head = ledger.head(service.ref())
                .flatMap(ServiceHead::revision)
                .flatMap(revision -> ledger.find(service.ref(), Deployment.idOf(revision)))
                .filter(HandleAlarm::answersAlarms);
        if (head.isPresent()) {
            return head;
        }
        return matched.primary()
                .flatMap(running -> ledger.find(service.ref(), Deployment.idOf(running.taskDefinitionArn())))
                .filter(HandleAlarm::answersAlarms);
    }

    private static boolean answersAlarms(Deployment deployment) {
        return deployment.state().isGuarded()
                || deployment.state() == DeploymentState.ROLLING_BACK
                || deployment.state() == DeploymentState.ROLLBACK_FAILED; // its page may have been lost
    }

    private Outcome raised(ManagedService service, ServiceSnapshot matched, CloudWatchAlarmStateChange alarm) {
        Optional<Deployment> guardedDeployment = inFlight(service, matched);
        if (guardedDeployment.isEmpty()) {
            // A production incident no rollback will fix: ServiceUnhealthy pages, AlarmCleared resolves it.
            publish(service, alarm, PlatformEventType.ServiceUnhealthy);
            return Outcome.of(
                            HANDLER,
                            alarm.id(),
                            Outcome.Result.APPLIED,
                            "guard alarm " + alarm.alarmName()
                                    + " in ALARM with no deployment in flight: announced only")
                    .about(service.ref().key(), null, null)
                    .withActions(List.of("publish ServiceUnhealthy"));
        }
        publish(service, alarm, PlatformEventType.AlarmRaised);
        Deployment deployment = guardedDeployment.get();
        return rollBack.start(
                        HANDLER,
                        alarm.id(),
                        deployment,
                        DeploymentEvent.GUARD_ALARM,
                        "guard alarm " + alarm.alarmName() + " in ALARM while " + deployment.state(),
                        alarm.alarmName())
                .after(List.of("publish AlarmRaised"));
    }

    private void publish(ManagedService service, CloudWatchAlarmStateChange alarm, PlatformEventType type) {
        publisher.publish(events.aboutService(
                service.ref(),
                type,
                clock.instant(),
                alarm.state().reason() == null
                        ? "guard alarm in ALARM"
                        : alarm.state().reason(),
                null,
                alarm.alarmName(),
                alarm.id()));
    }

    private Outcome cleared(ManagedService service, CloudWatchAlarmStateChange alarm) {
        return recovery.announce(HANDLER, service, alarm);
    }
}
