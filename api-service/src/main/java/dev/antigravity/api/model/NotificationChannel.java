package dev.antigravity.api.model;

/** How a customer notification travels: email through Amazon SES, SMS through Amazon SNS. */
public enum NotificationChannel {
    EMAIL,
    SMS
}
