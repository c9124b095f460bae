package dev.antigravity.lambdas.domain.canary;

import java.util.Optional;

/** Port: the target group an ECS service revision's tasks serve from (its resolved load balancer configuration). */
public interface RevisionTargetGroups {
    /**
     * @return the target group ARN, empty when the revision has none
     * @throws dev.antigravity.lambdas.domain.lifecycle.TransientCheckException when ECS does not know it yet
     */
    Optional<String> targetGroupOf(String serviceRevisionArn);
}
