package dev.antigravity.api.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.antigravity.api.db.Database;
import dev.antigravity.api.testsupport.TestDatabases;
import io.helidon.dbclient.DbRow;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamedStatementTest {

    @Test
    void namesBecomePositionalParametersOutsideQuotes() {
        NamedStatement statement =
                NamedStatement.of("INSERT INTO t (a, b, c, d) VALUES (:first, 'at 10:30', :second2, :first)");
        assertThat(statement.sql()).isEqualTo("INSERT INTO t (a, b, c, d) VALUES (?, 'at 10:30', ?, ?)");
    }

    @Test
    void castsAndNamelessColonsAreRefused() {
        assertThatThrownBy(() -> NamedStatement.of("SELECT :a::text"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("::");
        assertThatThrownBy(() -> NamedStatement.of("SELECT : a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no parameter name");
    }

    @Test
    void valuesAreBoundByNameInTheStatementsOrder() {
        NamedStatement statement = NamedStatement.of(
                "SELECT CAST(:word AS VARCHAR(20)) AS a, CAST(:number AS INT) AS b, CAST(:word AS VARCHAR(20)) AS c");
        try (Database database = TestDatabases.h2()) {
            DbRow row = statement
                    .bind(
                            database.dbClient().execute().createGet(statement.sql()),
                            Map.of("number", 42, "word", "it's: here"))
                    .execute()
                    .orElseThrow();
            assertThat(Columns.string(row, "a")).isEqualTo("it's: here");
            assertThat(((Number) row.column("b").get()).intValue()).isEqualTo(42);
            assertThat(Columns.string(row, "c")).isEqualTo("it's: here");
        }
    }

    @Test
    void aMissingOrUnknownNameIsRefused() {
        NamedStatement statement = NamedStatement.of("SELECT :a, :b");
        try (Database database = TestDatabases.h2()) {
            assertThatThrownBy(() ->
                            statement.bind(database.dbClient().execute().createGet(statement.sql()), Map.of("a", 1)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> statement.bind(
                            database.dbClient().execute().createGet(statement.sql()), Map.of("a", 1, "b", 2, "c", 3)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
