package io.mastersync.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JDBC reader against real legacy-like databases on this machine: MariaDB (test, root, no password)
 * and PostgreSQL (test, root). Each gets a small item table with NULL, decimal, timestamp and non-ASCII values.
 */
class JdbcSourceReaderIT {

    static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/test";
    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

    static final String MARIADB_QUERY = "SELECT id, sku, name, price, changed_at, note FROM legacy_item_it ORDER BY id";
    static final String POSTGRES_QUERY = "SELECT id, sku, name, price, changed_at, note FROM legacy_it.legacy_item ORDER BY id";

    @BeforeAll
    static void createTables() throws SQLException {
        try (Connection c = DriverManager.getConnection(MARIADB, "root", ""); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS legacy_item_it");
            s.execute("CREATE TABLE legacy_item_it (id INT PRIMARY KEY, sku VARCHAR(20) NOT NULL, name VARCHAR(60),"
                    + " price DECIMAL(12,3), changed_at DATETIME, note VARCHAR(60)) CHARACTER SET utf8mb4");
            s.execute(inserts("legacy_item_it"));
        }
        try (Connection c = DriverManager.getConnection(POSTGRES, "root", ""); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS legacy_it");
            s.execute("DROP TABLE IF EXISTS legacy_it.legacy_item");
            s.execute("CREATE TABLE legacy_it.legacy_item (id INT PRIMARY KEY, sku VARCHAR(20) NOT NULL, name VARCHAR(60),"
                    + " price NUMERIC(12,3), changed_at TIMESTAMP, note VARCHAR(60))");
            s.execute(inserts("legacy_it.legacy_item"));
        }
    }

    private static String inserts(String table) {
        return "INSERT INTO " + table + " VALUES"
                + " (1, 'A1', 'Müller Schraube €', 1234567.500, '2024-12-31 23:59:59', NULL),"
                + " (2, 'A2', 'Señor Dübel', 0.010, '2024-01-02 03:04:00', 'x'),"
                + " (3, 'A3', NULL, NULL, NULL, NULL),"
                + " (4, 'A4', 'Nut', 10, '2000-02-29 12:00:00', ''),"
                + " (5, 'A5', 'Washer', 1E-3, '1999-12-31 00:00:00', 'y')";
    }

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of(MARIADB, MARIADB_QUERY), Arguments.of(POSTGRES, POSTGRES_QUERY));
    }

    private static JdbcSourceSpec spec(String url, String query, int fetchSize) {
        return new JdbcSourceSpec(url, "root", "", query, fetchSize);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void readsValuesAsStringsWithLineage(String url, String query) {
        List<SourceRow> rows = SourceTestSupport.readAll(spec(url, query, 2));

        assertThat(rows).hasSize(5).allMatch(SourceRow::isClean);
        assertThat(rows.get(0).layout().names()).containsExactly("id", "sku", "name", "price", "changed_at", "note");
        assertThat(rows.get(0).values()).containsExactly("1", "A1", "Müller Schraube €", "1234567.500", "2024-12-31T23:59:59", null);
        assertThat(rows.get(1).value("changed_at")).isEqualTo("2024-01-02T03:04:00");
        assertThat(rows.get(2).values()).containsExactly("3", "A3", null, null, null, null);
        assertThat(rows.get(3).value("note")).isEmpty();
        assertThat(rows.get(4).value("price")).isEqualTo("0.001");
        RowLineage lineage = rows.get(0).lineage();
        assertThat(lineage.origin()).isEqualTo(url + " (query)");
        assertThat(lineage.line()).isEqualTo(1);
        assertThat(lineage.recordNumber()).isEqualTo(1);
        assertThat(lineage.raw()).isEqualTo("id=1; sku=A1; name=Müller Schraube €; price=1234567.500; changed_at=2024-12-31T23:59:59; note=<null>");
    }

    @Test
    void timestampsWithATimeZoneAreReadAsLocalTimeOfTheJvmZone() throws SQLException {
        // PostgreSQL's timestamptz, the usual type of a changed_at column, which PgJDBC reports as TIMESTAMP
        try (Connection c = DriverManager.getConnection(POSTGRES, "root", ""); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS legacy_it.changed_tz");
            s.execute("CREATE TABLE legacy_it.changed_tz (id INT, changed_at TIMESTAMPTZ, plain TIMESTAMP(6))");
            s.execute("INSERT INTO legacy_it.changed_tz VALUES (1, '2026-11-27 02:15:19.13554+00',"
                    + " '2026-11-27 02:15:19.13554'), (2, NULL, NULL)");
        }
        List<SourceRow> rows = SourceTestSupport.readAll(spec(POSTGRES,
                "SELECT id, changed_at, plain FROM legacy_it.changed_tz ORDER BY id", 10));

        String local = java.time.OffsetDateTime.parse("2026-11-27T02:15:19.13554Z")
                .atZoneSameInstant(java.time.ZoneId.systemDefault()).toLocalDateTime()
                .format(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        assertThat(rows).allMatch(SourceRow::isClean);
        assertThat(rows.get(0).value("changed_at")).isEqualTo(local);
        assertThat(rows.get(0).value("plain")).isEqualTo("2026-11-27T02:15:19.13554");
        assertThat(rows.get(1).value("changed_at")).isNull();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void restartContract(String url, String query) {
        for (int n = 0; n <= 5; n++) {
            SourceTestSupport.assertRestartMatches(spec(url, query, 2), n);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void resumingPastTheRowsTheQueryStillReturnsIsAnError(String url, String query) {
        assertThatThrownBy(() -> SourceTestSupport.readFrom(spec(url, query, 100), new SourcePosition(0, 9, 9)))
                .isInstanceOf(SourceException.class).hasMessageContaining("only 5 rows");
    }

    @Test
    void resumingAfterARowBeforeThePositionWasDeletedIsRefusedNotShifted() throws SQLException {
        try (Connection c = DriverManager.getConnection(POSTGRES, "root", ""); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS legacy_it.shifting");
            s.execute("CREATE TABLE legacy_it.shifting (id INT PRIMARY KEY, name VARCHAR(20))");
            s.execute("INSERT INTO legacy_it.shifting SELECT g, 'row ' || g FROM generate_series(1, 6) g");
        }
        JdbcSourceSpec spec = spec(POSTGRES, "SELECT id, name FROM legacy_it.shifting ORDER BY id", 2);
        SourcePosition afterThree;
        try (SourceReader reader = SourceReaders.create(spec)) {
            reader.open(SourcePosition.START);
            for (int i = 0; i < 3; i++) {
                reader.read();
            }
            afterThree = reader.position();
        }
        assertThat(SourceTestSupport.readFrom(spec, afterThree)).extracting(r -> r.value("id"))
                .as("unchanged: resumes after row 3").containsExactly("4", "5", "6");

        try (Connection c = DriverManager.getConnection(POSTGRES, "root", ""); Statement s = c.createStatement()) {
            s.execute("DELETE FROM legacy_it.shifting WHERE id = 2");
        }
        // skipping three rows now would skip row 4, which the interrupted run never read
        assertThatThrownBy(() -> SourceTestSupport.readFrom(spec, afterThree))
                .isInstanceOf(SourceChangedException.class).hasMessageContaining("first 3 rows are not those");
    }

    @Test
    void wrongPasswordNeverAppearsInTheMessageOrCauses() {
        String password = "Wr0ngPassw0rd-it";
        JdbcSourceSpec spec = new JdbcSourceSpec(MARIADB, "no_such_user_it", password, MARIADB_QUERY, 10);
        assertThatThrownBy(() -> SourceTestSupport.readAll(spec))
                .isInstanceOfSatisfying(SourceException.class, e -> assertSecretFree(e, password))
                .hasMessageStartingWith(MARIADB + ": cannot connect");
    }

    @Test
    void passwordInTheUrlIsStrippedFromMessagesAndLineage() {
        String password = "UrlSecret-4711";
        String unreachable = "jdbc:postgresql://127.0.0.1:1/test?user=root&password=" + password + "&connectTimeout=2";
        assertThatThrownBy(() -> SourceTestSupport.readAll(new JdbcSourceSpec(unreachable, null, null, POSTGRES_QUERY, 10)))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertSecretFree(e, password);
                    assertThat(e.getMessage()).startsWith("jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2: cannot connect");
                });

        String mariaWithCredentials = MARIADB + "?user=root&password=";
        List<SourceRow> rows = SourceTestSupport.readAll(new JdbcSourceSpec(mariaWithCredentials, null, null, MARIADB_QUERY, 10));
        assertThat(rows.get(0).lineage().origin()).isEqualTo(MARIADB + " (query)");
    }

    @Test
    void badQueryIsASourceException() {
        assertThatThrownBy(() -> SourceTestSupport.readAll(spec(POSTGRES, "SELECT * FROM legacy_it.no_such_table", 10)))
                .isInstanceOf(SourceException.class).hasMessageContaining("cannot run the query").hasMessageContaining("no_such_table");
    }

    private static void assertSecretFree(Throwable e, String secret) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(secret);
            assertThat(t.toString()).doesNotContain(secret);
        }
    }
}
