package io.mastersync.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams many rows into one table on the caller's connection (inside the caller's transaction) without holding
 * them: PostgreSQL gets one {@code COPY ... FROM STDIN}, sent in pieces as rows are added; other databases (the
 * embedded H2) get JDBC batches of {@value #BATCH} rows. For writers that produce a million rows, such as the
 * golden records and the cross-reference, where row-by-row inserts took longer than computing the rows. Values:
 * String, Number, Boolean, BigDecimal, Timestamp, LocalDateTime or null. Not thread-safe; close it to finish.
 */
public abstract class BulkRows implements AutoCloseable {

    static final int BATCH = 5000;

    private long count;

    /** A writer for {@code table (columns)}, by the connection's database. */
    public static BulkRows open(Connection connection, String table, List<String> columns) throws SQLException {
        return SqlDialect.of(connection) == SqlDialect.POSTGRESQL ? new Copy(connection, table, columns)
                : new Batch(connection, table, columns);
    }

    /** Adds one row (values in column order). */
    public final void add(Object... values) throws SQLException {
        write(values);
        count++;
    }

    /** Rows added so far. */
    public final long count() {
        return count;
    }

    abstract void write(Object[] values) throws SQLException;

    /** Sends what is left; the rows are then in the table (visible in the caller's transaction). */
    @Override
    public abstract void close() throws SQLException;

    private static final class Copy extends BulkRows {

        private static final int SEND_AT = 256 * 1024;
        private final CopyIn copy;
        private final CopyBuffer buffer = new CopyBuffer();

        Copy(Connection connection, String table, List<String> columns) throws SQLException {
            copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " ("
                    + String.join(", ", columns) + ") FROM STDIN (FORMAT text)");
        }

        @Override
        void write(Object[] values) throws SQLException {
            for (Object v : values) {
                buffer.value(v);
            }
            buffer.endRow();
            if (buffer.length() >= SEND_AT) {
                send();
            }
        }

        private void send() throws SQLException {
            try {
                copy.writeToCopy(buffer.bytes(), 0, buffer.length());
            } catch (SQLException e) {
                cancel();
                throw e;
            }
            buffer.clear();
        }

        @Override
        public void close() throws SQLException {
            if (!copy.isActive()) {
                return;
            }
            send();
            try {
                copy.endCopy();
            } finally {
                cancel();
            }
        }

        private void cancel() throws SQLException {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static final class Batch extends BulkRows {

        private final PreparedStatement statement;
        private int pending;

        Batch(Connection connection, String table, List<String> columns) throws SQLException {
            statement = connection.prepareStatement(BatchInserter.insertSql(table, columns));
        }

        @Override
        void write(Object[] values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                BatchInserter.bind(statement, i + 1, values[i]);
            }
            statement.addBatch();
            if (++pending >= BATCH) {
                statement.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            try (statement) {
                if (pending > 0) {
                    statement.executeBatch();
                }
            }
        }
    }
}
