package dev.antigravity.lambdas.fakes;

import dev.antigravity.lambdas.domain.ConfigurationException;
import dev.antigravity.lambdas.domain.EcsRejectedException;
import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.port.EcsPort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * ECS in memory: task definitions by ARN (deregistered ones INACTIVE), one service whose UpdateService starts a new
 * PRIMARY deployment with an id of its own — {@code ecs-svc/<revision>} the first time a revision rolls out,
 * {@code ecs-svc/<revision>-<n>} for later ones (a rollback to it) — that immediately runs all desired tasks (the
 * healthy case). The simulation package has the faithful, ticking ECS; this one is for example-based tests.
 */
public final class FakeEcs implements EcsPort {
    public static final String ACCOUNT_PREFIX = "arn:aws:ecs:us-east-1:123456789012:task-definition/";

    public final Map<String, ContainerImage> revisions = new LinkedHashMap<>();
    public final List<String> updates = new ArrayList<>();
    public final Set<String> inactive = new HashSet<>();
    private final Map<ServiceRef, EcsDeployment> primary = new HashMap<>();
    private final Map<String, List<String>> deploymentIds = new HashMap<>();
    /** Every deployment ever started, as ListServiceDeployments keeps them: revision and createdAt. */
    private final List<Map.Entry<String, Instant>> started = new ArrayList<>();

    public List<String> guardAlarms = List.of("api-5xx");
    public int desired = 2;
    public int runningCount = 2;
    public boolean rollsBackOnAlarm;
    /** The rolloutState ECS reports for the PRIMARY deployment (moto never changes it; real ECS does). */
    public String rolloutState = "COMPLETED";
    /** Runs at the start of the next DescribeServices: another handler acting between a reader's steps. */
    public Runnable duringNextDescribe = () -> {};
    /** ECS's clock, for the deployments' createdAt. */
    public Supplier<Instant> clock = () -> Instant.EPOCH;
    /** Thrown by the next UpdateService instead of acting (throttling, say). */
    public RuntimeException failNextUpdate;
    /** Thrown by the next RegisterTaskDefinition instead of registering. */
    public RuntimeException failNextRegister;
    /** The next UpdateService goes through, but its response is lost (the caller sees this exception). */
    public RuntimeException loseNextUpdateResponse;

    private int nextRevision = 1;

    public String seed(ServiceRef service, String image, String version) {
        String arn = register(image, Map.of("APP_VERSION", version));
        startDeployment(service, arn);
        return arn;
    }

    private String register(String image, Map<String, String> environment) {
        String arn = ACCOUNT_PREFIX + "api:" + nextRevision++;
        revisions.put(arn, new ContainerImage(image, Map.copyOf(environment)));
        return arn;
    }

    /** The id of the first ECS deployment of a revision (its rollout). */
    public static String ecsDeploymentIdOf(String taskDefinitionArn) {
        return "ecs-svc/" + taskDefinitionArn.substring(taskDefinitionArn.lastIndexOf(':') + 1);
    }

    /** The id of the newest ECS deployment of a revision (a rollback to it gets a new one). */
    public String lastDeploymentIdOf(String taskDefinitionArn) {
        List<String> ids = deploymentIds.getOrDefault(taskDefinitionArn, List.of());
        return ids.isEmpty() ? ecsDeploymentIdOf(taskDefinitionArn) : ids.getLast();
    }

    public String runningRevision(ServiceRef service) {
        EcsDeployment current = primary.get(service);
        return current == null ? null : current.taskDefinitionArn();
    }

    private String startDeployment(ServiceRef service, String arn) {
        List<String> ids = deploymentIds.computeIfAbsent(arn, a -> new ArrayList<>());
        String id = ids.isEmpty() ? ecsDeploymentIdOf(arn) : ecsDeploymentIdOf(arn) + "-" + (ids.size() + 1);
        ids.add(id);
        primary.put(service, new EcsDeployment(id, "PRIMARY", arn, null, 0, 0, 0, clock.get()));
        started.add(Map.entry(arn, clock.get()));
        return id;
    }

    @Override
    public ServiceSnapshot describe(ServiceRef service) {
        Runnable during = duringNextDescribe;
        duringNextDescribe = () -> {};
        during.run();
        EcsDeployment current = primary.get(service);
        if (current == null) {
            throw new ConfigurationException("ECS service " + service + " does not exist");
        }
        EcsDeployment reported = new EcsDeployment(
                current.id(),
                "PRIMARY",
                current.taskDefinitionArn(),
                rolloutState,
                runningCount,
                desired,
                0,
                current.createdAt());
        return new ServiceSnapshot(
                service,
                current.taskDefinitionArn(),
                desired,
                runningCount,
                0,
                List.of(reported),
                guardAlarms,
                rollsBackOnAlarm);
    }

    @Override
    public String registerRevision(
            String fromTaskDefinitionArn, String container, String image, Map<String, String> environment) {
        RuntimeException failure = failNextRegister;
        failNextRegister = null;
        if (failure != null) {
            throw failure;
        }
        if (!revisions.containsKey(fromTaskDefinitionArn)) {
            throw new IllegalArgumentException("no task definition " + fromTaskDefinitionArn);
        }
        Map<String, String> merged =
                new HashMap<>(revisions.get(fromTaskDefinitionArn).environment());
        merged.putAll(environment);
        return register(image, merged);
    }

    @Override
    public String updateService(ServiceRef service, String taskDefinitionArn) {
        RuntimeException failure = failNextUpdate;
        failNextUpdate = null;
        if (failure != null) {
            throw failure;
        }
        if (inactive.contains(taskDefinitionArn)) {
            throw new EcsRejectedException("TaskDefinition is inactive: " + taskDefinitionArn);
        }
        updates.add(taskDefinitionArn);
        String id = startDeployment(service, taskDefinitionArn);
        RuntimeException lost = loseNextUpdateResponse;
        loseNextUpdateResponse = null;
        if (lost != null) {
            throw lost;
        }
        return id;
    }

    @Override
    public Optional<ContainerImage> containerImage(String taskDefinitionArn, String container) {
        return Optional.ofNullable(revisions.get(taskDefinitionArn));
    }

    @Override
    public boolean deployedSince(ServiceRef service, String taskDefinitionArn, Instant since) {
        return started.stream()
                .anyMatch(s ->
                        s.getKey().equals(taskDefinitionArn) && !s.getValue().isBefore(since));
    }

    @Override
    public boolean isActive(String taskDefinitionArn) {
        return revisions.containsKey(taskDefinitionArn) && !inactive.contains(taskDefinitionArn);
    }
}
