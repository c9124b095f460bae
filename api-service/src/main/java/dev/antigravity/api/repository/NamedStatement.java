package dev.antigravity.api.repository;

import io.helidon.dbclient.DbStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A statement written with named parameters, turned into JDBC's positional form once, when its
 * repository loads. Helidon's DbClient parses a statement with named parameters again on every
 * execution ({@code NamedStatementParser.convert}, 5 % of an order's CPU samples over its nine
 * statements); given the values in order it hands the text to JDBC as it is. Used for the
 * statements every order runs; the others keep Helidon's named parameters.
 */
final class NamedStatement {
    private final String sql;
    private final List<String> order;
    private final Set<String> names;

    private NamedStatement(String sql, List<String> order) {
        this.sql = sql;
        this.order = List.copyOf(order);
        this.names = Set.copyOf(order);
    }

    /**
     * {@code :name} outside quotes is a parameter (a letter, then letters and digits); a name may
     * appear more than once. A {@code ::} cast is refused rather than guessed at.
     */
    static NamedStatement of(String named) {
        StringBuilder sql = new StringBuilder(named.length());
        List<String> order = new ArrayList<>();
        boolean quoted = false;
        for (int i = 0; i < named.length(); i++) {
            char c = named.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                if (i + 1 < named.length() && named.charAt(i + 1) == ':') {
                    throw new IllegalArgumentException("A :: cast in a named statement: " + named);
                }
                int end = i + 1;
                while (end < named.length()
                        && (Character.isLetter(named.charAt(end))
                                || (end > i + 1 && Character.isDigit(named.charAt(end))))) {
                    end++;
                }
                if (end == i + 1) {
                    throw new IllegalArgumentException("A ':' with no parameter name in: " + named);
                }
                order.add(named.substring(i + 1, end));
                sql.append('?');
                i = end - 1;
                continue;
            }
            sql.append(c);
        }
        return new NamedStatement(sql.toString(), order);
    }

    /** The statement with {@code ?} for each parameter. */
    String sql() {
        return sql;
    }

    /** Adds {@code values}, by name, as the statement's positional parameters; exactly its names. */
    <S extends DbStatement<S>> S bind(S statement, Map<String, ?> values) {
        return statement.params(positional(values));
    }

    /** Sets {@code values}, by name, as the positional parameters of a JDBC statement of {@link #sql()}. */
    void bindPositional(java.sql.PreparedStatement statement, Map<String, ?> values) throws java.sql.SQLException {
        List<Object> positional = positional(values);
        for (int i = 0; i < positional.size(); i++) {
            statement.setObject(i + 1, positional.get(i));
        }
    }

    /** The statement with {@code values} for a {@link Pipeline}: a write. */
    Sql write(Map<String, ?> values) {
        return Sql.write(sql, positional(values));
    }

    /** The statement with {@code values} for a {@link Pipeline}: a write returning {@code columns}. */
    Sql writeReturning(Map<String, ?> values, List<String> columns) {
        return Sql.writeReturning(sql, positional(values), columns);
    }

    /** The statement with {@code values} for a {@link Pipeline}: a query. */
    Sql query(Map<String, ?> values) {
        return Sql.query(sql, positional(values));
    }

    /** {@code values}, by name, in the statement's positional order; exactly its names. */
    private List<Object> positional(Map<String, ?> values) {
        // As many values as names, each name found: the same names (a set comparison cost more than the lookups).
        if (values.size() != names.size()) {
            throw wrongNames(values);
        }
        List<Object> positional = new ArrayList<>(order.size());
        for (String name : order) {
            Object value = values.get(name);
            if (value == null && !values.containsKey(name)) {
                throw wrongNames(values);
            }
            positional.add(value);
        }
        return positional;
    }

    private IllegalArgumentException wrongNames(Map<String, ?> values) {
        return new IllegalArgumentException("Parameters " + values.keySet() + " for a statement taking " + names);
    }
}
