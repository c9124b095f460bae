package dev.antigravity.api.repository;

import io.helidon.common.mapper.MapperManager;
import io.helidon.dbclient.DbColumnBase;
import io.helidon.dbclient.DbMapperManager;
import io.helidon.dbclient.DbRowBase;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * A row a {@link Pipeline} read, as a Helidon {@link io.helidon.dbclient.DbRow}, so that the
 * repositories map it with the same code as the rows of their DbClient statements.
 */
final class PipelineRow extends DbRowBase {
    private static final DbMapperManager ROW_MAPPERS = DbMapperManager.create();

    private PipelineRow(DbColumnBase[] columns) {
        super(columns, ROW_MAPPERS);
    }

    static PipelineRow of(ResultSet resultSet) throws SQLException {
        ResultSetMetaData meta = resultSet.getMetaData();
        DbColumnBase[] columns = new DbColumnBase[meta.getColumnCount()];
        for (int i = 0; i < columns.length; i++) {
            Object value = resultSet.getObject(i + 1);
            columns[i] = new Column(value, meta.getColumnLabel(i + 1), meta.getColumnTypeName(i + 1));
        }
        return new PipelineRow(columns);
    }

    private static final class Column extends DbColumnBase {
        private final String name;
        private final String dbType;
        private final Class<?> javaType;

        Column(Object value, String name, String dbType) {
            super(value, MapperManager.global());
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
