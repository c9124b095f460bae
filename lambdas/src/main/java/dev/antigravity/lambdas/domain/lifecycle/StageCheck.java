package dev.antigravity.lambdas.domain.lifecycle;

/** What a lifecycle hook checks at a stage. */
public enum StageCheck {
    /** Nothing: answer SUCCEEDED. */
    NONE,
    /** GET /health (must report the target revision's version), /ready and the configured extra paths. */
    SMOKE_TEST,
    /** Every guard alarm of the service is OK. */
    GUARD_ALARMS,
    /** The new revision's target group judged against the old one's over the same minutes (CANARY, LINEAR). */
    CANARY_ANALYSIS
}
