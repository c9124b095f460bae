package dev.antigravity.lambdas.fakes;

import dev.antigravity.events.aws.CloudWatchAlarmStateChange;
import dev.antigravity.lambdas.app.AcceptImage;
import dev.antigravity.lambdas.app.AnnounceRecovery;
import dev.antigravity.lambdas.app.HandleAlarm;
import dev.antigravity.lambdas.app.OperatorControls;
import dev.antigravity.lambdas.app.Outcome;
import dev.antigravity.lambdas.app.PromoteBaked;
import dev.antigravity.lambdas.app.PromoteNow;
import dev.antigravity.lambdas.app.ReconcileRegistry;
import dev.antigravity.lambdas.app.RecordDeploymentEvent;
import dev.antigravity.lambdas.app.ResumeStranded;
import dev.antigravity.lambdas.app.RollBack;
import dev.antigravity.lambdas.app.ServiceLock;
import dev.antigravity.lambdas.app.Stabilize;
import dev.antigravity.lambdas.app.VerifyDeployment;
import dev.antigravity.lambdas.domain.ManagedService;
import dev.antigravity.lambdas.domain.ManagedServices;
import dev.antigravity.lambdas.domain.PlatformEvents;
import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.Settings;
import dev.antigravity.lambdas.domain.policy.TagPolicy;
import dev.antigravity.lambdas.domain.port.AlarmPort;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Every use case wired over in-memory ports: one managed service {@code prod/api} fed by {@code antigravity/api}. */
public final class TestPlatform {
    public static final ServiceRef API = new ServiceRef("prod", "api");
    public static final String REPOSITORY = "antigravity/api";
    public static final String SERVICE_ARN = "arn:aws:ecs:us-east-1:123456789012:service/prod/api";
    public static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    public final MutableClock clock = new MutableClock(START);
    public final InMemoryLedger ledger = new InMemoryLedger();
    public final FakeEcs ecs = new FakeEcs();
    public final Fakes.Publisher publisher = new Fakes.Publisher();
    public final Fakes.Alarms alarms = new Fakes.Alarms();
    public final Fakes.Targets targets = new Fakes.Targets();
    public final Fakes.Probe probe = new Fakes.Probe(ecs, API);
    public final Fakes.Freeze freeze = new Fakes.Freeze();
    public final Fakes.Registry registry = new Fakes.Registry();
    public final Settings settings = new Settings("prod", Duration.ofMinutes(15), 3, Duration.ofMinutes(60));
    public final ManagedService service = new ManagedService(
            REPOSITORY,
            TagPolicy.defaultPolicy(),
            API,
            "api",
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/0123456789abcdef",
            URI.create("http://api.internal/health"));
    public final String baseline;

    public final ServiceLock lock;
    public final RollBack rollBack;
    public final AcceptImage acceptImage;
    public final RecordDeploymentEvent recordDeploymentEvent;
    public final HandleAlarm handleAlarm;
    public final Stabilize stabilize;
    public final OperatorControls controls;

    /**
     * Delivers a CloudWatch alarm state change the way it happens: CloudWatch's own state (what the handlers read
     * back) changes first, then the event arrives.
     */
    public Outcome alarmEvent(
            String id,
            String name,
            CloudWatchAlarmStateChange.Value from,
            CloudWatchAlarmStateChange.Value to,
            Instant at) {
        AlarmPort.AlarmStatus status = AlarmPort.AlarmStatus.valueOf(to.name());
        if (alarms.states.get(name) != status) {
            // An alarm evaluates whole periods: it flips a moment after what caused it, never at the same instant.
            clock.advance(java.time.Duration.ofSeconds(1));
            alarms.since.put(name, clock.instant());
        }
        alarms.states.put(name, status);
        return handleAlarm.handle(TestEvents.alarm(id, name, from, to, at));
    }

    private static java.util.function.Supplier<String> owners() {
        AtomicLong counter = new AtomicLong();
        return () -> "owner-" + counter.incrementAndGet();
    }

    public TestPlatform() {
        baseline = ecs.seed(
                API,
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/antigravity/api@sha256:" + "0".repeat(64),
                "sha-0000000");
        ManagedServices services = new ManagedServices(List.of(service));
        PlatformEvents events = new PlatformEvents("prod");
        ecs.clock = clock::instant;
        // No heartbeat: the tests move the clock by hand, and a decision outlives its lease only where a test says so.
        lock = new ServiceLock(
                ledger,
                clock,
                ServiceLock.DEFAULT_LEASE,
                pause -> clock.advance(pause),
                (every, beat) -> () -> {},
                owners());
        acceptImage = new AcceptImage(services, ecs, registry, ledger, freeze, publisher, events, lock, clock);
        VerifyDeployment verify = new VerifyDeployment(ecs, targets, probe, alarms);
        rollBack = new RollBack(ecs, ledger, publisher, events, settings, lock, alarms, clock);
        recordDeploymentEvent =
                new RecordDeploymentEvent(services, ecs, ledger, verify, rollBack, publisher, events, settings, clock);
        handleAlarm = new HandleAlarm(
                services,
                ecs,
                ledger,
                rollBack,
                publisher,
                events,
                clock,
                new AnnounceRecovery(ecs, alarms, publisher, events, clock));
        stabilize = new Stabilize(
                services,
                ledger,
                new PromoteBaked(ecs, ledger, verify, rollBack, publisher, events, lock, clock),
                new ResumeStranded(ecs, ledger, acceptImage, rollBack, recordDeploymentEvent, settings, clock),
                new ReconcileRegistry(ledger, registry, acceptImage, clock));
        controls = new OperatorControls(
                services,
                ledger,
                rollBack,
                new PromoteNow(ecs, ledger, rollBack, verify, publisher, events, lock, clock),
                freeze);
    }
}
