package dev.antigravity.events.platform;

/** How loudly consumers should tell people: CRITICAL pages. */
public enum Severity {
    INFO,
    WARNING,
    CRITICAL
}
