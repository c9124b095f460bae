package dev.antigravity.api.repository;

import java.sql.Connection;
import java.sql.SQLException;

/** Whether a pool's database is PostgreSQL (else the embedded H2), learnt from its first connection. */
final class DatabaseKind {
    private volatile Boolean postgres;

    boolean isPostgres(Connection connection) throws SQLException {
        Boolean known = postgres;
        if (known == null) {
            known = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            postgres = known;
        }
        return known;
    }
}
