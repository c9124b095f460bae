package dev.antigravity.lambdas.fakes;

import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.port.EcsPort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ECS in memory: task definitions by ARN, one service whose UpdateService starts a new PRIMARY deployment
 * {@code ecs-svc/<revision>} that immediately runs all desired tasks (the healthy case).
 */
public final class FakeEcs implements EcsPort {
    public static final String ACCOUNT_PREFIX = "arn:aws:ecs:us-east-1:123456789012:task-definition/";

    public final Map<String, ContainerImage> revisions = new LinkedHashMap<>();
    public final List<String> updates = new ArrayList<>();
    private final Map<ServiceRef, String> running = new HashMap<>();
    public List<String> guardAlarms = List.of("api-5xx");
    public int desired = 2;
    public int runningCount = 2;
    /** The rolloutState ECS reports for the PRIMARY deployment (moto never changes it; real ECS does). */
    public String rolloutState = "COMPLETED";
    /** Runs at the start of the next DescribeServices: another handler acting between a reader's steps. */
    public Runnable duringNextDescribe = () -> { };
    private int nextRevision = 1;

    public String seed(ServiceRef service, String image, String version) {
        String arn = register(image, Map.of("APP_VERSION", version));
        running.put(service, arn);
        return arn;
    }

    private String register(String image, Map<String, String> environment) {
        String arn = ACCOUNT_PREFIX + "api:" + nextRevision++;
        revisions.put(arn, new ContainerImage(image, Map.copyOf(environment)));
        return arn;
    }

    public static String ecsDeploymentIdOf(String taskDefinitionArn) {
        return "ecs-svc/" + taskDefinitionArn.substring(taskDefinitionArn.lastIndexOf(':') + 1);
    }

    public String runningRevision(ServiceRef service) {
        return running.get(service);
    }

    @Override
    public ServiceSnapshot describe(ServiceRef service) {
        Runnable during = duringNextDescribe;
        duringNextDescribe = () -> { };
        during.run();
        String arn = running.get(service);
        if (arn == null) {
            throw new dev.antigravity.lambdas.domain.ConfigurationException("ECS service " + service + " does not exist");
        }
        return new ServiceSnapshot(service, arn, desired, runningCount, 0,
                List.of(new EcsDeployment(ecsDeploymentIdOf(arn), "PRIMARY", arn, rolloutState, runningCount)),
                guardAlarms);
    }

    @Override
    public String registerRevision(String fromTaskDefinitionArn, String container, String image,
                                   Map<String, String> environment) {
        if (!revisions.containsKey(fromTaskDefinitionArn)) {
            throw new IllegalArgumentException("no task definition " + fromTaskDefinitionArn);
        }
        Map<String, String> merged = new HashMap<>(revisions.get(fromTaskDefinitionArn).environment());
        merged.putAll(environment);
        return register(image, merged);
    }

    @Override
    public void updateService(ServiceRef service, String taskDefinitionArn) {
        updates.add(taskDefinitionArn);
        running.put(service, taskDefinitionArn);
    }

    @Override
    public Optional<ContainerImage> containerImage(String taskDefinitionArn, String container) {
        return Optional.ofNullable(revisions.get(taskDefinitionArn));
    }
}
