package dev.antigravity.lambdas.adapters.lifecycle;

import dev.antigravity.lambdas.domain.lifecycle.RevisionVersions;
import dev.antigravity.lambdas.domain.lifecycle.TransientCheckException;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.ServiceRevision;

/**
 * Service revision → task definition → the container's APP_VERSION (DescribeServiceRevisions,
 * DescribeTaskDefinition). SDK failures propagate; {@link AwsTransientErrors} sorts them.
 */
public final class EcsRevisionVersions implements RevisionVersions {
    static final String VERSION_VARIABLE = "APP_VERSION";

    private final EcsClient ecs;

    public EcsRevisionVersions(EcsClient ecs) {
        this.ecs = ecs;
    }

    @Override
    public Optional<String> versionOf(String serviceRevisionArn, String container) {
        List<ServiceRevision> revisions = ecs.describeServiceRevisions(r -> r.serviceRevisionArns(serviceRevisionArn))
                .serviceRevisions();
        if (revisions.isEmpty()) {
            throw new TransientCheckException("ECS does not (yet) know service revision " + serviceRevisionArn, null);
        }
        String taskDefinition = revisions.getFirst().taskDefinition();
        List<ContainerDefinition> containers = ecs.describeTaskDefinition(r -> r.taskDefinition(taskDefinition))
                .taskDefinition()
                .containerDefinitions();
        return containers.stream()
                .filter(c -> container == null || container.equals(c.name()))
                .flatMap(c -> c.environment().stream())
                .filter(variable -> VERSION_VARIABLE.equals(variable.name()))
                .map(KeyValuePair::value)
                .findFirst();
    }
}
