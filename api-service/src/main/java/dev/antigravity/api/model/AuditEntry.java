package dev.antigravity.api.model;

import java.time.Instant;

/** One administrator write: who did what to which entity, when, under which request. */
public record AuditEntry(
        long id,
        String actor,
        String action,
        String entityType,
        String entityId,
        String correlationId,
        String details,
        Instant occurredAt) {}
