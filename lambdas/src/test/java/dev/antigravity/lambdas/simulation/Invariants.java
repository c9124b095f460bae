package dev.antigravity.lambdas.simulation;

import dev.antigravity.events.aws.CloudWatchAlarmStateChange.Value;
import dev.antigravity.events.platform.PlatformEventType;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentEvent;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.DeploymentStateMachine;
import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.policy.TagPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What must hold on every schedule, judged against the simulation's ground truth (what ECS really ran, which
 * images were really bad, when alarms really fired), never against what the hooks believe.
 *
 * <p>Safety, checked as it happens: every UpdateService Antigravity issues is decided under the service's lock;
 * never to what ECS's PRIMARY deployment already runs; one rollout per image and never an image pushed before one
 * already rolled out; a rollback only of the record ECS runs, to a STABLE revision, once per record, and only of a
 * revision that was bad or alarmed while it ran; ledger writes only along the state table; STABLE only for what ECS
 * runs. At the end: the service runs the newest healthy image unless it (or something newer) was rolled back or
 * failed, or a person chose otherwise after it was pushed.
 *
 * <p>Liveness: a guard alarm that goes to ALARM while a guarded record runs ends in a rollback (anyone's), a
 * RollbackFailed page or a suspension within {@link #ALARM_BOUND}; after quiescence every record is terminal and the
 * record of what Antigravity put on ECS says STABLE (or that a human must act).
 */
final class Invariants {
    static final Duration ALARM_BOUND = Duration.ofMinutes(12);
    private static final Set<DeploymentState> GAVE_UP =
            EnumSet.of(DeploymentState.FAILED, DeploymentState.ROLLED_BACK, DeploymentState.ROLLBACK_FAILED);

    record Violation(String invariant, String detail) {
        @Override
        public String toString() {
            return invariant + ": " + detail;
        }
    }

    private record Obligation(String alarm, String revision, String deploymentId, Instant since) {}

    private final SimulatedEcs ecs;
    private final LaggingLedger ledger;
    private final SimulatedRegistry registry;
    private final SimulatedCloudWatch cloudWatch;
    private final RecordingPublisher publisher;
    private final Clock clock;
    private final ServiceRef service;
    private final String baselineArn;
    private final Supplier<Invocation> caller;
    private final boolean decisionLock;
    private final List<Violation> violations = new ArrayList<>();
    private final Map<String, Integer> antigravityCalls = new HashMap<>();
    private final Map<String, String> rolloutOfDigest = new HashMap<>();
    private final Set<String> rolledBackRecords = new HashSet<>();
    private final Set<String> alarmedRevisions = new HashSet<>();
    private final Set<String> replacedByRollback = new HashSet<>();
    private final List<Obligation> obligations = new ArrayList<>();
    private Instant lastPersonUpdate;

    /** @param decisionLock whether the hooks under test take the per-service decision lock (today's main does not) */
    Invariants(
            SimulatedEcs ecs,
            LaggingLedger ledger,
            SimulatedRegistry registry,
            SimulatedCloudWatch cloudWatch,
            RecordingPublisher publisher,
            Clock clock,
            ServiceRef service,
            String baselineArn,
            Supplier<Invocation> caller,
            boolean decisionLock) {
        this.ecs = ecs;
        this.ledger = ledger;
        this.registry = registry;
        this.cloudWatch = cloudWatch;
        this.publisher = publisher;
        this.clock = clock;
        this.service = service;
        this.baselineArn = baselineArn;
        this.caller = caller;
        this.decisionLock = decisionLock;
        ecs.onUpdate(this::updated);
        ledger.onWrite(this::written);
        cloudWatch.onChange(this::alarmChanged);
    }

    List<Violation> violations() {
        return List.copyOf(violations);
    }

    void violation(String invariant, String detail) {
        violations.add(new Violation(invariant, "at " + clock.instant() + ": " + detail));
    }

    // ---- safety, as it happens ----

    private void updated(SimulatedEcs.UpdateCall call) {
        if (!call.service().equals(service)) {
            return;
        }
        // ECS moved off an alarmed revision (a rollback — anyone's — or a newer rollout): that alarm was answered,
        // however soon someone deployed it again (a person's revert is theirs to answer, and pages as
        // ServiceUnhealthy).
        obligations.removeIf(o -> !o.revision().equals(call.target()));
        if (call.origin().isOutside()) {
            if (call.origin() == Origin.ECS) {
                replacedByRollback.add(call.primaryBefore());
            } else {
                lastPersonUpdate = call.at();
            }
            return;
        }
        String target = call.target();
        SimulatedEcs.TaskDefinition td = ecs.taskDefinition(target);
        int earlierCalls = antigravityCalls.merge(target, 1, Integer::sum) - 1;
        if (decisionLock && ledger.lockHolder(service) != caller.get()) {
            violation(
                    "DECIDED_UNDER_LOCK",
                    call.invocation() + " issued UpdateService to " + id(target)
                            + " without holding the service's decision lock");
        }
        if (target.equals(call.primaryBefore()) && !call.racedSinceLastDescribe()) {
            violation(
                    "ONE_UPDATE_PER_DECISION",
                    call.invocation() + " issued UpdateService to " + id(target)
                            + ", which ECS's PRIMARY deployment already runs (" + call.primaryRolloutStateBefore()
                            + ")");
        }
        Optional<Deployment> own = ledger.peek(service, id(target));
        if (td.registeredBy == Origin.ANTIGRAVITY && earlierCalls == 0) {
            rolledOut(call, td);
        } else if (own.isPresent() && own.get().state() != DeploymentState.STABLE) {
            violation(
                    "ONE_UPDATE_PER_DECISION",
                    call.invocation() + " issued UpdateService #" + (earlierCalls + 1) + " to " + id(target)
                            + ", whose record is " + own.get().state() + " (not a rollback target)");
        } else {
            rolledBack(call, own);
        }
    }

    private void rolledOut(SimulatedEcs.UpdateCall call, SimulatedEcs.TaskDefinition td) {
        String earlier = rolloutOfDigest.putIfAbsent(td.digest, td.arn);
        if (earlier != null) {
            violation(
                    "ONE_UPDATE_PER_DECISION",
                    call.invocation() + " rolled out " + id(td.arn) + " for image " + tagOf(td.digest)
                            + ", already rolled out as " + id(earlier));
        }
        Instant pushedAt = pushedAt(td.digest);
        String running = ecs.taskDefinition(call.primaryBefore()).digest;
        if (pushedAt(running).isAfter(pushedAt) && !call.racedSinceLastDescribe()) {
            violation(
                    "NEWEST_IMAGE_WINS",
                    call.invocation() + " rolled out " + tagOf(td.digest) + " (pushed " + pushedAt + ") over "
                            + tagOf(running) + " (pushed " + pushedAt(running) + "), which ECS ran");
        }
        for (String digest : rolloutOfDigest.keySet()) {
            if (pushedAt(digest).isAfter(pushedAt)) {
                violation(
                        "NEWEST_IMAGE_WINS",
                        call.invocation() + " rolled out " + tagOf(td.digest) + " (pushed " + pushedAt + ") after "
                                + tagOf(digest) + " (pushed " + pushedAt(digest) + ") was rolled out");
            }
        }
    }

    private void rolledBack(SimulatedEcs.UpdateCall call, Optional<Deployment> targetRecord) {
        String failing = call.primaryBefore();
        Optional<Deployment> record = ledger.peek(service, id(failing));
        boolean ofWhatRuns = record.filter(d -> d.state() == DeploymentState.ROLLING_BACK
                        && call.target().equals(d.rollbackTargetArn()))
                .isPresent();
        if (!ofWhatRuns && !call.racedSinceLastDescribe()) {
            violation(
                    "ROLLBACK_ONLY_OF_WHAT_ECS_RUNS",
                    call.invocation() + " rolled back to " + id(call.target())
                            + " while ECS runs " + id(failing) + " (" + call.primaryRolloutStateBefore()
                            + "), whose record is "
                            + record.map(d -> d.state() + " targeting "
                                            + d.rollbackTarget()
                                                    .map(Invariants::id)
                                                    .orElse("nothing"))
                                    .orElse("absent (not Antigravity's)"));
        }
        if (record.isPresent() && !rolledBackRecords.add(record.get().deploymentId())) {
            violation(
                    "ONE_UPDATE_PER_DECISION",
                    call.invocation() + " issued a second rollback UpdateService for "
                            + record.get().deploymentId());
        }
        // A revision the ledger does not know ran before Antigravity acted (or was put there by a person): trusted.
        boolean stableTarget =
                targetRecord.map(d -> d.state() == DeploymentState.STABLE).orElse(true);
        if (!stableTarget) {
            violation(
                    "ROLLBACK_TARGET_STABLE",
                    call.invocation() + " rolled back to " + id(call.target()) + ", which is "
                            + targetRecord.map(d -> d.state().name()).orElse("not in the ledger"));
        }
        SimulatedEcs.TaskDefinition running = ecs.taskDefinition(failing);
        boolean bad =
                registry.image(running.digest).map(i -> i.health().isBad()).orElse(false);
        if (!bad && !alarmedRevisions.contains(failing) && !call.racedSinceLastDescribe()) {
            violation(
                    "ROLLBACK_ONLY_WHEN_BAD",
                    call.invocation() + " rolled back " + id(failing) + " (image " + tagOf(running.digest)
                            + ", healthy) though no guard alarm went to ALARM while it ran");
        }
        replacedByRollback.add(failing);
    }

    private void written(Deployment before, Deployment after) {
        if (!after.service().equals(service)) {
            return;
        }
        if (before == null) {
            if (after.state() != DeploymentState.PENDING) {
                violation("STATE_TABLE", after.deploymentId() + " created " + after.state());
            }
            return;
        }
        if (after.version() <= before.version()) {
            violation("STATE_TABLE", after.deploymentId() + " version " + before.version() + " -> " + after.version());
        }
        if (before.state() != after.state()) {
            boolean listed = false;
            for (DeploymentEvent event : DeploymentEvent.values()) {
                listed |= DeploymentStateMachine.next(before.state(), event).orElse(null) == after.state();
            }
            if (!listed || before.state().isTerminal()) {
                violation(
                        "STATE_TABLE",
                        after.deploymentId() + " " + before.state() + " -> " + after.state()
                                + " is not in the state table");
            }
        }
        if (after.state() == DeploymentState.STABLE && before.state() != DeploymentState.STABLE) {
            SimulatedEcs.Rollout primary = ecs.service(service).primary();
            Invocation writer = caller.get();
            boolean raced = writer != null && writer.outsideChangesAtLastDescribe < ecs.outsideChanges();
            if ((!primary.taskDefinitionArn.equals(after.taskDefinitionArn())
                            || !primary.rolloutState.equals("COMPLETED"))
                    && !raced) {
                violation(
                        "STABLE_ONLY_WHAT_ECS_RUNS",
                        after.deploymentId() + " promoted to STABLE while ECS runs " + id(primary.taskDefinitionArn)
                                + " (" + primary.rolloutState + ")");
            }
        }
    }

    // ---- liveness ----

    private void alarmChanged(String alarm, Value value) {
        if (value != Value.ALARM || !ecs.service(service).guardAlarms.contains(alarm)) {
            return;
        }
        String primary = ecs.service(service).primary().taskDefinitionArn;
        alarmedRevisions.add(primary);
        ledger.peek(service, id(primary))
                .filter(d -> d.state().isGuarded())
                .ifPresent(d -> obligations.add(new Obligation(alarm, primary, d.deploymentId(), clock.instant())));
    }

    /** Every guard ALARM inside a guarded window ends in a rollback, a page or a suspension within the bound. */
    void tick() {
        Instant now = clock.instant();
        String primary = ecs.service(service).primary().taskDefinitionArn;
        for (Iterator<Obligation> it = obligations.iterator(); it.hasNext(); ) {
            Obligation o = it.next();
            boolean answered = !primary.equals(o.revision())
                    || cloudWatch.state(o.alarm()) != Value.ALARM
                    || publisher.any(PlatformEventType.RollbackFailed, o.deploymentId())
                    || ledger.suspended(service);
            if (answered) {
                it.remove();
            } else if (now.isAfter(o.since().plus(ALARM_BOUND))) {
                violation(
                        "ALARM_ENDS_IN_ROLLBACK",
                        "guard alarm " + o.alarm() + " in ALARM since " + o.since()
                                + " while " + o.deploymentId() + " ran: no rollback nor RollbackFailed page within "
                                + ALARM_BOUND.toMinutes() + " min (record is "
                                + ledger.peek(service, o.deploymentId())
                                        .map(d -> d.state().name())
                                        .orElse("?") + ")");
                it.remove();
            }
        }
    }

    /** After quiescence: nothing in flight, the ledger agrees with ECS, the newest healthy image runs. */
    void atEnd(boolean quiesced, String why) {
        if (!quiesced) {
            violation("QUIESCES", why);
        }
        for (Obligation o : obligations) {
            violation(
                    "ALARM_ENDS_IN_ROLLBACK",
                    "guard alarm " + o.alarm() + " in ALARM since " + o.since() + " while " + o.deploymentId()
                            + " ran: unanswered at the end");
        }
        for (Deployment d : ledger.all()) {
            if (d.service().equals(service) && !d.state().isTerminal()) {
                violation("NOTHING_STAYS_IN_FLIGHT", d.deploymentId() + " still " + d.state() + " after quiescence");
            }
        }
        if (ledger.suspended(service)) {
            return;
        }
        SimulatedEcs.Rollout primary = ecs.service(service).primary();
        Optional<Deployment> running = ledger.peek(service, id(primary.taskDefinitionArn));
        if (primary.origin == Origin.ANTIGRAVITY
                && running.isPresent()
                && ecs.taskDefinition(primary.taskDefinitionArn).registeredBy == Origin.ANTIGRAVITY
                && running.get().state() != DeploymentState.STABLE
                && running.get().state() != DeploymentState.ROLLBACK_FAILED) {
            violation(
                    "LEDGER_AGREES_WITH_ECS",
                    "ECS runs " + id(primary.taskDefinitionArn)
                            + " (rolled out by Antigravity, " + primary.rolloutState + ") but its record is "
                            + running.get().state());
        }
        newestImageRuns(primary);
    }

    private void newestImageRuns(SimulatedEcs.Rollout primary) {
        TagPolicy policy = TagPolicy.defaultPolicy();
        List<SimulatedRegistry.Image> pushes = registry.images().stream()
                .filter(i ->
                        i.tag() != null && policy.evaluate(Optional.of(i.tag())).accepted())
                .filter(i -> i.pushedAt().isAfter(Schedule.START))
                .sorted(java.util.Comparator.comparing(SimulatedRegistry.Image::pushedAt))
                .toList();
        SimulatedRegistry.Image expected = null;
        for (SimulatedRegistry.Image image : pushes) {
            if (rolledBackOrFailed(image.digest())) {
                expected = null;
            } else if (image.health() == ImageHealth.GOOD) {
                expected = image;
            }
        }
        if (expected == null || (lastPersonUpdate != null && !lastPersonUpdate.isBefore(expected.pushedAt()))) {
            return;
        }
        String digest = ecs.taskDefinition(primary.taskDefinitionArn).digest;
        Instant runningPushedAt = pushedAt(digest);
        if (runningPushedAt.isBefore(expected.pushedAt())) {
            violation(
                    "NEWEST_IMAGE_WINS",
                    "ECS ends on " + tagOf(digest) + " (" + id(primary.taskDefinitionArn) + ") though " + expected.tag()
                            + ", pushed later and healthy, was never rolled back nor failed");
        }
    }

    private boolean rolledBackOrFailed(String digest) {
        for (SimulatedEcs.TaskDefinition td : ecs.taskDefinitions()) {
            if (!td.digest.equals(digest)) {
                continue;
            }
            String id = id(td.arn);
            if (replacedByRollback.contains(td.arn)
                    || publisher.any(PlatformEventType.RollbackFailed, id)
                    || ledger.peek(service, id)
                            .filter(d -> GAVE_UP.contains(d.state()))
                            .isPresent()) {
                return true;
            }
        }
        return false;
    }

    private Instant pushedAt(String digest) {
        return registry.image(digest).map(SimulatedRegistry.Image::pushedAt).orElse(Instant.EPOCH);
    }

    private String tagOf(String digest) {
        return registry.image(digest).map(SimulatedRegistry.Image::tag).orElse(digest.substring(0, 14));
    }

    static String id(String arn) {
        return Deployment.idOf(arn);
    }
}
