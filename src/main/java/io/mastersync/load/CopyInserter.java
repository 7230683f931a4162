package io.mastersync.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** PostgreSQL: {@code COPY ... FROM STDIN} in text format, the fastest way in. Not thread-safe (reuses its buffer). */
final class CopyInserter implements BulkInserter {

    private final CopyBuffer buffer = new CopyBuffer();

    @Override
    public void insert(Connection connection, String table, List<String> columns, List<Object[]> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        buffer.clear();
        for (Object[] row : rows) {
            for (Object value : row) {
                buffer.value(value);
            }
            buffer.endRow();
        }
        String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT text)";
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            copy.writeToCopy(buffer.bytes(), 0, buffer.length());
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }
}
