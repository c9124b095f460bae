package dev.antigravity.events.aws;

/** An EventBridge event from AWS, decoded into the shape its detail-type promises. */
public sealed interface AwsEvent
        permits EcrImageAction,
                EcsDeploymentStateChange,
                EcsServiceAction,
                CloudWatchAlarmStateChange,
                UnknownAwsEvent {
    EventEnvelope envelope();

    default String id() {
        return envelope().id();
    }
}
