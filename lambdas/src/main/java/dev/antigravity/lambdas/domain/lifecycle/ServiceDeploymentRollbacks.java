package dev.antigravity.lambdas.domain.lifecycle;

import java.util.Optional;

/**
 * Port: whether ECS is rolling back the service deployment a lifecycle-hook invocation belongs to. ECS re-invokes
 * the traffic-shift hooks while it rolls back, and a hook must never hold a rollback up.
 */
public interface ServiceDeploymentRollbacks {
    /**
     * @param serviceDeploymentArn the payload's {@code resourceArn}, or null when a flat payload leaves it out: then
     *                             the service's deployment to {@code targetServiceRevisionArn} is meant
     * @return what ECS says of the rollback (its reason) while it rolls the deployment back; empty while the
     *         deployment goes forward
     * @throws TransientCheckException when ECS cannot be asked right now, or does not know the deployment yet
     */
    Optional<String> rollingBack(String serviceDeploymentArn, String serviceArn, String targetServiceRevisionArn);
}
