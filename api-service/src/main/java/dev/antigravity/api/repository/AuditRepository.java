package dev.antigravity.api.repository;

import dev.antigravity.api.model.AuditEntry;
import dev.antigravity.api.model.Page;
import dev.antigravity.api.model.PageRequest;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import java.util.List;
import java.util.Map;

/** Append-only audit log. */
public final class AuditRepository {

    /** Appends the entry (its id is ignored) and returns its new id. */
    public long append(DbExecute db, AuditEntry entry) {
        return Inserts.returningId(db.createInsert(
                        "INSERT INTO audit_log (actor_subject, action, entity_type, entity_id, correlation_id, details, "
                                + "occurred_at) VALUES (:actor, :action, :entityType, :entityId, :correlationId, :details, "
                                + ":occurredAt)")
                .addParam("actor", entry.actor())
                .addParam("action", entry.action())
                .addParam("entityType", entry.entityType())
                .addParam("entityId", entry.entityId())
                .addParam("correlationId", entry.correlationId())
                .addParam("details", entry.details())
                .addParam("occurredAt", Times.utc(entry.occurredAt())));
    }

    /** Newest first. */
    public Page<AuditEntry> page(DbExecute db, PageRequest request) {
        List<AuditEntry> entries = db.createQuery(
                        "SELECT id, actor_subject, action, entity_type, entity_id, correlation_id, "
                                + "details, occurred_at FROM audit_log ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .addParam("limit", request.size())
                .addParam("offset", request.offset())
                .execute()
                .map(AuditRepository::entry)
                .toList();
        return Page.of(entries, request, Counts.of(db, "SELECT COUNT(*) AS total FROM audit_log", Map.of()));
    }

    private static AuditEntry entry(DbRow row) {
        return new AuditEntry(
                Columns.longValue(row, "id"),
                Columns.string(row, "actor_subject"),
                Columns.string(row, "action"),
                Columns.string(row, "entity_type"),
                Columns.string(row, "entity_id"),
                Columns.string(row, "correlation_id"),
                Columns.string(row, "details"),
                Columns.instant(row, "occurred_at"));
    }
}
