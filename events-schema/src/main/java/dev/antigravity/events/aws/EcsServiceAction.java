package dev.antigravity.events.aws;

/** "ECS Service Action" (steady state, placement failures...). Recognised, not acted upon. */
public record EcsServiceAction(EventEnvelope envelope, String eventType, String eventName, String clusterArn)
        implements AwsEvent {}
