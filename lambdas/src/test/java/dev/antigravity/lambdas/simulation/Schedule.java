package dev.antigravity.lambdas.simulation;

import dev.antigravity.events.aws.CloudWatchAlarmStateChange;
import dev.antigravity.events.aws.CloudWatchAlarmStateChange.Value;
import dev.antigravity.events.aws.EcrImageAction;
import dev.antigravity.events.aws.EcsDeploymentStateChange;
import dev.antigravity.events.platform.TimelineKey;
import dev.antigravity.lambdas.app.Outcome;
import dev.antigravity.lambdas.app.ServiceLock;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.ImageRef;
import dev.antigravity.lambdas.domain.ManagedService;
import dev.antigravity.lambdas.domain.ManagedServices;
import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.Settings;
import dev.antigravity.lambdas.domain.policy.TagPolicy;
import dev.antigravity.lambdas.domain.port.AlarmPort;
import dev.antigravity.lambdas.domain.port.EcsPort;
import dev.antigravity.lambdas.domain.port.FreezeSwitch;
import dev.antigravity.lambdas.domain.port.HealthProbe;
import dev.antigravity.lambdas.domain.port.LedgerPort;
import dev.antigravity.lambdas.domain.port.PlatformEventPublisher;
import dev.antigravity.lambdas.domain.port.RegistryPort;
import dev.antigravity.lambdas.domain.port.TargetHealthPort;
import dev.antigravity.lambdas.fakes.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One seeded schedule: a service on the simulated AWS, a scenario drawn from the seed (pushes of good and bad
 * images, alarm noise, an incident, people and Terraform deploying, revisions deregistered, autoscaling, AWS
 * throttling, crashes, duplicate and reordered events, a lagging index), the hooks' invocations interleaved at
 * every port call, then quiescence (everything delivered, faults off, time advancing past the stranded bound and
 * the bake) and the invariants. The same seed replays the same schedule exactly.
 */
final class Schedule {
    static final Instant START = Instant.parse("2026-11-26T10:00:00Z");
    static final ServiceRef SERVICE = new ServiceRef("prod", "api");
    static final String REPOSITORY = "antigravity/api";
    static final String ALARM = "api-5xx";
    static final String BLUE =
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api-blue/0123456789abcdef";
    /** A second service fed by the same repository (in a quarter of the schedules): nothing of it may go wrong. */
    static final ServiceRef BYSTANDER = new ServiceRef("prod", "web");

    static final String BYSTANDER_ALARM = "web-5xx";
    static final String BYSTANDER_TARGETS =
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/00112233445566ff";
    static final String GREEN =
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api-green/fedcba9876543210";
    static final Duration TICK = Duration.ofSeconds(30);
    static final int STABILIZER_EVERY = 2;
    static final Settings SETTINGS =
            new Settings("prod", Duration.ofMinutes(2), 3, Duration.ofMinutes(60), Duration.ofMinutes(1));
    /** The hooks' Lambda timeout (terraform/modules/deploy-hooks): an invocation still running then is killed. */
    static final Duration LAMBDA_TIMEOUT = Duration.ofSeconds(120);
    /** Quiescence lasts at least past the lock lease, the stranded bound and the push grace (2 min)... */
    static final int MIN_QUIESCE_TICKS = 8;
    /** ...and at most this long: a schedule still busy then does not quiesce (a liveness failure). */
    static final int MAX_QUIESCE_TICKS = 60;

    private static final int MAX_PORT_CALLS = 20_000;

    /** A scheduled stabilizer run (the EventBridge schedule's event). */
    record StabilizerTick(String id) {}

    private record Action(int tick, String what, Runnable run) {}

    /** A lock holder's heartbeat (identity matters: one per decision). */
    private static final class Beat {
        final Invocation invocation;
        final BooleanSupplier renew;

        Beat(Invocation invocation, BooleanSupplier renew) {
            this.invocation = invocation;
            this.renew = renew;
        }
    }

    final long seed;
    private final SplittableRandom random;
    private final boolean tracing;
    private final StringBuilder trace = new StringBuilder();
    private final MutableClock clock = new MutableClock(START);
    private final EventBus bus = new EventBus();
    private final SimulatedCloudWatch cloudWatch = new SimulatedCloudWatch(clock, bus);
    private final SimulatedRegistry registry = new SimulatedRegistry(clock, bus);
    private final Interleaver interleaver;
    private final SimulatedEcs ecs;
    private final LaggingLedger ledger;
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final List<Invariants> invariants = new ArrayList<>();
    private final boolean bystander;
    private final SimulatedPlatform platform;
    private final List<Action> actions = new ArrayList<>();
    private final List<Invocation> suspended = new ArrayList<>();
    private final List<Beat> beats = new ArrayList<>();
    private final String baseline;

    // the scenario
    private final int activeTicks;
    private final double faultRate;
    private final double crashRate;
    private final double duplicateRate;
    private final double switchRate = 0.3;
    private final int maxConcurrent;
    private ImageHealth baselineHealth = ImageHealth.GOOD;
    private int insufficientDataUntil = -1;
    private int noiseFrom = -1;
    private int noiseUntil = -1;

    private int tick;
    private int invocations;
    private int portCalls;
    private boolean quiescing;
    private int lockOwners;

    Schedule(long seed, boolean tracing, Interleaver interleaver) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.tracing = tracing;
        this.interleaver = interleaver;
        Supplier<Invocation> caller = interleaver::current;
        this.ecs = new SimulatedEcs(clock, bus, cloudWatch, this::healthOf, caller);
        this.ledger = new LaggingLedger(clock, random, random.nextInt(4), caller);

        activeTicks = 8 + random.nextInt(17);
        faultRate = new double[] {0, 0.01, 0.03}[random.nextInt(3)];
        crashRate = new double[] {0, 0.004, 0.012}[random.nextInt(3)];
        duplicateRate = random.nextInt(3) == 0 ? 0 : 0.15;
        maxConcurrent = 1 + random.nextInt(3);
        boolean incident = random.nextInt(12) == 0;
        boolean rollsBackOnAlarm = !incident && random.nextBoolean();
        boolean blueGreen = random.nextInt(7) == 0;
        int desired = 2 + random.nextInt(2);
        if (incident) {
            baselineHealth = ImageHealth.ERRORS;
        }
        cloudWatch.create(ALARM, incident ? Value.ALARM : Value.OK);
        if (!incident && random.nextInt(10) == 0) {
            cloudWatch.create(ALARM, Value.INSUFFICIENT_DATA);
            insufficientDataUntil = 2 + random.nextInt(6);
        }
        String baselineImage = registry.repositoryUri(REPOSITORY) + "@" + digest(0);
        registry.seed(new SimulatedRegistry.Image(
                REPOSITORY, digest(0), tag(0), START.minus(Duration.ofDays(1)), baselineHealth));
        baseline = ecs.create(
                new SimulatedEcs.Service(
                        SERVICE, List.of(ALARM), rollsBackOnAlarm, BLUE, blueGreen ? GREEN : null, desired),
                "api",
                baselineImage,
                Map.of("APP_VERSION", tag(0)));
        if (random.nextInt(10) < 7) {
            ledger.seed(stable(SERVICE, baseline));
        }
        invariants.add(new Invariants(
                ecs, ledger, registry, cloudWatch, publisher, clock, SERVICE, baseline, caller, Hooks.DECISION_LOCK));
        // Drawn from its own generator, so that a schedule without the bystander is the one it always was.
        SplittableRandom side = new SplittableRandom(~seed);
        bystander = side.nextInt(4) == 0;
        if (bystander) {
            cloudWatch.create(BYSTANDER_ALARM, Value.OK);
            String web = ecs.create(
                    new SimulatedEcs.Service(
                            BYSTANDER, List.of(BYSTANDER_ALARM), side.nextBoolean(), BYSTANDER_TARGETS, null, 2),
                    "web",
                    baselineImage,
                    Map.of("APP_VERSION", tag(0)));
            if (side.nextBoolean()) {
                ledger.seed(stable(BYSTANDER, web));
            }
            invariants.add(new Invariants(
                    ecs, ledger, registry, cloudWatch, publisher, clock, BYSTANDER, web, caller, Hooks.DECISION_LOCK));
        }
        scenario(incident);
        if (tracing) {
            ecs.onUpdate(call -> note(() -> "UpdateService by " + call.invocation() + ": "
                    + Deployment.idOf(call.primaryBefore()) + " -> " + Deployment.idOf(call.target()) + " = "
                    + call.deploymentId()));
            ledger.onWrite((before, after) -> note(() -> "ledger " + after.deploymentId() + " "
                    + (before == null ? "created" : before.state() + "/" + before.version()) + " -> " + after.state()
                    + "/" + after.version() + (after.rollbackIssued() ? " rollbackIssued" : "")
                    + (after.rolloutIssued() ? " rolloutIssued" : "")));
        }
        note(() -> "seed " + seed + ": " + activeTicks + " active ticks, faults " + faultRate + ", crashes " + crashRate
                + ", duplicates " + duplicateRate + ", concurrency " + maxConcurrent + ", rollsBackOnAlarm "
                + rollsBackOnAlarm + ", blueGreen " + blueGreen + ", desired " + desired + ", baseline "
                + baselineHealth
                + (insufficientDataUntil > 0 ? ", INSUFFICIENT_DATA until tick " + insufficientDataUntil : "")
                + (bystander ? ", bystander " + BYSTANDER : ""));

        URI apiHealth = URI.create("http://api.internal/health");
        URI webHealth = URI.create("http://web.internal/health");
        List<ManagedService> managed = new ArrayList<>();
        managed.add(new ManagedService(
                REPOSITORY, TagPolicy.defaultPolicy(), SERVICE, "api", BLUE, blueGreen ? GREEN : null, apiHealth));
        if (bystander) {
            managed.add(new ManagedService(
                    REPOSITORY, TagPolicy.defaultPolicy(), BYSTANDER, "web", BYSTANDER_TARGETS, null, webHealth));
        }
        SimulatedLoadBalancer loadBalancer = new SimulatedLoadBalancer(
                ecs, Map.of(apiHealth, SERVICE, webHealth, BYSTANDER), this::healthOf, random);
        FreezeSwitch notFrozen = new FreezeSwitch() { // nobody freezes deployments in the simulation
                    @Override
                    public Optional<String> frozen() {
                        return Optional.empty();
                    }

                    @Override
                    public void freeze() {
                        throw new UnsupportedOperationException("the simulation never freezes");
                    }

                    @Override
                    public boolean lift() {
                        return false;
                    }
                };
        PortCalls.Hook hook = new PortCalls.Hook() {
            @Override
            public void before(String port, String method) {
                beforePortCall(port, method);
            }

            @Override
            public void after(String port, String method) {
                afterPortCall(port, method);
            }
        };
        SimulatedPlatform.Ports ports = new SimulatedPlatform.Ports(
                PortCalls.intercept(EcsPort.class, ecs, hook),
                PortCalls.intercept(LedgerPort.class, ledger, hook),
                PortCalls.intercept(RegistryPort.class, registry, hook),
                PortCalls.intercept(AlarmPort.class, cloudWatch, hook),
                PortCalls.intercept(TargetHealthPort.class, loadBalancer, hook),
                PortCalls.intercept(HealthProbe.class, loadBalancer, hook),
                PortCalls.intercept(FreezeSwitch.class, notFrozen, hook),
                PortCalls.intercept(PlatformEventPublisher.class, publisher, hook));
        ServiceLock lock = new ServiceLock(
                ports.ledger(),
                clock,
                ServiceLock.DEFAULT_LEASE,
                wait -> pause(),
                this::heartbeat,
                () -> "lock-owner-" + ++lockOwners);
        platform = new SimulatedPlatform(new ManagedServices(managed), ports, SETTINGS, clock, lock);
    }

    /** The hooks' configuration switches that differ between designs (today's main has no decision lock). */
    static final class Hooks {
        static final boolean DECISION_LOCK = true;

        private Hooks() {}
    }

    private static Deployment stable(ServiceRef service, String revision) {
        Map<TimelineKey, Instant> timeline = new EnumMap<>(TimelineKey.class);
        timeline.put(TimelineKey.imagePushedAt, START.minus(Duration.ofDays(1)));
        timeline.put(TimelineKey.acceptedAt, START.minus(Duration.ofHours(1)));
        timeline.put(TimelineKey.stableAt, START.minus(Duration.ofMinutes(30)));
        return new Deployment(
                service,
                Deployment.idOf(revision),
                revision,
                null,
                null,
                new ImageRef(REPOSITORY, digest(0), tag(0)),
                DeploymentState.STABLE,
                "ecs-svc/1001",
                true,
                timeline,
                "deployed before the simulation",
                null,
                false,
                null,
                6);
    }

    private void scenario(boolean incident) {
        int count = 1 + random.nextInt(3);
        for (int i = 1; i <= count; i++) {
            ImageHealth health = incident && i == 1 ? ImageHealth.GOOD : drawHealth();
            int n = i;
            // ECR's pushedAt has millisecond resolution: two pushes never tie.
            action(random.nextInt(activeTicks), "push " + tag(n) + " (" + health + ")", () -> {
                clock.advance(Duration.ofMillis(1));
                registry.push(REPOSITORY, digest(n), tag(n), health);
            });
        }
        if (random.nextInt(5) == 0) {
            noiseFrom = random.nextInt(activeTicks);
            noiseUntil = noiseFrom + 1 + random.nextInt(3);
        }
        if (random.nextInt(12) == 0) {
            action(random.nextInt(activeTicks), "a person deploys a hotfix by hand", this::hotfixByHand);
        }
        if (random.nextInt(14) == 0) {
            action(random.nextInt(activeTicks), "a person reverts to the last COMPLETED revision", () -> {
                String previous = ecs.service(SERVICE).lastCompletedArn;
                if (!previous.equals(ecs.service(SERVICE).primary().taskDefinitionArn) && ecs.isActive(previous)) {
                    ecs.update(SERVICE, previous, Origin.HUMAN, null);
                }
            });
        }
        if (random.nextInt(20) == 0) {
            action(random.nextInt(activeTicks), "terraform apply puts the baseline revision back", () -> {
                if (ecs.isActive(baseline)) {
                    ecs.update(SERVICE, baseline, Origin.TERRAFORM, null);
                }
            });
        }
        if (random.nextInt(8) == 0) {
            action(random.nextInt(activeTicks), "a person deregisters an old revision", this::deregisterOld);
        }
        if (random.nextInt(8) == 0) {
            int to = 1 + random.nextInt(4);
            action(random.nextInt(activeTicks), "autoscaling sets desired " + to, () -> ecs.scale(SERVICE, to));
        }
    }

    private ImageHealth drawHealth() {
        int roll = random.nextInt(20);
        return roll < 12
                ? ImageHealth.GOOD
                : roll < 15 ? ImageHealth.ERRORS : roll < 17 ? ImageHealth.CRASH : ImageHealth.SICK;
    }

    private void action(int atTick, String what, Runnable run) {
        actions.add(new Action(atTick, what, run));
    }

    private void hotfixByHand() {
        int n = 900 + tick;
        clock.advance(Duration.ofMillis(1));
        registry.push(REPOSITORY, digest(n), "hotfix-" + n, ImageHealth.GOOD);
        String arn = ecs.registerByHand(
                ecs.service(SERVICE).primary().taskDefinitionArn,
                registry.repositoryUri(REPOSITORY) + "@" + digest(n),
                Map.of("APP_VERSION", "hotfix-" + n));
        ecs.update(SERVICE, arn, Origin.HUMAN, null);
    }

    private void deregisterOld() {
        String primary = ecs.service(SERVICE).primary().taskDefinitionArn;
        List<String> older = ecs.taskDefinitions().stream()
                .filter(td -> td.active)
                .map(td -> td.arn)
                .filter(arn -> revisionOf(arn) < revisionOf(primary))
                .toList();
        if (!older.isEmpty()) {
            String arn = older.get(random.nextInt(older.size()));
            note(() -> "deregister " + Deployment.idOf(arn));
            ecs.deregister(arn);
        }
    }

    private static int revisionOf(String arn) {
        return Integer.parseInt(arn.substring(arn.lastIndexOf(':') + 1));
    }

    static String digest(int n) {
        return "sha256:" + String.format("%064x", n);
    }

    static String tag(int n) {
        return "sha-" + String.format("%07x", 0x1111111 * n % 0xfffffff);
    }

    private ImageHealth healthOf(String digest) {
        return registry.image(digest).map(SimulatedRegistry.Image::health).orElse(ImageHealth.GOOD);
    }

    // ---- the run ----

    /** Runs the schedule to its end and returns the violations (empty when every invariant held). */
    List<Invariants.Violation> run() {
        String unsettled = null;
        while (true) {
            quiescing = tick >= activeTicks;
            boolean canResume = !suspended.isEmpty();
            boolean canDeliver = bus.hasDue(clock.instant()) && suspended.size() < maxConcurrent;
            if (portCalls > MAX_PORT_CALLS) {
                unsettled = "still busy after " + MAX_PORT_CALLS + " port calls";
                break;
            }
            if (quiescing && !canResume && !canDeliver) {
                if (tick >= activeTicks + MIN_QUIESCE_TICKS
                        && bus.isEmpty()
                        && ecs.settled()
                        && ledger.all().stream().allMatch(d -> d.state().isTerminal())) {
                    break;
                }
                if (tick >= activeTicks + MAX_QUIESCE_TICKS) {
                    unsettled = "not settled " + MAX_QUIESCE_TICKS + " ticks after events stopped: ECS settled "
                            + ecs.settled() + ", events pending " + !bus.isEmpty();
                    break;
                }
                tick();
                continue;
            }
            int resumeWeight = canResume ? 4 : 0;
            int deliverWeight = canDeliver ? 3 : 0;
            int tickWeight = quiescing ? 0 : 1;
            int roll = random.nextInt(resumeWeight + deliverWeight + tickWeight);
            if (roll < resumeWeight) {
                Invocation next = suspended.remove(random.nextInt(suspended.size()));
                settle(interleaver.resume(next));
            } else if (roll < resumeWeight + deliverWeight) {
                deliver();
            } else {
                tick();
            }
        }
        for (Invocation left : List.copyOf(suspended)) {
            left.killed = true;
            suspended.remove(left);
            settle(interleaver.resume(left));
        }
        List<Invariants.Violation> violations = new ArrayList<>();
        for (Invariants each : invariants) {
            each.atEnd(unsettled == null, unsettled);
            violations.addAll(each.violations());
        }
        return violations;
    }

    private void tick() {
        tick++;
        clock.advance(TICK);
        beat();
        ledger.catchUp();
        ecs.tick();
        evaluateAlarm();
        if (!quiescing) {
            for (Action action : actions) {
                if (action.tick() == tick) {
                    note(() -> action.what());
                    action.run().run();
                }
            }
        }
        beat(); // again: a push above moved the clock by a millisecond
        if (tick % STABILIZER_EVERY == 0) {
            bus.publish(new StabilizerTick("schedule-" + tick), clock.instant());
        }
        invariants.forEach(Invariants::tick);
    }

    /** A guard alarm fires while tasks of an erroring image serve, or (the main service's) while the noise lasts. */
    private void evaluateAlarm() {
        if (bystander) {
            boolean errors =
                    ecs.runningDigests(BYSTANDER).keySet().stream().anyMatch(d -> healthOf(d) == ImageHealth.ERRORS);
            Value next = errors ? Value.ALARM : Value.OK;
            if (next != cloudWatch.state(BYSTANDER_ALARM)) {
                note(() -> "alarm " + BYSTANDER_ALARM + " -> " + next);
            }
            cloudWatch.set(BYSTANDER_ALARM, next);
        }
        boolean errors = ecs.runningDigests(SERVICE).keySet().stream().anyMatch(d -> healthOf(d) == ImageHealth.ERRORS);
        boolean noise = tick >= noiseFrom && tick < noiseUntil;
        Value next = errors || noise ? Value.ALARM : tick < insufficientDataUntil ? Value.INSUFFICIENT_DATA : Value.OK;
        if (next != cloudWatch.state(ALARM)) {
            note(() -> "alarm " + ALARM + " -> " + next);
        }
        cloudWatch.set(ALARM, next);
    }

    private void deliver() {
        EventBus.Delivery delivery = bus.take(random, clock.instant(), quiescing ? 0 : duplicateRate);
        Object event = delivery.event();
        String id = "inv-" + ++invocations;
        Runnable body = switch (event) {
            case EcrImageAction push -> () -> outcome(platform.acceptImage.handle(push));
            case EcsDeploymentStateChange change -> () -> outcome(platform.recordDeploymentEvent.handle(change));
            case CloudWatchAlarmStateChange alarm -> () -> outcome(platform.handleAlarm.handle(alarm));
            case StabilizerTick run -> () -> outcome(platform.stabilize.run(run.id()));
            default -> throw new IllegalStateException("no handler for " + event);
        };
        Invocation invocation = new Invocation(id, delivery, body, clock.instant());
        note(() ->
                id + " <- " + describe(event) + (delivery.attempt() > 0 ? " (retry " + delivery.attempt() + ")" : ""));
        settle(interleaver.start(invocation));
    }

    private void outcome(Outcome outcome) {
        if (tracing) {
            note(() -> interleaver.current() + " -> " + outcome.result() + ": " + outcome.reason()
                    + (outcome.actions().isEmpty() ? "" : " " + outcome.actions()));
        }
    }

    private void settle(Interleaver.Step step) {
        Invocation invocation = step.invocation();
        if (!step.finished()) {
            suspended.add(invocation);
            return;
        }
        Throwable failure = step.failure();
        if (failure == null) {
            return;
        }
        if (failure instanceof PortCalls.Killed || failure instanceof RuntimeException) {
            note(() -> invocation + " failed: " + failure
                    + (quiescing || invocation.delivery.attempt() >= EventBus.RETRIES ? "" : " (Lambda retries)"));
            bus.failed(invocation.delivery, clock.instant());
        } else {
            invariants.getFirst().violation("NO_SIMULATION_ERROR", invocation + " threw " + failure);
        }
    }

    // ---- the scheduling points ----

    private void beforePortCall(String port, String method) {
        Invocation invocation = interleaver.current();
        if (invocation == null) {
            return;
        }
        if (invocation.killed) {
            throw new PortCalls.Killed(port + "." + method);
        }
        if (clock.instant().isAfter(invocation.startedAt.plus(LAMBDA_TIMEOUT))) {
            invocation.killed = true;
            note(() -> invocation + " timed out before " + port + "." + method);
            throw new PortCalls.Killed(port + "." + method + " (Lambda timeout)");
        }
        invocation.portCalls++;
        if (++portCalls > MAX_PORT_CALLS) {
            invocation.killed = true;
            throw new PortCalls.Killed(port + "." + method + " (port-call budget spent)");
        }
        if (!quiescing && crashRate > 0 && random.nextDouble() < crashRate) {
            invocation.killed = true;
            note(() -> invocation + " killed before " + port + "." + method);
            throw new PortCalls.Killed(port + "." + method);
        }
        boolean others = !suspended.isEmpty() || bus.hasDue(clock.instant());
        if (random.nextDouble() < (others ? switchRate : switchRate / 6)) {
            if (tracing) {
                note(() -> invocation + " yields at " + port + "." + method);
            }
            interleaver.yieldToDriver();
            if (invocation.killed || clock.instant().isAfter(invocation.startedAt.plus(LAMBDA_TIMEOUT))) {
                invocation.killed = true;
                throw new PortCalls.Killed(port + "." + method + " (killed or timed out while suspended)");
            }
        }
        if (!quiescing && faultRate > 0 && random.nextDouble() < faultRate) {
            note(() -> invocation + " gets a throttling error from " + port + "." + method);
            throw new PortCalls.TransientAwsException(port + "." + method + ": ThrottlingException (simulated)");
        }
    }

    /**
     * The decision lock's heartbeat: it beats while its invocation lives and stops with it — a crash, or Lambda's
     * timeout, even while the invocation is suspended in a slow call. The lease is one tick long, so it beats when the
     * clock moves: right after the tick, and after the tick's actions (a push moves the clock a millisecond on).
     */
    private ServiceLock.Heartbeat.Beating heartbeat(Duration every, BooleanSupplier renew) {
        Beat beat = new Beat(interleaver.current(), renew);
        beats.add(beat);
        return () -> beats.remove(beat);
    }

    private void beat() {
        Instant now = clock.instant();
        beats.removeIf(beat -> beat.invocation == null
                || beat.invocation.killed
                || now.isAfter(beat.invocation.startedAt.plus(LAMBDA_TIMEOUT))
                || !beat.renew.getAsBoolean());
    }

    /** A handler waiting for the service lock lets the others run (it would sleep in Lambda). */
    private void pause() {
        Invocation invocation = interleaver.current();
        if (invocation != null) {
            note(() -> invocation + " waits for the service lock");
            interleaver.yieldToDriver();
            if (invocation.killed) {
                throw new PortCalls.Killed("a wait for the service lock");
            }
        }
    }

    private void afterPortCall(String port, String method) {
        Invocation invocation = interleaver.current();
        if (invocation != null
                && !quiescing
                && faultRate > 0
                && method.equals("updateService")
                && random.nextDouble() < faultRate * 3) {
            note(() -> invocation + " loses the response of " + port + "." + method + " (it was applied)");
            throw new PortCalls.TransientAwsException(port + "." + method + ": timed out after the request was sent");
        }
    }

    private String describe(Object event) {
        return switch (event) {
            case EcrImageAction push -> "ECR push " + push.imageTag() + " " + push.id();
            case EcsDeploymentStateChange change ->
                "ECS " + change.deploymentId() + " " + change.phase() + " " + change.id();
            case CloudWatchAlarmStateChange alarm ->
                "alarm " + alarm.alarmName() + " " + alarm.previousState().value() + "->"
                        + alarm.state().value() + " " + alarm.id();
            case StabilizerTick run -> "stabilizer " + run.id();
            default -> event.toString();
        };
    }

    private void note(Supplier<String> line) {
        if (tracing) {
            Instant now = clock.instant();
            trace.append(String.format(
                    "[%s t%d] %s%n",
                    Duration.between(START, now).toString().substring(2).toLowerCase(), tick, line.get()));
        }
    }

    String trace() {
        return trace.toString();
    }

    int portCalls() {
        return portCalls;
    }
}
