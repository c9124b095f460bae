package dev.antigravity.api.repository;

import io.helidon.dbclient.DbResultDml;
import io.helidon.dbclient.DbStatementDml;

/** Executes an INSERT and returns the identity the database generated for it. */
final class Inserts {
    private Inserts() {}

    static long returningId(DbStatementDml insert) {
        try (DbResultDml result = insert.returnGeneratedKeys().insert()) {
            return result.generatedKeys()
                    .findFirst()
                    .map(row -> Columns.longValue(row, "id"))
                    .orElseThrow(() -> new IllegalStateException("Insert returned no generated id"));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Could not close insert result", e);
        }
    }
}
