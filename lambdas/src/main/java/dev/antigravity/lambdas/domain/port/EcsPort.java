package dev.antigravity.lambdas.domain.port;

import dev.antigravity.lambdas.domain.ServiceRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the deployment hooks need from ECS. */
public interface EcsPort {

    ServiceSnapshot describe(ServiceRef service);

    /**
     * Registers a new revision copied from {@code fromTaskDefinitionArn} (every field RegisterTaskDefinition accepts)
     * with {@code container}'s image replaced and {@code environment} entries set on it.
     *
     * @return the new revision's ARN
     */
    String registerRevision(String fromTaskDefinitionArn, String container, String image, Map<String, String> environment);

    /** Points the service at {@code taskDefinitionArn} (ECS then rolls the tasks). */
    void updateService(ServiceRef service, String taskDefinitionArn);

    /** The container image and environment of one container of a revision (to tell what already runs). */
    Optional<ContainerImage> containerImage(String taskDefinitionArn, String container);

    record ContainerImage(String image, Map<String, String> environment) {
    }

    /**
     * @param tasksOnOtherRevisions tasks still running in deployments other than the primary one
     * @param guardAlarms           {@code deploymentConfiguration.alarms.alarmNames}: the alarms that guard the service
     */
    record ServiceSnapshot(ServiceRef ref, String taskDefinitionArn, int desiredCount, int runningCount,
                           int tasksOnOtherRevisions, List<EcsDeployment> deployments, List<String> guardAlarms) {
        public ServiceSnapshot {
            deployments = List.copyOf(deployments);
            guardAlarms = List.copyOf(guardAlarms);
        }

        public Optional<EcsDeployment> deployment(String ecsDeploymentId) {
            return deployments.stream().filter(d -> d.id().equals(ecsDeploymentId)).findFirst();
        }
    }

    record EcsDeployment(String id, String status, String taskDefinitionArn, String rolloutState, int runningCount) {
    }
}
