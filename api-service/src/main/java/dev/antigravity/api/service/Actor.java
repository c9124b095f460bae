package dev.antigravity.api.service;

/**
 * Who is making a request, as the services need it: the token subject, whether it acts as an
 * administrator, and the request's correlation id for the audit trail.
 */
public record Actor(String subject, boolean admin, String correlationId) {
}
