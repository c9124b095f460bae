package dev.antigravity.lambdas.app;

/** How much of a service's ledger history the use cases read (newest first, through the lagging index). */
final class History {
    /** Far more records than one service has in flight or in its rollback window. */
    static final int LIMIT = 50;

    private History() {}
}
