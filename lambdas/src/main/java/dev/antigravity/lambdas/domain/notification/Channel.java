package dev.antigravity.lambdas.domain.notification;

/** Where people hear about platform events (email subscribes to the SNS topic directly, outside this code). */
public enum Channel {
    SLACK,
    PAGERDUTY
}
