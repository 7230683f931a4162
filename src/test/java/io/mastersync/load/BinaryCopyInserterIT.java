package io.mastersync.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import io.mastersync.it.TestDatabase;

/**
 * Binary COPY stores exactly what text COPY stores, for every type it writes and the awkward values of each
 * (PostgreSQL of this machine, a throwaway database).
 */
class BinaryCopyInserterIT {

    private static final List<String> COLUMNS = List.of("id", "t", "n", "ts", "d", "b", "i", "s", "c", "bin");
    private TestDatabase db;
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() throws SQLException {
        db = TestDatabase.create("binary_copy");
        jdbc = db.jdbc();
        for (String table : List.of("via_text", "via_binary")) {
            jdbc.execute("CREATE TABLE " + table + " (id BIGINT, t VARCHAR, n NUMERIC(18,4), ts TIMESTAMP, d DATE,"
                    + " b BOOLEAN, i INTEGER, s SMALLINT, c CHAR(3), bin BYTEA)");
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        db.close();
    }

    private static List<Object[]> awkwardRows() {
        List<Object[]> rows = new ArrayList<>();
        String[] texts = {"plain", "", "Müller Señor €", "tab\tnew\nline\\back", "emoji \uD83D\uDE00", "nul\0byte",
                "lone \uD800 surrogate", null};
        BigDecimal[] numbers = {new BigDecimal("3500.00"), BigDecimal.ZERO, new BigDecimal("0.0001"),
                new BigDecimal("-1234567.8912"), new BigDecimal("10000"), new BigDecimal("1E+3"),
                new BigDecimal("99999999999999.9999"), new BigDecimal("0.05"), new BigDecimal("-0.5"),
                new BigDecimal("123.456789"), null};
        LocalDateTime[] times = {LocalDateTime.of(2024, 12, 31, 23, 59, 59, 123_456_000),
                LocalDateTime.of(1999, 12, 31, 0, 0), LocalDateTime.of(2000, 1, 1, 0, 0), LocalDateTime.of(1900, 2, 28,
                        12, 0, 0, 999), null};
        LocalDate[] dates = {LocalDate.of(2024, 2, 29), LocalDate.of(1970, 1, 1), LocalDate.of(2000, 1, 1), null};
        for (int i = 0; i < 40; i++) {
            rows.add(new Object[] {i % 3 == 0 ? Encoded.of((long) i) : (Object) (long) i, texts[i % texts.length],
                    numbers[i % numbers.length], times[i % times.length], dates[i % dates.length],
                    i % 5 == 4 ? null : i % 2 == 0, i % 7 == 6 ? null : -i * 1000, (short) i,
                    i % 4 == 0 ? null : "ab" + (i % 10), i % 6 == 5 ? null : new byte[] {(byte) i, 0, (byte) 0xFF, '\\'}});
        }
        // text for typed columns is parsed, as text COPY would
        rows.add(new Object[] {"41", "typed as text", "12.5", "2024-01-02T03:04:05", "2024-01-02", "true", "7", "8",
                "xyz", new byte[0]});
        return rows;
    }

    @Test
    void binaryCopyStoresWhatTextCopyStores() throws SQLException {
        List<Object[]> rows = awkwardRows();
        try (Connection c = jdbc.getDataSource().getConnection()) {
            new CopyInserter().insert(c, "via_text", COLUMNS, rows.subList(0, rows.size() - 1));
            // the last row holds text for typed columns, which only the binary inserter converts
            new CopyInserter().insert(c, "via_text", COLUMNS, List.<Object[]>of(new Object[] {41L, "typed as text",
                    new BigDecimal("12.5"), LocalDateTime.of(2024, 1, 2, 3, 4, 5), LocalDate.of(2024, 1, 2), true, 7,
                    (short) 8, "xyz", new byte[0]}));
            BinaryCopyInserter binary = new BinaryCopyInserter();
            binary.insert(c, "via_binary", COLUMNS, rows.subList(0, 20));
            binary.insert(c, "via_binary", COLUMNS, rows.subList(20, rows.size())); // column types from its cache
        }
        String select = "SELECT id, t, n::text AS n, ts::text AS ts, d::text AS d, b, i, s, c, encode(bin, 'hex') AS bin"
                + " FROM %s ORDER BY id";
        List<Map<String, Object>> viaText = jdbc.queryForList(select.formatted("via_text"));
        List<Map<String, Object>> viaBinary = jdbc.queryForList(select.formatted("via_binary"));

        assertThat(viaBinary).hasSize(rows.size()).containsExactlyElementsOf(viaText);
        assertThat(viaBinary.get(2)).containsEntry("t", "Müller Señor €").containsEntry("n", "0.0001");
        assertThat(viaBinary.get(3)).containsEntry("n", "-1234567.8912")
                .containsEntry("t", "tab\tnew\nline\\back");
        assertThat(viaBinary.get(5)).containsEntry("t", "nul\u2400byte").containsEntry("n", "1000.0000");
        assertThat(viaBinary.get(0)).containsEntry("ts", "2024-12-31 23:59:59.123456").containsEntry("d", "2024-02-29")
                .containsEntry("bin", "0000ff5c");
        assertThat(viaBinary.get(5)).containsEntry("bin", null);
        assertThat(viaBinary.get(3)).containsEntry("ts", "1900-02-28 12:00:00.000001"); // 999 ns round up
    }

    @Test
    void aTableWithATypeBinaryDoesNotWriteGoesAsText() throws SQLException {
        jdbc.execute("CREATE TABLE other (id BIGINT, j JSONB)");
        try (Connection c = jdbc.getDataSource().getConnection()) {
            new BinaryCopyInserter().insert(c, "other", List.of("id", "j"), List.<Object[]>of(new Object[] {1L,
                    "{\"a\": 1}"}));
        }
        assertThat(jdbc.queryForObject("SELECT j->>'a' FROM other", String.class)).isEqualTo("1");
    }
}
