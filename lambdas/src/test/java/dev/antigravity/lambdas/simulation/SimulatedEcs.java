package dev.antigravity.lambdas.simulation;

import dev.antigravity.events.aws.EcsDeploymentStateChange;
import dev.antigravity.events.aws.EcsDeploymentStateChange.Phase;
import dev.antigravity.events.aws.EventEnvelope;
import dev.antigravity.lambdas.domain.ConfigurationException;
import dev.antigravity.lambdas.domain.EcsRejectedException;
import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.port.EcsPort;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * ECS as documented, for the simulation. Task definitions are ACTIVE until deregistered (INACTIVE), and
 * UpdateService refuses an INACTIVE one. Every UpdateService starts a new deployment with its own id — a rollback
 * too — that becomes PRIMARY while the previous ones turn ACTIVE and drain; its rolloutState moves IN_PROGRESS →
 * COMPLETED over ticks (tasks start, old tasks stop). The deployment circuit breaker fails a deployment whose tasks
 * keep failing to start, and ECS then rolls back by itself: a new deployment of the last COMPLETED revision. With
 * deployment alarms set to roll back, a guard alarm in ALARM while a deployment is IN_PROGRESS (including ECS's bake
 * time after steady state) does the same.
 * Autoscaling changes the desired count; blue/green places each deployment in the target group that is not live and
 * switches traffic when it completes. Every change of rolloutState is an "ECS Deployment State Change" event.
 */
final class SimulatedEcs implements EcsPort {
    static final String TASK_DEFINITION_PREFIX = "arn:aws:ecs:us-east-1:123456789012:task-definition/";
    static final int CIRCUIT_BREAKER_THRESHOLD = 2;
    /**
     * With deployment alarms, ECS keeps a deployment IN_PROGRESS for a bake time after it reached steady state (its
     * length ECS derives from the alarms; here two ticks) and fails it if a guard alarm fires meanwhile.
     */
    static final int ALARM_BAKE_TICKS = 2;

    /** A registered revision and the digest it runs. */
    static final class TaskDefinition {
        final String arn;
        final String image;
        final String digest;
        final Map<String, String> environment;
        final Origin registeredBy;
        boolean active = true;

        TaskDefinition(String arn, String image, Map<String, String> environment, Origin registeredBy) {
            this.arn = arn;
            this.image = image;
            this.digest = image.substring(image.indexOf('@') + 1);
            this.environment = Map.copyOf(environment);
            this.registeredBy = registeredBy;
        }
    }

    /** One entry of the service's deployments. */
    static final class Rollout {
        final String id;
        final String taskDefinitionArn;
        final Instant createdAt;
        final String targetGroup;
        final Origin origin;
        String status = "PRIMARY";
        String rolloutState = "IN_PROGRESS";
        int running;
        int failedTasks;
        int bakedTicks;

        Rollout(String id, String taskDefinitionArn, Instant createdAt, String targetGroup, Origin origin) {
            this.id = id;
            this.taskDefinitionArn = taskDefinitionArn;
            this.createdAt = createdAt;
            this.targetGroup = targetGroup;
            this.origin = origin;
        }
    }

    /** A service and its deployment configuration. */
    static final class Service {
        final ServiceRef ref;
        final String serviceArn;
        final List<String> guardAlarms;
        final boolean rollsBackOnAlarm;
        final String blueTargetGroup;
        final String greenTargetGroup;
        final List<Rollout> rollouts = new ArrayList<>();
        /** Every rollout ever started, as ListServiceDeployments keeps them (DescribeServices forgets them). */
        final List<Rollout> everStarted = new ArrayList<>();

        int desired;
        String liveTargetGroup;
        String lastCompletedArn;

        Service(
                ServiceRef ref,
                List<String> guardAlarms,
                boolean rollsBackOnAlarm,
                String blueTargetGroup,
                String greenTargetGroup,
                int desired) {
            this.ref = ref;
            this.serviceArn = "arn:aws:ecs:us-east-1:123456789012:service/" + ref.cluster() + "/" + ref.service();
            this.guardAlarms = List.copyOf(guardAlarms);
            this.rollsBackOnAlarm = rollsBackOnAlarm;
            this.blueTargetGroup = blueTargetGroup;
            this.greenTargetGroup = greenTargetGroup;
            this.liveTargetGroup = blueTargetGroup;
            this.desired = desired;
        }

        boolean isBlueGreen() {
            return greenTargetGroup != null;
        }

        Rollout primary() {
            return rollouts.stream()
                    .filter(r -> r.status.equals("PRIMARY"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    /**
     * One UpdateService that reached ECS.
     *
     * @param primaryBefore          the PRIMARY revision when the call arrived
     * @param racedSinceLastDescribe the caller's last DescribeServices predates an outside change (a human, Terraform
     *                               or ECS itself acted since): the caller could not have known
     */
    record UpdateCall(
            Origin origin,
            String invocation,
            ServiceRef service,
            String target,
            String primaryBefore,
            String primaryRolloutStateBefore,
            boolean racedSinceLastDescribe,
            String deploymentId,
            Instant at) {}

    private final Clock clock;
    private final EventBus bus;
    private final SimulatedCloudWatch alarms;
    private final Function<String, ImageHealth> truth;
    private final Supplier<Invocation> caller;
    private final Map<String, TaskDefinition> taskDefinitions = new LinkedHashMap<>();
    private final Map<ServiceRef, Service> services = new LinkedHashMap<>();
    /** Services whose rollout waits for a lifecycle hook's answer: ECS does not move them on. */
    private final java.util.Set<ServiceRef> awaitingHook = new java.util.HashSet<>();

    private final Map<String, Integer> nextRevision = new HashMap<>();
    private final List<Consumer<UpdateCall>> onUpdate = new ArrayList<>();
    private long outsideChanges;
    private int deploymentSequence = 1000;
    private int eventSequence;

    SimulatedEcs(
            Clock clock,
            EventBus bus,
            SimulatedCloudWatch alarms,
            Function<String, ImageHealth> truth,
            Supplier<Invocation> caller) {
        this.clock = clock;
        this.bus = bus;
        this.alarms = alarms;
        this.truth = truth;
        this.caller = caller;
    }

    void onUpdate(Consumer<UpdateCall> listener) {
        onUpdate.add(listener);
    }

    /** Creates a service already running {@code image} (its deployment COMPLETED before the simulation starts). */
    String create(Service service, String family, String image, Map<String, String> environment) {
        String arn = register(family, image, environment, Origin.TERRAFORM);
        services.put(service.ref, service);
        Rollout initial =
                new Rollout(nextDeploymentId(), arn, clock.instant(), service.liveTargetGroup, Origin.TERRAFORM);
        initial.rolloutState = "COMPLETED";
        initial.running = service.desired;
        service.rollouts.add(initial);
        service.everStarted.add(initial);
        service.lastCompletedArn = arn;
        return arn;
    }

    // ---- EcsPort: what the hooks see ----

    @Override
    public ServiceSnapshot describe(ServiceRef ref) {
        Service service = services.get(ref);
        if (service == null) {
            throw new ConfigurationException("ECS service " + ref + " does not exist");
        }
        Invocation invocation = caller.get();
        if (invocation != null) {
            invocation.outsideChangesAtLastDescribe = outsideChanges;
        }
        Rollout primary = service.primary();
        int running = 0;
        int others = 0;
        List<EcsDeployment> deployments = new ArrayList<>();
        for (Rollout rollout : service.rollouts) {
            running += rollout.running;
            if (!rollout.taskDefinitionArn.equals(primary.taskDefinitionArn)) {
                others += rollout.running;
            }
            deployments.add(new EcsDeployment(
                    rollout.id,
                    rollout.status,
                    rollout.taskDefinitionArn,
                    rollout.rolloutState,
                    rollout.running,
                    rollout == primary ? service.desired : 0,
                    rollout.failedTasks,
                    rollout.createdAt));
        }
        return new ServiceSnapshot(
                ref,
                primary.taskDefinitionArn,
                service.desired,
                running,
                others,
                deployments,
                service.guardAlarms,
                service.rollsBackOnAlarm);
    }

    @Override
    public String registerRevision(
            String fromTaskDefinitionArn, String container, String image, Map<String, String> environment) {
        TaskDefinition from = taskDefinitions.get(fromTaskDefinitionArn);
        if (from == null) {
            throw new EcsRejectedException(
                    "ClientException: unable to describe task definition " + fromTaskDefinitionArn);
        }
        Map<String, String> merged = new HashMap<>(from.environment);
        merged.putAll(environment);
        return register(familyOf(fromTaskDefinitionArn), image, merged, Origin.ANTIGRAVITY);
    }

    @Override
    public String updateService(ServiceRef ref, String taskDefinitionArn) {
        return update(ref, taskDefinitionArn, Origin.ANTIGRAVITY, null);
    }

    @Override
    public Optional<ContainerImage> containerImage(String taskDefinitionArn, String container) {
        return Optional.ofNullable(taskDefinitions.get(taskDefinitionArn))
                .map(td -> new ContainerImage(td.image, td.environment));
    }

    @Override
    public boolean isActive(String taskDefinitionArn) {
        TaskDefinition td = taskDefinitions.get(taskDefinitionArn);
        return td != null && td.active;
    }

    @Override
    public boolean deployedSince(ServiceRef ref, String taskDefinitionArn, Instant since) {
        Service service = services.get(ref);
        return service != null
                && service.everStarted.stream()
                        .anyMatch(r -> r.taskDefinitionArn.equals(taskDefinitionArn) && !r.createdAt.isBefore(since));
    }

    // ---- the world: people, Terraform and time ----

    /** UpdateService by anyone; {@code reason} is the text of the IN_PROGRESS event ECS emits. */
    String update(ServiceRef ref, String taskDefinitionArn, Origin origin, String reason) {
        Service service = services.get(ref);
        if (service == null) {
            throw new ConfigurationException("ECS service " + ref + " does not exist");
        }
        TaskDefinition td = taskDefinitions.get(taskDefinitionArn);
        if (td == null || !td.active) {
            throw new EcsRejectedException(
                    "InvalidParameterException: TaskDefinition is inactive or does not exist: " + taskDefinitionArn);
        }
        Rollout before = service.primary();
        Invocation invocation = origin == Origin.ANTIGRAVITY ? caller.get() : null;
        boolean raced = invocation != null && invocation.outsideChangesAtLastDescribe < outsideChanges;
        before.status = "ACTIVE";
        String targetGroup = service.isBlueGreen()
                ? (service.liveTargetGroup.equals(service.blueTargetGroup)
                        ? service.greenTargetGroup
                        : service.blueTargetGroup)
                : service.liveTargetGroup;
        Rollout next = new Rollout(nextDeploymentId(), taskDefinitionArn, clock.instant(), targetGroup, origin);
        service.rollouts.removeIf(r -> r.running == 0 && r.status.equals("ACTIVE"));
        service.rollouts.add(next);
        service.everStarted.add(next);
        if (origin.isOutside()) {
            outsideChanges++;
        }
        UpdateCall call = new UpdateCall(
                origin,
                invocation == null ? origin.name() : invocation.id,
                ref,
                taskDefinitionArn,
                before.taskDefinitionArn,
                before.rolloutState,
                raced,
                next.id,
                clock.instant());
        onUpdate.forEach(listener -> listener.accept(call));
        emit(service, Phase.IN_PROGRESS, next, reason);
        return next.id;
    }

    /** DeregisterTaskDefinition: the revision turns INACTIVE (tasks already running it keep running). */
    void deregister(String taskDefinitionArn) {
        TaskDefinition td = taskDefinitions.get(taskDefinitionArn);
        if (td != null) {
            td.active = false;
        }
    }

    /** Application autoscaling sets a new desired count; ECS starts or stops tasks over the next ticks. */
    void scale(ServiceRef ref, int desired) {
        services.get(ref).desired = desired;
    }

    /** One step of ECS's own work on every service. */
    void tick() {
        for (Service service : services.values()) {
            if (!awaitingHook.contains(service.ref)) {
                step(service);
            }
        }
    }

    /** A lifecycle hook answered IN_PROGRESS: the rollout stays where it is until the hook answers otherwise. */
    void awaitHook(ServiceRef ref) {
        awaitingHook.add(ref);
    }

    /** The hook answered SUCCEEDED: the rollout goes on. */
    void hookSucceeded(ServiceRef ref) {
        awaitingHook.remove(ref);
    }

    /** The hook answered FAILED: ECS fails the deployment and rolls back by itself, as a new deployment. */
    void hookFailed(ServiceRef ref, String reason) {
        awaitingHook.remove(ref);
        Service service = services.get(ref);
        fail(service, service.primary(), "lifecycle hook FAILED: " + reason);
    }

    private void step(Service service) {
        Rollout primary = service.primary();
        if (!primary.rolloutState.equals("IN_PROGRESS")) {
            drain(service, primary);
            primary.running = primary.running < service.desired ? primary.running + 1 : service.desired;
            return;
        }
        ImageHealth health = truth.apply(taskDefinitions.get(primary.taskDefinitionArn).digest);
        Optional<String> firing =
                service.guardAlarms.stream().filter(alarms::isAlarm).findFirst();
        // ECS never rolls back its own rollback: the alarm that caused it may still be firing while old tasks drain.
        boolean rollback = primary.origin == Origin.ECS;
        if (service.rollsBackOnAlarm && firing.isPresent() && !rollback) {
            fail(service, primary, "ECS deployment alarm " + firing.get() + " in ALARM");
            return;
        }
        if (health == ImageHealth.CRASH && !rollback) {
            primary.failedTasks++;
            if (primary.failedTasks >= CIRCUIT_BREAKER_THRESHOLD) {
                fail(service, primary, "ECS deployment circuit breaker: tasks failed to start");
            }
            return;
        }
        primary.running = Math.min(service.desired, primary.running + 1 + service.desired / 2);
        drain(service, primary);
        boolean othersGone = service.rollouts.stream().allMatch(r -> r == primary || r.running == 0);
        if (primary.running >= service.desired && othersGone) {
            if (service.rollsBackOnAlarm && !rollback && primary.bakedTicks++ < ALARM_BAKE_TICKS) {
                return;
            }
            primary.rolloutState = "COMPLETED";
            service.rollouts.removeIf(r -> r != primary);
            service.lastCompletedArn = primary.taskDefinitionArn;
            service.liveTargetGroup = primary.targetGroup;
            emit(service, Phase.COMPLETED, primary, null);
        }
    }

    /** Old deployments lose tasks as the new one gains them (a rolling update keeps the service serving). */
    private static void drain(Service service, Rollout primary) {
        for (Rollout rollout : service.rollouts) {
            if (rollout != primary && rollout.running > 0) {
                rollout.running = Math.max(0, rollout.running - (1 + service.desired / 2));
            }
        }
    }

    /** The deployment FAILED; ECS rolls back by itself to the last COMPLETED revision, as a new deployment. */
    private void fail(Service service, Rollout failing, String reason) {
        failing.rolloutState = "FAILED";
        emit(service, Phase.FAILED, failing, reason);
        // A rollback is a new deployment of the last COMPLETED deployment's revision, even when that is the failing
        // deployment's revision too (a redeploy of what ran, failed by an alarm).
        if (service.lastCompletedArn != null) {
            String rollbackTo = service.lastCompletedArn;
            TaskDefinition td = taskDefinitions.get(rollbackTo);
            boolean wasActive = td.active;
            td.active = true; // ECS may roll back to a revision nobody could UpdateService to any more
            try {
                update(service.ref, rollbackTo, Origin.ECS, reason + ": rolling back to " + idOf(rollbackTo));
            } finally {
                td.active = wasActive;
            }
        }
    }

    private static String idOf(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    private void emit(Service service, Phase phase, Rollout rollout, String reason) {
        Instant at = clock.instant();
        String text = reason == null ? "ECS deployment " + rollout.id + " " + phase : reason;
        bus.publish(
                new EcsDeploymentStateChange(
                        new EventEnvelope(
                                "ecs-" + ++eventSequence,
                                "ECS Deployment State Change",
                                "aws.ecs",
                                "123456789012",
                                at,
                                "us-east-1",
                                List.of(service.serviceArn)),
                        "INFO",
                        phase,
                        rollout.id,
                        at,
                        text,
                        service.serviceArn),
                at);
    }

    private String register(String family, String image, Map<String, String> environment, Origin origin) {
        int revision = nextRevision.merge(family, 1, Integer::sum);
        String arn = TASK_DEFINITION_PREFIX + family + ":" + revision;
        taskDefinitions.put(arn, new TaskDefinition(arn, image, environment, origin));
        return arn;
    }

    /** Registers a revision outside Antigravity (a hotfix built by hand). */
    String registerByHand(String fromArn, String image, Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>(taskDefinitions.get(fromArn).environment);
        merged.putAll(environment);
        return register(familyOf(fromArn), image, merged, Origin.HUMAN);
    }

    private static String familyOf(String arn) {
        String id = arn.substring(arn.lastIndexOf('/') + 1);
        return id.substring(0, id.lastIndexOf(':'));
    }

    private String nextDeploymentId() {
        return "ecs-svc/" + ++deploymentSequence;
    }

    // ---- what the invariants read (never through the hooks' ports) ----

    Service service(ServiceRef ref) {
        return services.get(ref);
    }

    /** Every deployment whose tasks register in {@code targetGroupArn}, over all services. */
    List<Rollout> rolloutsIn(String targetGroupArn) {
        List<Rollout> in = new ArrayList<>();
        for (Service service : services.values()) {
            for (Rollout rollout : service.rollouts) {
                if (rollout.targetGroup.equals(targetGroupArn)) {
                    in.add(rollout);
                }
            }
        }
        return in;
    }

    TaskDefinition taskDefinition(String arn) {
        return taskDefinitions.get(arn);
    }

    List<TaskDefinition> taskDefinitions() {
        return List.copyOf(taskDefinitions.values());
    }

    long outsideChanges() {
        return outsideChanges;
    }

    /** Whether every service has settled (no deployment IN_PROGRESS, running = desired, nothing left to drain). */
    boolean settled() {
        for (Service service : services.values()) {
            Rollout primary = service.primary();
            if (primary.rolloutState.equals("IN_PROGRESS")
                    || service.rollouts.size() > 1
                    || primary.running != service.desired) {
                return false;
            }
        }
        return true;
    }

    /** Tasks running each digest, over every deployment of the service. */
    Map<String, Integer> runningDigests(ServiceRef ref) {
        Map<String, Integer> running = new LinkedHashMap<>();
        for (Rollout rollout : services.get(ref).rollouts) {
            if (rollout.running > 0) {
                running.merge(taskDefinitions.get(rollout.taskDefinitionArn).digest, rollout.running, Integer::sum);
            }
        }
        return running;
    }
}
