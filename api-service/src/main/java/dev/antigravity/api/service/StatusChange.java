package dev.antigravity.api.service;

/**
 * Body of an order status change: the status the order should move to, and why. The reason is
 * required when an administrator marks an order PAID by hand (there is no payment to show for it)
 * and is kept in the audit log.
 */
public record StatusChange(String status, String reason) {
    public StatusChange(String status) {
        this(status, null);
    }
}
