package dev.antigravity.api.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.antigravity.api.config.Json;
import dev.antigravity.api.model.AuditEntry;
import dev.antigravity.api.repository.AuditRepository;
import io.helidon.dbclient.DbExecute;
import java.time.Instant;
import java.util.Map;

/**
 * Records writes with the actor who made them. Called inside the write's own transaction, so an audited change
 * and its audit entry are committed, or rolled back, together.
 */
public final class AuditTrail {
    private final AuditRepository audit;

    public AuditTrail(AuditRepository audit) {
        this.audit = audit;
    }

    /** Appends an entry naming {@code actor} (an administrator, a customer or the system). */
    void record(
            DbExecute tx,
            Actor actor,
            String action,
            String entityType,
            Object entityId,
            Map<String, ?> details,
            Instant at) {
        audit.append(
                tx,
                new AuditEntry(
                        0,
                        actor.subject(),
                        action,
                        entityType,
                        String.valueOf(entityId),
                        actor.correlationId(),
                        json(details),
                        at));
    }

    private static String json(Map<String, ?> details) {
        try {
            return Json.mapper().writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit details must be serialisable", e);
        }
    }
}
