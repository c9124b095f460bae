package dev.antigravity.api.repository;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One statement of a {@link Pipeline}: positional SQL, its values in order, and the columns it
 * returns. A write that returns columns (an INSERT's id, an UPDATE's new row) names them here and
 * the pipeline asks for them in the way of the database ({@code RETURNING} on PostgreSQL,
 * generated keys elsewhere), so the statement text stays the same on both.
 */
public record Sql(String text, List<Object> values, Kind kind, List<String> returning) {
    /** What the statement gives back. */
    public enum Kind {
        /** A write: its update count. */
        WRITE,
        /** A write and the named columns of each row it wrote. */
        WRITE_RETURNING,
        /** A query: its rows. */
        QUERY
    }

    public Sql {
        values = Collections.unmodifiableList(new ArrayList<>(values)); // a value may be NULL
        returning = List.copyOf(returning);
        if ((kind == Kind.WRITE_RETURNING) == returning.isEmpty()) {
            throw new IllegalArgumentException("Only a returning write names returned columns: " + text);
        }
    }

    static Sql write(String text, List<?> values) {
        return new Sql(text, new ArrayList<>(values), Kind.WRITE, List.of());
    }

    static Sql writeReturning(String text, List<?> values, List<String> returning) {
        return new Sql(text, new ArrayList<>(values), Kind.WRITE_RETURNING, returning);
    }

    static Sql query(String text, List<?> values) {
        return new Sql(text, new ArrayList<>(values), Kind.QUERY, List.of());
    }
}
