package dev.antigravity.events.platform;

/** The ledger timestamps a platform event may carry (the raw material of DORA figures). */
public enum TimelineKey {
    imagePushedAt,
    acceptedAt,
    startedAt,
    completedAt,
    verifiedAt,
    bakeUntil,
    stableAt,
    failedAt,
    rollbackStartedAt,
    rolledBackAt,
    supersededAt
}
