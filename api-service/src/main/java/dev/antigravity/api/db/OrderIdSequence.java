package dev.antigravity.api.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 11: the orders' ids come from a sequence named {@code orders_id_seq} on every database, so that the
 * service can draw an order's id before the order's first statement ({@code repository/OrderIds}).
 *
 * <p>PostgreSQL already has it: that is the name it gives the sequence behind {@code orders.id}'s identity, and
 * tasks still running the previous release keep drawing from the same sequence during a rolling deployment, so
 * nothing changes there. H2 hides an identity's sequence, so there the identity is replaced by a sequence of that
 * name, starting after the highest id, as the column's default. A Java migration because only it can tell the two
 * apart; H2 has no {@code setval}, so the start is read first.
 */
final class OrderIdSequence implements JavaMigration {
    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("11");
    }

    @Override
    public String getDescription() {
        return "order id sequence";
    }

    @Override
    public Integer getChecksum() {
        return 11;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (connection.getMetaData().getDatabaseProductName().startsWith("PostgreSQL")) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            long start;
            try (ResultSet next = statement.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM orders")) {
                next.next();
                start = next.getLong(1);
            }
            statement.execute("ALTER TABLE orders ALTER COLUMN id DROP IDENTITY");
            statement.execute("CREATE SEQUENCE orders_id_seq START WITH " + start);
            statement.execute("ALTER TABLE orders ALTER COLUMN id SET DEFAULT nextval('orders_id_seq')");
        }
    }
}
