package dev.antigravity.api.repository;

import java.util.function.Function;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbTransaction;

/** Runs work in one database transaction: committed if it returns, rolled back if it throws. */
public final class Transactions {
    private static final System.Logger LOG = System.getLogger(Transactions.class.getName());

    private final DbClient db;

    public Transactions(DbClient db) {
        this.db = db;
    }

    public <T> T inTransaction(Function<DbTransaction, T> work) {
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
