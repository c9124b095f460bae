package dev.antigravity.lambdas.domain.lifecycle;

import java.util.Optional;

/**
 * Port: whether the service deployment a lifecycle-hook invocation belongs to is a rollback, in ECS's own words:
 * ECS rolling it back (it re-invokes the traffic-shift hooks meanwhile), or a deployment back to an earlier revision
 * ({@link EarlierRevision}: Antigravity's rollback, a person's revert). A hook must never hold a rollback up.
 */
public interface ServiceDeploymentRollbacks {
    /**
     * @param serviceDeploymentArn the payload's {@code resourceArn}, or null when a flat payload leaves it out: then
     *                             the service's deployment to {@code targetServiceRevisionArn} is meant
     * @return why the deployment is a rollback; empty when it goes forward (or ECS lists no such deployment)
     * @throws TransientCheckException when ECS cannot be asked right now, or does not know the deployment yet
     */
    Optional<String> rollingBack(String serviceDeploymentArn, String serviceArn, String targetServiceRevisionArn);
}
