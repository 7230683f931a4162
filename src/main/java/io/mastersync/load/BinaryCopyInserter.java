package io.mastersync.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostgreSQL: {@code COPY ... FROM STDIN} in binary format, sent in pieces as rows are encoded so that the
 * server inserts while the rest is still being encoded. The target columns' types are looked up once per
 * table; a table with a column type that {@link BinaryCopyBuffer} does not write is copied as text. Not
 * thread-safe (reuses its buffer).
 */
final class BinaryCopyInserter implements BulkInserter {

    private static final int SEND_AT = 256 * 1024;
    private final BinaryCopyBuffer buffer = new BinaryCopyBuffer();
    private final CopyInserter text = new CopyInserter();
    /** Per table and column list: the column types, or empty when the table goes as text. */
    private final Map<String, Optional<BinaryCopyBuffer.ColumnType[]>> types = new HashMap<>();

    @Override
    public void insert(Connection connection, String table, List<String> columns, List<Object[]> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String columnList = String.join(", ", columns);
        Optional<BinaryCopyBuffer.ColumnType[]> columnTypes = types.get(table + "(" + columnList + ")");
        if (columnTypes == null) {
            columnTypes = columnTypes(connection, table, columnList, columns.size());
            types.put(table + "(" + columnList + ")", columnTypes);
        }
        if (columnTypes.isEmpty()) {
            text.insert(connection, table, columns, rows);
            return;
        }
        BinaryCopyBuffer.ColumnType[] typeOf = columnTypes.get();
        String sql = "COPY " + table + " (" + columnList + ") FROM STDIN (FORMAT binary)";
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            buffer.clear();
            buffer.put(BinaryCopyBuffer.HEADER);
            for (Object[] row : rows) {
                buffer.startRow(typeOf.length);
                for (int i = 0; i < typeOf.length; i++) {
                    buffer.value(typeOf[i], row[i]);
                }
                if (buffer.length() >= SEND_AT) {
                    copy.writeToCopy(buffer.bytes(), 0, buffer.length());
                    buffer.clear();
                }
            }
            buffer.put(BinaryCopyBuffer.TRAILER);
            copy.writeToCopy(buffer.bytes(), 0, buffer.length());
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static Optional<BinaryCopyBuffer.ColumnType[]> columnTypes(Connection connection, String table,
            String columnList, int count) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + columnList + " FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            BinaryCopyBuffer.ColumnType[] result = new BinaryCopyBuffer.ColumnType[count];
            for (int i = 0; i < count; i++) {
                result[i] = BinaryCopyBuffer.ColumnType.of(meta.getColumnTypeName(i + 1));
                if (result[i] == null) {
                    return Optional.empty();
                }
            }
            return Optional.of(result);
        }
    }
}
