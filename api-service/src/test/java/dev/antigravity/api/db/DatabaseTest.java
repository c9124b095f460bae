package dev.antigravity.api.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.antigravity.api.testsupport.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DatabaseTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void migratesAndAnswersThroughDbClientAndPing(TestDatabases.Engine engine) {
        try (Database db = engine.open()) {
            assertThat(db.ping(Duration.ofSeconds(2))).isTrue();
            int one = db.dbClient()
                    .execute()
                    .query("SELECT 1 AS one")
                    .map(row -> row.column("one").get(Integer.class))
                    .findFirst()
                    .orElseThrow();
            assertThat(one).isEqualTo(1);
            // Flyway ran (even with no migrations it records its history table).
            long history = db.dbClient()
                    .execute()
                    .query("SELECT COUNT(*) AS n FROM \"flyway_schema_history\"")
                    .map(row -> row.column("n").getLong())
                    .findFirst()
                    .orElseThrow();
            assertThat(history).isGreaterThanOrEqualTo(0L);
        }
    }

    @Test
    void embeddedDatabasesAreIsolatedFromEachOther() {
        try (Database a = TestDatabases.h2();
                Database b = TestDatabases.h2()) {
            a.dbClient().execute().dml("CREATE TABLE only_in_a(id INT)");
            long tablesInB = b.dbClient()
                    .execute()
                    .query("SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_name = 'only_in_a'")
                    .map(row -> row.column("n").getLong())
                    .findFirst()
                    .orElseThrow();
            assertThat(a.embedded()).isTrue();
            assertThat(tablesInB).isZero();
        }
    }

    @Test
    void pingIsFalseWithinItsBoundWhenTheDatabaseIsUnreachable() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/none");
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(30_000);
        try (Database db = Database.wrap(new HikariDataSource(config))) {
            long start = System.nanoTime();
            assertThat(db.ping(Duration.ofMillis(500))).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
