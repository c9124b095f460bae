package dev.antigravity.api.model;

/** Sort order; the SQL keyword is a constant, never request text. */
public enum SortDirection {
    ASC("ASC"),
    DESC("DESC");

    private final String sql;

    SortDirection(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }
}
