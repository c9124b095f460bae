package dev.antigravity.api.service;

/** What a verified provider event did: changed state, was already processed, or needs nothing. */
public enum WebhookOutcome {
    PROCESSED,
    DUPLICATE,
    IGNORED
}
