package dev.antigravity.lambdas.adapters.lifecycle;

import dev.antigravity.lambdas.domain.canary.RevisionTargetGroups;
import dev.antigravity.lambdas.domain.lifecycle.TransientCheckException;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ResolvedConfiguration;
import software.amazon.awssdk.services.ecs.model.ServiceRevision;
import software.amazon.awssdk.services.ecs.model.ServiceRevisionLoadBalancer;

/**
 * The target group a service revision serves from: DescribeServiceRevisions' resolved configuration (with CANARY,
 * LINEAR and BLUE_GREEN, ECS registers the new revision in the alternate target group, the old one stays in its own).
 * SDK failures propagate; {@link AwsTransientErrors} sorts them.
 */
public final class EcsRevisionTargetGroups implements RevisionTargetGroups {
    private final EcsClient ecs;

    public EcsRevisionTargetGroups(EcsClient ecs) {
        this.ecs = ecs;
    }

    @Override
    public Optional<String> targetGroupOf(String serviceRevisionArn) {
        List<ServiceRevision> revisions = ecs.describeServiceRevisions(r -> r.serviceRevisionArns(serviceRevisionArn))
                .serviceRevisions();
        if (revisions.isEmpty()) {
            throw new TransientCheckException("ECS does not (yet) know service revision " + serviceRevisionArn, null);
        }
        ResolvedConfiguration resolved = revisions.getFirst().resolvedConfiguration();
        if (resolved == null) {
            return Optional.empty();
        }
        return resolved.loadBalancers().stream()
                .map(ServiceRevisionLoadBalancer::targetGroupArn)
                .filter(arn -> arn != null && !arn.isBlank())
                .findFirst();
    }
}
