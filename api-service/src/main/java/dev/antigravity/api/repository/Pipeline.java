package dev.antigravity.api.repository;

import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.DbRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Statements run in batches on the one connection of a transaction ({@link Transactions#pipelined}).
 *
 * <p>On PostgreSQL a batch is one multi-statement prepared statement: the driver sends every
 * statement's Parse, Bind and Execute and then a single Sync, so a batch costs one round trip
 * however many statements it holds. A round trip is a write and a read on the socket and a wake-up
 * on each side; on an order they were most of its database CPU. On the embedded H2 (in-process,
 * no round trips) the statements run one by one. Either way they run in the order given, and the
 * first failure ends the batch with its {@link SQLException} (the transaction is then rolled back).
 */
public final class Pipeline {
    private static final Sql COMMIT = Sql.write("COMMIT", List.of());
    /** Batch shapes whose combined text is kept: an order's shape varies with its lines and messages. */
    private static final int KEPT_SHAPES = 512;
    /**
     * The combined text of each batch shape seen (its statements' texts and returned columns, in order). The
     * same text instance each time, rather than one rebuilt per batch, also spares the driver's statement cache
     * hashing and comparing a new string of a kilobyte or more to find its parsed query.
     */
    private static final Map<List<Object>, String> COMBINED_TEXTS = new ConcurrentHashMap<>();

    private final Connection connection;
    private final boolean postgres;
    private boolean committed;

    Pipeline(Connection connection, boolean postgres) {
        this.connection = connection;
        this.postgres = postgres;
    }

    /** What one statement of a batch gave back: its update count, or its rows (a query, a returning write). */
    public record Result(long count, List<DbRow> rows) {
        public Result {
            rows = List.copyOf(rows);
        }

        /** The single row a statement returned, if it returned one. */
        public java.util.Optional<DbRow> row() {
            return rows.stream().findFirst();
        }
    }

    /** Runs {@code batch} in order and returns one result per statement, in the same order. */
    public List<Result> run(List<Sql> batch) {
        requireOpen();
        try {
            return postgres ? runCombined(batch) : runOneByOne(batch);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * {@link #run}, then commits: the transaction's last batch, nothing may run after it (and the
     * work should do nothing after it that can fail: there is nothing left to roll back). On
     * PostgreSQL the COMMIT goes in the batch's own round trip (the driver then has no transaction
     * left to commit); a COMMIT that fails throws like any statement of the batch.
     */
    public List<Result> runThenCommit(List<Sql> batch) {
        requireOpen();
        committed = true;
        try {
            if (!postgres) {
                List<Result> results = runOneByOne(batch);
                connection.commit();
                return results;
            }
            List<Sql> committing = new ArrayList<>(batch);
            committing.add(COMMIT);
            return runCombined(committing).subList(0, batch.size());
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** {@link #run} of one statement. */
    public Result run(Sql statement) {
        return run(List.of(statement)).getFirst();
    }

    private List<Result> runCombined(List<Sql> batch) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(combinedText(batch))) {
            int index = 1;
            for (Sql sql : batch) {
                for (Object value : sql.values()) {
                    statement.setObject(index++, value);
                }
            }
            boolean rows = statement.execute();
            List<Result> results = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                if (rows) {
                    try (ResultSet resultSet = statement.getResultSet()) {
                        results.add(rows(resultSet));
                    }
                } else {
                    results.add(new Result(statement.getUpdateCount(), List.of()));
                }
                rows = statement.getMoreResults();
            }
            return results;
        }
    }

    private static String combinedText(List<Sql> batch) {
        List<Object> shape = new ArrayList<>(2 * batch.size());
        for (Sql sql : batch) {
            shape.add(sql.text());
            shape.add(sql.returning());
        }
        String known = COMBINED_TEXTS.get(shape);
        if (known != null) {
            return known;
        }
        StringBuilder text = new StringBuilder();
        for (Sql sql : batch) {
            if (!text.isEmpty()) {
                text.append(";\n");
            }
            text.append(sql.text());
            if (sql.kind() == Sql.Kind.WRITE_RETURNING) {
                text.append(" RETURNING ").append(String.join(", ", sql.returning()));
            }
        }
        String combined = text.toString();
        if (COMBINED_TEXTS.size() < KEPT_SHAPES) {
            COMBINED_TEXTS.putIfAbsent(shape, combined);
        }
        return combined;
    }

    private List<Result> runOneByOne(List<Sql> batch) throws SQLException {
        List<Result> results = new ArrayList<>(batch.size());
        for (Sql sql : batch) {
            try (PreparedStatement statement = prepare(sql)) {
                int index = 1;
                for (Object value : sql.values()) {
                    statement.setObject(index++, value);
                }
                results.add(
                        switch (sql.kind()) {
                            case QUERY -> {
                                try (ResultSet resultSet = statement.executeQuery()) {
                                    yield rows(resultSet);
                                }
                            }
                            case WRITE -> new Result(statement.executeLargeUpdate(), List.of());
                            case WRITE_RETURNING -> {
                                long count = statement.executeLargeUpdate();
                                try (ResultSet keys = statement.getGeneratedKeys()) {
                                    yield new Result(count, rows(keys).rows());
                                }
                            }
                        });
            }
        }
        return results;
    }

    private void requireOpen() {
        if (committed) {
            throw new IllegalStateException("The transaction was committed by its last batch");
        }
    }

    private static DbClientException failed(SQLException e) {
        return new DbClientException("A statement of the transaction failed: " + e.getMessage(), e);
    }

    private PreparedStatement prepare(Sql sql) throws SQLException {
        return sql.kind() == Sql.Kind.WRITE_RETURNING
                ? connection.prepareStatement(sql.text(), sql.returning().toArray(String[]::new))
                : connection.prepareStatement(sql.text());
    }

    private static Result rows(ResultSet resultSet) throws SQLException {
        List<DbRow> rows = PipelineRow.all(resultSet);
        return new Result(rows.size(), rows);
    }
}
