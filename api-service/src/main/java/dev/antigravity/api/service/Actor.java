package dev.antigravity.api.service;

/**
 * Who is making a request, as the services need it: the token subject, whether it acts as an
 * administrator, and the request's correlation id for the audit trail; or the service itself
 * ({@link #system}), e.g. expiring unpaid orders.
 */
public record Actor(String subject, boolean admin, String correlationId, boolean system) {

    public Actor(String subject, boolean admin, String correlationId) {
        this(subject, admin, correlationId, false);
    }

    /** The service acting on its own behalf; audited as {@code system:<task>}. */
    public static Actor system(String task, String correlationId) {
        return new Actor("system:" + task, true, correlationId, true);
    }

    /** The role the audit trail records: admin, customer or system. */
    public String role() {
        return system ? "system" : admin ? "admin" : "customer";
    }
}
