package io.mastersync.load;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** PostgreSQL: {@code COPY ... FROM STDIN} in text format, the fastest way in. */
final class CopyInserter implements BulkInserter {

    @Override
    public void insert(Connection connection, String table, List<String> columns, List<Object[]> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(rows.size() * 160);
        CopyText copy = new CopyText(text);
        for (Object[] row : rows) {
            for (Object value : row) {
                copy.value(value);
            }
            copy.endRow();
        }
        CopyManager copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
        String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT text)";
        try {
            copyManager.copyIn(sql, new StringReader(text.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + table + " failed: " + e.getMessage(), e);
        }
    }
}
