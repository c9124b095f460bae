package dev.antigravity.events.aws;

/** A well-formed EventBridge event whose detail-type no handler consumes. */
public record UnknownAwsEvent(EventEnvelope envelope) implements AwsEvent {}
