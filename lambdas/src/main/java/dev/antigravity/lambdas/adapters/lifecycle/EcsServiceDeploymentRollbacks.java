package dev.antigravity.lambdas.adapters.lifecycle;

import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.lifecycle.EarlierRevision;
import dev.antigravity.lambdas.domain.lifecycle.ServiceDeploymentRollbacks;
import dev.antigravity.lambdas.domain.lifecycle.TransientCheckException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentStatus;
import software.amazon.awssdk.services.ecs.model.ServiceRevision;
import software.amazon.awssdk.services.ecs.model.ServiceRevisionSummary;

/**
 * What ECS says of a hook's service deployment: DescribeServiceDeployments on the payload's {@code resourceArn} (when
 * a flat payload names none, the service's unfinished deployment to the target revision, from
 * ListServiceDeployments). A rollback is either ECS rolling it back (only the two states in which it still is count)
 * or a deployment back to an earlier task-definition revision than its sources run (DescribeServiceRevisions maps
 * service revisions to task definitions). SDK failures propagate; {@link AwsTransientErrors} sorts them. moto answers
 * none of these calls (HTTP 500), so the tests play ECS on WireMock.
 */
public final class EcsServiceDeploymentRollbacks implements ServiceDeploymentRollbacks {
    private static final Set<ServiceDeploymentStatus> ROLLING_BACK =
            EnumSet.of(ServiceDeploymentStatus.ROLLBACK_REQUESTED, ServiceDeploymentStatus.ROLLBACK_IN_PROGRESS);
    private static final Set<ServiceDeploymentStatus> UNFINISHED = EnumSet.of(
            ServiceDeploymentStatus.PENDING,
            ServiceDeploymentStatus.IN_PROGRESS,
            ServiceDeploymentStatus.ROLLBACK_REQUESTED,
            ServiceDeploymentStatus.ROLLBACK_IN_PROGRESS);

    private final EcsClient ecs;

    public EcsServiceDeploymentRollbacks(EcsClient ecs) {
        this.ecs = ecs;
    }

    @Override
    public Optional<String> rollingBack(
            String serviceDeploymentArn, String serviceArn, String targetServiceRevisionArn) {
        Optional<String> deploymentArn = serviceDeploymentArn != null
                ? Optional.of(serviceDeploymentArn)
                : unfinishedDeploymentTo(serviceArn, targetServiceRevisionArn);
        if (deploymentArn.isEmpty()) {
            return Optional.empty();
        }
        ServiceDeployment deployment = described(deploymentArn.get());
        if (ROLLING_BACK.contains(deployment.status())) {
            return Optional.of(describe(
                    deployment.statusAsString(),
                    deployment.rollback() == null ? null : deployment.rollback().reason(),
                    deployment.statusReason()));
        }
        return backToAnEarlierRevision(deployment);
    }

    private ServiceDeployment described(String serviceDeploymentArn) {
        var described = ecs.describeServiceDeployments(r -> r.serviceDeploymentArns(serviceDeploymentArn));
        if (described.serviceDeployments().isEmpty()) {
            throw new TransientCheckException(
                    "ECS does not (yet) know service deployment " + serviceDeploymentArn
                            + described.failures().stream()
                                    .map(f -> f.reason())
                                    .collect(Collectors.joining(", ", " (", ")")),
                    null);
        }
        return described.serviceDeployments().getFirst();
    }

    private Optional<String> unfinishedDeploymentTo(String serviceArn, String targetServiceRevisionArn) {
        ServiceRef service = ServiceRef.fromArn(serviceArn)
                .orElseThrow(() -> new IllegalArgumentException("not a service ARN: " + serviceArn));
        // A service runs one unfinished deployment at a time (plus, briefly, the one it replaces): the first page.
        var listed = ecs.listServiceDeployments(
                r -> r.cluster(service.cluster()).service(service.service()).status(UNFINISHED));
        return listed.serviceDeployments().stream()
                .filter(brief -> Objects.equals(targetServiceRevisionArn, brief.targetServiceRevisionArn()))
                .map(brief -> brief.serviceDeploymentArn())
                .findFirst();
    }

    private Optional<String> backToAnEarlierRevision(ServiceDeployment deployment) {
        if (deployment.targetServiceRevision() == null
                || deployment.sourceServiceRevisions().isEmpty()) {
            return Optional.empty();
        }
        String target = deployment.targetServiceRevision().arn();
        List<String> sources = deployment.sourceServiceRevisions().stream()
                .map(ServiceRevisionSummary::arn)
                .toList();
        List<String> revisions =
                Stream.concat(Stream.of(target), sources.stream()).distinct().toList();
        Map<String, String> taskDefinitionOf =
                ecs.describeServiceRevisions(r -> r.serviceRevisionArns(revisions)).serviceRevisions().stream()
                        .collect(Collectors.toMap(
                                ServiceRevision::serviceRevisionArn,
                                ServiceRevision::taskDefinition,
                                (first, same) -> first));
        if (!taskDefinitionOf.keySet().containsAll(revisions)) {
            throw new TransientCheckException(
                    "ECS does not (yet) know every service revision of " + deployment.serviceDeploymentArn(), null);
        }
        return EarlierRevision.of(
                        taskDefinitionOf.get(target),
                        sources.stream().map(taskDefinitionOf::get).toList())
                .map(back -> "it deploys " + back);
    }

    private static String describe(String status, String rollbackReason, String statusReason) {
        List<String> reasons = Stream.of(rollbackReason, statusReason)
                .filter(r -> r != null && !r.isBlank())
                .distinct()
                .toList();
        return "ECS reports " + status + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons));
    }
}
