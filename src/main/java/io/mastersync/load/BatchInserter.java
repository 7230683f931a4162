package io.mastersync.load;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;

/** Other databases (the embedded H2): one JDBC batch per chunk. */
final class BatchInserter implements BulkInserter {

    @Override
    public void insert(Connection connection, String table, List<String> columns, List<Object[]> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(insertSql(table, columns))) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    bind(ps, i + 1, row[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static String insertSql(String table, List<String> columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }

    /** Binds one value of the kinds the writers produce (pre-encoded COPY text is bound as its value). */
    static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof Encoded e) {
            value = e.value();
        }
        if (value == null) {
            ps.setNull(index, Types.NULL);
        } else if (value instanceof Timestamp t) {
            ps.setTimestamp(index, t);
        } else if (value instanceof LocalDateTime t) {
            ps.setTimestamp(index, Timestamp.valueOf(t));
        } else if (value instanceof BigDecimal d) {
            ps.setBigDecimal(index, d);
        } else if (value instanceof Double d) {
            ps.setDouble(index, d);
        } else if (value instanceof Long l) {
            ps.setLong(index, l);
        } else if (value instanceof Integer n) {
            ps.setInt(index, n);
        } else if (value instanceof Boolean b) {
            ps.setBoolean(index, b);
        } else if (value instanceof byte[] b) {
            ps.setBytes(index, b);
        } else if (value instanceof java.time.LocalDate d) {
            ps.setDate(index, java.sql.Date.valueOf(d));
        } else {
            ps.setString(index, value.toString());
        }
    }
}
