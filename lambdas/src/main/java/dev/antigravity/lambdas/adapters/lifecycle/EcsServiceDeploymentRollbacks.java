package dev.antigravity.lambdas.adapters.lifecycle;

import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.lifecycle.ServiceDeploymentRollbacks;
import dev.antigravity.lambdas.domain.lifecycle.TransientCheckException;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentStatus;

/**
 * What ECS says of a hook's service deployment: DescribeServiceDeployments on the payload's {@code resourceArn}, or,
 * when a flat payload names none, ListServiceDeployments of the service narrowed to rollbacks and matched on the
 * target revision (a rollback keeps its deployment's target). Only the two states in which ECS is still rolling
 * back count. SDK failures propagate; {@link AwsTransientErrors} sorts them. moto answers neither call (HTTP 500),
 * so the tests play ECS on WireMock.
 */
public final class EcsServiceDeploymentRollbacks implements ServiceDeploymentRollbacks {
    private static final Set<ServiceDeploymentStatus> ROLLING_BACK =
            EnumSet.of(ServiceDeploymentStatus.ROLLBACK_REQUESTED, ServiceDeploymentStatus.ROLLBACK_IN_PROGRESS);

    private final EcsClient ecs;

    public EcsServiceDeploymentRollbacks(EcsClient ecs) {
        this.ecs = ecs;
    }

    @Override
    public Optional<String> rollingBack(String serviceDeploymentArn, String serviceArn, String targetServiceRevisionArn) {
        return serviceDeploymentArn == null
                ? rollbackOfServiceTo(serviceArn, targetServiceRevisionArn)
                : rollbackOf(serviceDeploymentArn);
    }

    private Optional<String> rollbackOf(String serviceDeploymentArn) {
        var described = ecs.describeServiceDeployments(r -> r.serviceDeploymentArns(serviceDeploymentArn));
        if (described.serviceDeployments().isEmpty()) {
            throw new TransientCheckException("ECS does not (yet) know service deployment " + serviceDeploymentArn
                    + described.failures().stream().map(f -> f.reason()).collect(Collectors.joining(", ", " (", ")")),
                    null);
        }
        ServiceDeployment deployment = described.serviceDeployments().getFirst();
        if (!ROLLING_BACK.contains(deployment.status())) {
            return Optional.empty();
        }
        return Optional.of(describe(deployment.statusAsString(),
                deployment.rollback() == null ? null : deployment.rollback().reason(), deployment.statusReason()));
    }

    private Optional<String> rollbackOfServiceTo(String serviceArn, String targetServiceRevisionArn) {
        ServiceRef service = ServiceRef.fromArn(serviceArn)
                .orElseThrow(() -> new IllegalArgumentException("not a service ARN: " + serviceArn));
        // A service rolls back at most one deployment at a time: the first page holds it.
        var listed = ecs.listServiceDeployments(r -> r.cluster(service.cluster()).service(service.service())
                .status(ROLLING_BACK));
        return listed.serviceDeployments().stream()
                .filter(brief -> Objects.equals(targetServiceRevisionArn, brief.targetServiceRevisionArn()))
                .findFirst()
                .map(brief -> describe(brief.statusAsString(), null, brief.statusReason()));
    }

    private static String describe(String status, String rollbackReason, String statusReason) {
        List<String> reasons = Stream.of(rollbackReason, statusReason).filter(r -> r != null && !r.isBlank())
                .distinct().toList();
        return "ECS reports " + status + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons));
    }
}
