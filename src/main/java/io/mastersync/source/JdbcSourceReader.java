package io.mastersync.source;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the rows of one query from a legacy database with plain JDBC, streaming: the driver fetches
 * {@code fetch-size} rows per round trip (auto-commit is switched off, which PostgreSQL needs for
 * that). Values become strings: timestamps as ISO-8601 ({@code 2024-12-31T23:59:59}), decimals in
 * plain notation, binary as hex, SQL NULL as null. A restart re-runs the query and skips the rows
 * already read, which is only right when the query orders its rows by a unique key.
 *
 * <p>The password never appears in messages or lineage: URLs are shown without credentials and
 * driver messages are scrubbed. {@link Progress} counts rows; its total is -1 (unknown). Not
 * thread-safe.
 */
public final class JdbcSourceReader implements SourceReader {

    private final JdbcSourceSpec spec;
    private final String origin;

    private Connection connection;
    private PreparedStatement statement;
    private ResultSet rows;
    private ColumnLayout layout = new ColumnLayout(List.of());
    private int[] types = new int[0];
    private long rowNumber;
    private long recordsTotal;
    /** A hash of the rows read so far, saved with the position: a restart checks the rows it skips against it. */
    private long readHash;
    private boolean finished;

    private final java.time.LocalDateTime watermark;

    public JdbcSourceReader(JdbcSourceSpec spec) {
        this(spec, null);
    }

    /**
     * @param watermark bound to every {@code :watermark} placeholder of the query (delta syncs read only
     *                  rows changed since then); null when the query has none
     */
    public JdbcSourceReader(JdbcSourceSpec spec, java.time.LocalDateTime watermark) {
        this.spec = spec;
        this.origin = spec.safeUrl() + " (query)";
        this.watermark = watermark;
    }

    @Override
    public void open(SourcePosition resumeAt) {
        close();
        Properties properties = new Properties();
        if (spec.username() != null) {
            properties.setProperty("user", spec.username());
        }
        if (spec.password() != null) {
            properties.setProperty("password", spec.password());
        }
        try {
            connection = DriverManager.getConnection(spec.url(), properties);
        } catch (SQLException e) {
            throw failure("cannot connect", e);
        }
        try {
            connection.setAutoCommit(false);
            String[] parts = spec.partsAroundWatermark();
            statement = connection.prepareStatement(String.join("?", parts), ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            for (int p = 1; p < parts.length; p++) {
                if (watermark == null) {
                    throw new SourceException(origin + ": the query has a :watermark placeholder, which only a sync"
                            + " with a watermark can fill");
                }
                statement.setTimestamp(p, java.sql.Timestamp.valueOf(watermark));
            }
            statement.setFetchSize(spec.fetchSize());
            rows = statement.executeQuery();
            layout = layout(rows.getMetaData());
            rowNumber = 0;
            finished = false;
            readHash = 0;
            // Same query, same order: skipping the rows read before restores the position, if they are the same
            // rows (a row deleted or inserted before the position since would shift every later one)
            while (rowNumber < resumeAt.recordsInFile()) {
                if (!rows.next()) {
                    throw new SourceChangedException(origin + ": cannot resume after row " + resumeAt.recordsInFile()
                            + ": the query now returns only " + rowNumber + " rows");
                }
                readHash = nextHash(readHash, values());
                rowNumber++;
            }
            if (resumeAt.readHash() != 0 && readHash != resumeAt.readHash()) {
                throw new SourceChangedException(origin + ": cannot resume after row " + resumeAt.recordsInFile()
                        + ": the query's first " + resumeAt.recordsInFile() + " rows are not those the interrupted run"
                        + " read (rows were inserted, deleted or changed since), so skipping them would skip other"
                        + " rows");
            }
            recordsTotal = resumeAt.recordsTotal();
        } catch (SQLException e) {
            close();
            throw failure("cannot run the query", e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private ColumnLayout layout(ResultSetMetaData meta) throws SQLException {
        int count = meta.getColumnCount();
        types = new int[count];
        List<String> names = new ArrayList<>(count);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i <= count; i++) {
            String name = meta.getColumnLabel(i);
            Integer first = seen.putIfAbsent(name, i);
            if (first != null) {
                throw new SourceException(origin + ": column " + i + " of the query repeats the name '" + name
                        + "' of column " + first + "; give it an alias");
            }
            names.add(name);
            types[i - 1] = withZone(meta.getColumnTypeName(i)) ? Types.TIMESTAMP_WITH_TIMEZONE : meta.getColumnType(i);
        }
        return new ColumnLayout(names);
    }

    @Override
    public ColumnLayout layout() {
        return layout;
    }

    @Override
    public SourceRow read() {
        if (rows == null || finished) {
            return null;
        }
        try {
            if (!rows.next()) {
                finished = true;
                return null;
            }
            String[] values = values();
            List<RowProblem> problems = new ArrayList<>();
            StringBuilder raw = new StringBuilder();
            for (int i = 0; i < values.length; i++) {
                String name = layout.names().get(i);
                if (values[i] != null && values[i].indexOf('\0') >= 0) {
                    problems.add(new RowProblem(name, "nul-byte", "column '" + name + "' contains a NUL byte"));
                }
                if (i > 0) {
                    raw.append("; ");
                }
                raw.append(name).append('=').append(values[i] == null ? "<null>" : values[i]);
            }
            rowNumber++;
            recordsTotal++;
            readHash = nextHash(readHash, values);
            return new SourceRow(layout, values, new RowLineage(origin, rowNumber, recordsTotal, raw.toString()),
                    List.copyOf(problems));
        } catch (SQLException e) {
            throw failure("cannot read row " + (rowNumber + 1), e);
        }
    }

    private String[] values() throws SQLException {
        String[] values = new String[layout.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = text(i + 1, types[i]);
        }
        return values;
    }

    /** The hash of the rows read so far, extended by one more row. */
    private static long nextHash(long hash, String[] values) {
        long h = hash * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        for (String v : values) {
            h = Long.rotateLeft(h, 23) * 0xBF58476D1CE4E5B9L + (v == null ? 0x5BD1E995L : v.hashCode());
        }
        return h == 0 ? 1 : h;
    }

    /**
     * PostgreSQL reports {@code timestamptz} as a plain TIMESTAMP, whose value cannot be read as a LocalDateTime;
     * the type name tells.
     */
    private static boolean withZone(String typeName) {
        return typeName != null && (typeName.equalsIgnoreCase("timestamptz")
                || typeName.toLowerCase(Locale.ROOT).startsWith("timestamp with time zone"));
    }

    private String text(int column, int type) throws SQLException {
        switch (type) {
            case Types.TIMESTAMP -> {
                LocalDateTime v = rows.getObject(column, LocalDateTime.class);
                return v == null ? null : v.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            }
            case Types.TIMESTAMP_WITH_TIMEZONE -> {
                // staging keeps local timestamps: the instant in the JVM's zone, the zone in which the watermark is
                // bound to the next query (PgJDBC gives the session that zone), so the two round-trip
                OffsetDateTime v = rows.getObject(column, OffsetDateTime.class);
                return v == null ? null : v.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime()
                        .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            }
            case Types.DATE -> {
                LocalDate v = rows.getObject(column, LocalDate.class);
                return v == null ? null : v.toString();
            }
            case Types.TIME -> {
                LocalTime v = rows.getObject(column, LocalTime.class);
                return v == null ? null : v.format(DateTimeFormatter.ISO_LOCAL_TIME);
            }
            case Types.DECIMAL, Types.NUMERIC -> {
                BigDecimal v = rows.getBigDecimal(column);
                return v == null ? null : v.toPlainString();
            }
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] v = rows.getBytes(column);
                return v == null ? null : HexFormat.of().formatHex(v);
            }
            case Types.BOOLEAN, Types.BIT -> {
                Object v = rows.getObject(column);
                return v == null ? null : v instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : v.toString();
            }
            default -> {
                return rows.getString(column);
            }
        }
    }

    @Override
    public SourcePosition position() {
        return new SourcePosition(0, rowNumber, recordsTotal, readHash);
    }

    /** Rows read so far; the total is unknown without counting the query (-1). */
    @Override
    public Progress progress() {
        return new Progress(rowNumber, -1);
    }

    @Override
    public void close() {
        try {
            if (rows != null) {
                rows.close();
            }
            if (statement != null) {
                statement.close();
            }
            if (connection != null) {
                connection.rollback(); // read only: end the transaction that auto-commit off opened
                connection.close();
            }
        } catch (SQLException e) {
            // Closing a read-only session: nothing was written that could be lost.
        } finally {
            rows = null;
            statement = null;
            connection = null;
        }
    }

    /**
     * A SourceException with the sanitised URL and the driver's message scrubbed of the password. The
     * driver exception is kept as cause only when no message in its chain mentions the password.
     */
    private SourceException failure(String what, SQLException e) {
        String message = spec.safeUrl() + ": " + what + ": "
                + JdbcUrls.scrubMessage(String.valueOf(e.getMessage()), spec.url(), spec.password());
        return mentionsSecret(e) ? new SourceException(message) : new SourceException(message, e);
    }

    private boolean mentionsSecret(Throwable e) {
        List<String> secrets = JdbcUrls.secrets(spec.url(), spec.password());
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && secrets.stream().anyMatch(m::contains)) {
                return true;
            }
        }
        return false;
    }
}
