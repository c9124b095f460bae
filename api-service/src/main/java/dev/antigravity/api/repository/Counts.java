package dev.antigravity.api.repository;

import io.helidon.dbclient.DbExecute;
import java.util.Map;

/** Runs a {@code SELECT COUNT(*) AS total ...} and returns the number. */
final class Counts {
    private Counts() {}

    static long of(DbExecute db, String countSql, Map<String, ?> params) {
        return db.createGet(countSql)
                .params(params)
                .execute()
                .map(row -> Columns.longValue(row, "total"))
                .orElse(0L);
    }
}
