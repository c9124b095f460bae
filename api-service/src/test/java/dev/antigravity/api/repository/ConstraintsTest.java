package dev.antigravity.api.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.dbclient.DbClientException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Failures are told apart by the SQLState anywhere in their causes; a driver may give none. */
class ConstraintsTest {
    private static RuntimeException failed(SQLException cause) {
        return new DbClientException("A statement of the transaction failed", cause);
    }

    @Test
    void aRefusalOfTheDataWrittenIsRecognisedOnBothDatabases() {
        assertThat(Constraints.isDataRefusal(failed(new SQLException("check", "23514"))))
                .isTrue();
        assertThat(Constraints.isDataRefusal(failed(new SQLException("check", "23513"))))
                .isTrue();
        assertThat(Constraints.isDataRefusal(failed(new SQLException("not null", "23502"))))
                .isTrue();
        assertThat(Constraints.isDataRefusal(failed(new SQLException("unique", "23505"))))
                .isFalse();
        assertThat(Constraints.isUniqueViolation(failed(new SQLException("unique", "23505"))))
                .isTrue();
    }

    /** A connection that broke mid-statement may carry no SQLState: that is no refusal, and no NullPointerException. */
    @Test
    void aFailureWithoutSqlStateIsNoConstraintViolation() {
        RuntimeException broken = failed(new SQLException("I/O error"));

        assertThat(Constraints.isDataRefusal(broken)).isFalse();
        assertThat(Constraints.isUniqueViolation(broken)).isFalse();
        assertThat(Constraints.isForeignKeyViolation(broken)).isFalse();
    }
}
