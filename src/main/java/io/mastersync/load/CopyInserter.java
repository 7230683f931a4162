package io.mastersync.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostgreSQL: {@code COPY ... FROM STDIN} in text format, the fastest way in. Rows are sent in pieces as
 * they are encoded, so the server inserts while the rest of the chunk is still being encoded. Not
 * thread-safe (reuses its buffer).
 */
final class CopyInserter implements BulkInserter {

    private static final int SEND_AT = 256 * 1024;
    private final CopyBuffer buffer = new CopyBuffer();

    @Override
    public void insert(Connection connection, String table, List<String> columns, List<Object[]> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT text)";
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            buffer.clear();
            for (Object[] row : rows) {
                for (Object value : row) {
                    buffer.value(value);
                }
                buffer.endRow();
                if (buffer.length() >= SEND_AT) {
                    copy.writeToCopy(buffer.bytes(), 0, buffer.length());
                    buffer.clear();
                }
            }
            copy.writeToCopy(buffer.bytes(), 0, buffer.length());
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }
}
