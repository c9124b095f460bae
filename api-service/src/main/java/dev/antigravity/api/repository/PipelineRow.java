package dev.antigravity.api.repository;

import io.helidon.common.mapper.MapperManager;
import io.helidon.dbclient.DbColumnBase;
import io.helidon.dbclient.DbMapperManager;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbRowBase;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A row a {@link Pipeline} read, as a Helidon {@link io.helidon.dbclient.DbRow}, so that the
 * repositories map it with the same code as the rows of their DbClient statements.
 */
final class PipelineRow extends DbRowBase {
    private static final DbMapperManager ROW_MAPPERS = DbMapperManager.create();
    /**
     * Looked up once: {@code MapperManager.global()} asks Helidon's service registry on every call, and a row
     * has a column per value. Nothing here replaces the global manager after start-up.
     */
    private static final MapperManager COLUMN_MAPPERS = MapperManager.global();

    private PipelineRow(DbColumnBase[] columns) {
        super(columns, ROW_MAPPERS);
    }

    /** The rows of {@code resultSet}, its column labels and types read once for all of them. */
    static List<DbRow> all(ResultSet resultSet) throws SQLException {
        ResultSetMetaData meta = resultSet.getMetaData();
        String[] labels = new String[meta.getColumnCount()];
        String[] types = new String[labels.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = meta.getColumnLabel(i + 1);
            types[i] = meta.getColumnTypeName(i + 1);
        }
        List<DbRow> rows = new ArrayList<>();
        while (resultSet.next()) {
            DbColumnBase[] columns = new DbColumnBase[labels.length];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = new Column(resultSet.getObject(i + 1), labels[i], types[i]);
            }
            rows.add(new PipelineRow(columns));
        }
        return rows;
    }

    private static final class Column extends DbColumnBase {
        private final String name;
        private final String dbType;
        private final Class<?> javaType;

        Column(Object value, String name, String dbType) {
            super(value, COLUMN_MAPPERS);
            this.name = name;
            this.dbType = dbType;
            this.javaType = value == null ? Object.class : value.getClass();
        }

        @Override
        public Class<?> javaType() {
            return javaType;
        }

        @Override
        public String dbType() {
            return dbType;
        }

        @Override
        public String name() {
            return name;
        }
    }
}
