package dev.antigravity.api.repository;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.DbTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** Runs work in one database transaction: committed if it returns, rolled back if it throws. */
public final class Transactions {
    private static final System.Logger LOG = System.getLogger(Transactions.class.getName());
    /** What the running transaction reported through {@link #afterCommit}, by sink. */
    private static final ScopedValue<Map<Consumer<?>, Set<Object>>> AFTER_COMMIT = ScopedValue.newInstance();

    private final DbClient db;
    private final DatabaseKind kind = new DatabaseKind();

    public Transactions(DbClient db) {
        this.db = db;
    }

    public <T> T inTransaction(Function<DbTransaction, T> work) {
        return collectingAfterCommit(() -> commitOrRollBack(work));
    }

    /**
     * {@link #inTransaction} for work that sends its statements in batches ({@link Pipeline}), each
     * batch one round trip on PostgreSQL; the same commit, roll-back and after-commit rules.
     */
    public <T> T pipelined(Function<Pipeline, T> work) {
        return collectingAfterCommit(() -> commitOrRollBackPipelined(work));
    }

    private static <T> T collectingAfterCommit(Supplier<T> transaction) {
        Map<Consumer<?>, Set<Object>> afterCommit = new IdentityHashMap<>();
        T result = ScopedValue.where(AFTER_COMMIT, afterCommit).call(transaction::get);
        afterCommit.forEach(Transactions::deliver);
        return result;
    }

    /**
     * Hands {@code value} to {@code sink} once the current transaction committed, together with
     * every other value reported to the same sink in it (one call per sink and transaction); never
     * if it rolls back. Outside {@link #inTransaction} the statement has committed already, so the
     * sink gets the value at once. Used to invalidate caches: before the commit another reader
     * could still load, and cache, the old row.
     */
    public static <T> void afterCommit(Consumer<Set<T>> sink, T value) {
        if (AFTER_COMMIT.isBound()) {
            AFTER_COMMIT.get().computeIfAbsent(sink, s -> new LinkedHashSet<>()).add(value);
        } else {
            deliver(sink, Set.of(value));
        }
    }

    /** The transaction is committed whatever a sink does: its failure is logged, never the caller's. */
    @SuppressWarnings("unchecked")
    private static void deliver(Consumer<?> sink, Set<?> values) {
        try {
            ((Consumer<Set<Object>>) sink).accept((Set<Object>) values);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "After-commit action failed for " + values + ": " + e, e);
        }
    }

    private <T> T commitOrRollBack(Function<DbTransaction, T> work) {
        DbTransaction tx = db.transaction();
        T result;
        try {
            result = work.apply(tx);
        } catch (RuntimeException | Error e) {
            rollbackQuietly(tx);
            throw e;
        }
        tx.commit();
        return result;
    }

    private <T> T commitOrRollBackPipelined(Function<Pipeline, T> work) {
        // The DbClient's pool (traced, like its own statements), not a DbTransaction: Helidon gives no
        // access to a transaction's connection, and a batch needs the JDBC connection itself.
        try (Connection connection = db.unwrap(Connection.class)) {
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.apply(new Pipeline(connection, kind.isPostgres(connection)));
            } catch (RuntimeException | Error e) {
                rollbackQuietly(connection);
                throw e;
            }
            connection.commit();
            return result;
        } catch (SQLException e) {
            throw new DbClientException("The transaction did not complete: " + e.getMessage(), e);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.DEBUG, "Rollback after failure did not complete", e);
        }
    }

    /*
     * Helidon already closes the connection when a statement of the transaction fails, so the
     * explicit rollback may find it closed; the original failure is the one worth reporting.
     */
    private static void rollbackQuietly(DbTransaction tx) {
        try {
            tx.rollback();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Rollback after failure did not complete", e);
        }
    }
}
