package dev.antigravity.events.aws;

import java.time.Instant;

/** "ECS Deployment State Change". ECS sends no cluster: the service ARN is {@code resources[0]}. */
public record EcsDeploymentStateChange(
        EventEnvelope envelope,
        String eventType,
        Phase phase,
        String deploymentId,
        Instant updatedAt,
        String reason,
        String serviceArn)
        implements AwsEvent {

    public enum Phase {
        IN_PROGRESS("SERVICE_DEPLOYMENT_IN_PROGRESS"),
        COMPLETED("SERVICE_DEPLOYMENT_COMPLETED"),
        FAILED("SERVICE_DEPLOYMENT_FAILED");

        private final String eventName;

        Phase(String eventName) {
            this.eventName = eventName;
        }

        public String eventName() {
            return eventName;
        }

        public static Phase ofEventName(String eventName) {
            for (Phase phase : values()) {
                if (phase.eventName.equals(eventName)) {
                    return phase;
                }
            }
            throw new IllegalArgumentException("unknown ECS deployment eventName " + eventName);
        }
    }

    /** ECS's circuit breaker announces its own rollback as an IN_PROGRESS event with this reason. */
    public boolean isCircuitBreakerRollback() {
        return reason != null && reason.contains("rolling back");
    }
}
