package dev.antigravity.lambdas.domain.port;

import dev.antigravity.lambdas.domain.ServiceRef;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the deployment hooks need from ECS. ECS is the source of truth: every decision that acts on a service reads
 * {@link #describe} first and acts only on the revision ECS actually runs.
 */
public interface EcsPort {

    ServiceSnapshot describe(ServiceRef service);

    /**
     * Registers a new revision copied from {@code fromTaskDefinitionArn} (every field RegisterTaskDefinition accepts)
     * with {@code container}'s image replaced and {@code environment} entries set on it.
     *
     * @return the new revision's ARN
     */
    String registerRevision(
            String fromTaskDefinitionArn, String container, String image, Map<String, String> environment);

    /**
     * Points the service at {@code taskDefinitionArn}; ECS starts a new deployment for it (a rollback too).
     *
     * @return the id of the ECS deployment this started
     * @throws dev.antigravity.lambdas.domain.EcsRejectedException when ECS refuses and a retry cannot help (an
     *                                                             INACTIVE revision, an invalid parameter)
     */
    String updateService(ServiceRef service, String taskDefinitionArn);

    /** The container image and environment of one container of a revision (to tell what already runs). */
    Optional<ContainerImage> containerImage(String taskDefinitionArn, String container);

    /** Whether the revision can still be deployed: UpdateService refuses INACTIVE (deregistered) revisions. */
    boolean isActive(String taskDefinitionArn);

    /**
     * Whether ECS started a deployment of {@code taskDefinitionArn} at or after {@code since}, finished and failed
     * ones included (ListServiceDeployments keeps them; DescribeServices forgets them): tells whether an
     * UpdateService whose response was lost went through.
     */
    boolean deployedSince(ServiceRef service, String taskDefinitionArn, Instant since);

    record ContainerImage(String image, Map<String, String> environment) {}

    /**
     * @param tasksOnOtherRevisions tasks still running in deployments other than the primary one
     * @param guardAlarms           {@code deploymentConfiguration.alarms.alarmNames}: the alarms that guard the service
     * @param rollsBackOnAlarm      ECS itself rolls a deployment back when a guard alarm fires while it rolls out
     *                              ({@code deploymentConfiguration.alarms} enabled with rollback)
     */
    record ServiceSnapshot(
            ServiceRef ref,
            String taskDefinitionArn,
            int desiredCount,
            int runningCount,
            int tasksOnOtherRevisions,
            List<EcsDeployment> deployments,
            List<String> guardAlarms,
            boolean rollsBackOnAlarm) {
        public ServiceSnapshot {
            deployments = List.copyOf(deployments);
            guardAlarms = List.copyOf(guardAlarms);
        }

        public Optional<EcsDeployment> deployment(String ecsDeploymentId) {
            return deployments.stream()
                    .filter(d -> d.id().equals(ecsDeploymentId))
                    .findFirst();
        }

        /** The deployment ECS is rolling out or has settled on (status PRIMARY). */
        public Optional<EcsDeployment> primary() {
            return deployments.stream().filter(EcsDeployment::isPrimary).findFirst();
        }

        /** Whether ECS's primary deployment is {@code taskDefinitionArn}: the only revision a decision may act on. */
        public boolean runs(String taskDefinitionArn) {
            return primary()
                    .map(d -> d.taskDefinitionArn().equals(taskDefinitionArn))
                    .orElse(false);
        }

        /** The newest deployment of {@code taskDefinitionArn} created at or after {@code since}, if any. */
        public Optional<EcsDeployment> deploymentOf(String taskDefinitionArn, Instant since) {
            return deployments.stream()
                    .filter(d -> d.taskDefinitionArn().equals(taskDefinitionArn))
                    .filter(d -> since == null
                            || (d.createdAt() != null && !d.createdAt().isBefore(since)))
                    .max(Comparator.comparing(
                            EcsDeployment::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        }
    }

    /**
     * One entry of DescribeServices' {@code deployments}.
     *
     * @param status       PRIMARY (the newest), ACTIVE (being replaced), INACTIVE
     * @param rolloutState IN_PROGRESS, COMPLETED or FAILED (null when ECS does not say)
     * @param failedTasks  tasks of this deployment that failed to start or stay up
     */
    record EcsDeployment(
            String id,
            String status,
            String taskDefinitionArn,
            String rolloutState,
            int runningCount,
            int desiredCount,
            int failedTasks,
            Instant createdAt) {
        public boolean isPrimary() {
            return "PRIMARY".equals(status);
        }
    }
}
