package io.mastersync.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.mastersync.load.RunLock;

/** Delta syncs through the real command line against PostgreSQL. */
class SyncIT {

    private TestDatabase db;
    private JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @BeforeEach
    void createDatabase() throws Exception {
        db = TestDatabase.create("sync");
        jdbc = db.jdbc();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        db.close();
    }

    private Path snapshotFeed() throws IOException {
        return Files.writeString(dir.resolve("customers.yml"), """
                feed: sync-customers
                source-system: LEGACY
                entity: customer
                source:
                  kind: csv
                  path: current.csv
                mapping:
                  source-key: NR
                  name: NAME
                  country: LAND
                  credit-limit: LIMIT
                  currency: { value: EUR }
                sync:
                  max-change-share: 0.10
                """);
    }

    private void snapshot(List<String[]> rows) throws IOException {
        StringBuilder sb = new StringBuilder("NR,NAME,LAND,LIMIT\n");
        for (String[] r : rows) {
            sb.append(String.join(",", r)).append('\n');
        }
        Files.writeString(dir.resolve("current.csv"), sb);
    }

    private static List<String[]> customers(int n) {
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            rows.add(new String[] {"C" + i, "Customer " + i, "DE", (i * 10) + ".00"});
        }
        return rows;
    }

    /** Runs statements against the test database: the legacy ERP tables of the watermark tests. */
    private void legacy(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), ""); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private CliRun sync(Path job, String... extra) {
        List<String> args = new ArrayList<>(List.of("sync", "--job", job.toString()));
        args.addAll(List.of(extra));
        args.addAll(db.springArgs());
        return CliRun.run(args);
    }

    @Test
    void aSnapshotSyncAppliesEachKindOfChangeWithAuditAndChangeFeedAndIsIdempotent() throws IOException {
        Path job = snapshotFeed();
        List<String[]> rows = customers(100);
        snapshot(rows);
        assertThat(CliRun.migrate(db, job).exitCode()).isZero();

        rows.removeIf(r -> r[0].equals("C5"));
        rows.get(5)[1] = "Customer 7 renamed";
        rows.get(6)[3] = "75.50";
        rows.add(new String[] {"C101", "New customer", "AT", "5.00"});
        rows.add(new String[] {"C102", "", "AT", "5.00"});
        rows.get(8)[1] = ""; // C10's name lost in the export: rejected, but not a deletion
        rows.get(10)[1] = "\"Customer 12"; // a stray quote: C12's line rejected, the rows after it read as usual
        snapshot(rows);
        CliRun first = sync(job);

        assertThat(first.exitCode()).as(first.err()).isZero();
        Map<String, Object> counts = jdbc.queryForMap("SELECT * FROM sync_run_feed");
        assertThat(counts).containsEntry("read_count", 101L).containsEntry("inserted_count", 1L)
                .containsEntry("updated_count", 2L).containsEntry("unchanged_count", 95L)
                .containsEntry("deleted_count", 1L).containsEntry("rejected_count", 3L);
        assertThat(jdbc.queryForMap("SELECT name, deleted_at FROM stg_customer WHERE source_key = 'C10'"))
                .as("a rejected row keeps the key's last staged version").containsEntry("name", "Customer 10")
                .containsEntry("deleted_at", null);
        assertThat(jdbc.queryForObject("SELECT deleted_at IS NULL FROM stg_customer WHERE source_key = 'C12'",
                Boolean.class)).as("so does a line rejected for an unclosed quote").isTrue();
        assertThat(jdbc.queryForObject("SELECT name FROM stg_customer WHERE source_key = 'C7'", String.class))
                .isEqualTo("Customer 7 renamed");
        Map<String, Object> deleted = jdbc.queryForMap("SELECT * FROM stg_customer WHERE source_key = 'C5'");
        assertThat(deleted.get("deleted_at")).as("soft delete").isNotNull();
        assertThat(deleted.get("deleted_run")).isEqualTo(2L);
        assertThat(jdbc.queryForList("SELECT source_key || ':' || change_kind || ':' || COALESCE(field, '') || ':'"
                + " || COALESCE(old_value, '') || '->' || COALESCE(new_value, '') FROM sync_audit ORDER BY 1",
                String.class)).containsExactly("C101:insert::->", "C5:delete::->",
                        "C7:update:name:Customer 7->Customer 7 renamed", "C8:update:credit-limit:80->75.5");
        List<Long> seqs = jdbc.queryForList("SELECT seq FROM sync_change ORDER BY seq", Long.class);
        assertThat(seqs).hasSize(4).isSorted();
        assertThat(jdbc.queryForObject("SELECT pg_relation_size('sync_pending_customer')", Long.class))
                .as("the working table is emptied by TRUNCATE, not left full of dead rows").isZero();

        CliRun changes = CliRun.run(concat(List.of("changes", "--since", String.valueOf(seqs.get(1))),
                db.springArgs()));
        assertThat(changes.exitCode()).isZero();
        assertThat(changes.out().lines()).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("{\"seq\":"));
        CliRun csv = CliRun.run(concat(List.of("changes", "--format", "csv"), db.springArgs()));
        assertThat(csv.out().lines()).first().isEqualTo("seq,run_id,feed,entity,source_system,source_key,change_kind,changed_at");

        String before = stagedContent();
        CliRun again = sync(job);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(jdbc.queryForMap("SELECT * FROM sync_run_feed WHERE run_id = 3"))
                .containsEntry("inserted_count", 0L).containsEntry("updated_count", 0L)
                .containsEntry("deleted_count", 0L).containsEntry("unchanged_count", 98L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sync_change", Long.class)).isEqualTo(4L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sync_audit WHERE run_id = 3", Long.class)).isZero();
        assertThat(stagedContent()).isEqualTo(before);
    }

    @Test
    void aTombstoneColumnTheSourceDoesNotHaveIsABrokenJobFileNamedWithItsLine() throws IOException {
        Path job = snapshotFeed();
        snapshot(customers(5));
        assertThat(CliRun.migrate(db, job).exitCode()).isZero();
        Files.writeString(job, Files.readString(job) + "  tombstone:\n    column: DELETED_FLAG\n    values: [Y]\n");

        CliRun run = sync(job);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("customers.yml:16").contains("DELETED_FLAG")
                .contains("[NR, NAME, LAND, LIMIT]").doesNotContain("Exception");
    }

    @Test
    void theSafetyValveStopsAHalfWrittenExportUntilForced() throws IOException {
        Path job = snapshotFeed();
        List<String[]> rows = customers(200);
        snapshot(rows);
        assertThat(CliRun.migrate(db, job).exitCode()).isZero();
        snapshot(rows.subList(0, 120));
        String before = stagedContent();

        CliRun stopped = sync(job);

        assertThat(stopped.exitCode()).isEqualTo(4);
        assertThat(stopped.err()).contains("delete 80 of 200").contains("--force");
        assertThat(stopped.out()).containsPattern("sync-customers +120 .* not applied: safety valve");
        assertThat(stagedContent()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sync_audit", Long.class)).isZero();

        assertThat(jdbc.queryForObject("SELECT status FROM run_summary WHERE run_id = 2", String.class))
                .isEqualTo("stopped-safety-valve");
        assertThat(jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM sync_seen_block) + (SELECT COUNT(*) FROM sync_seen)"
                + " + (SELECT COUNT(*) FROM sync_pending_customer) + (SELECT COUNT(*) FROM sync_gone)", Long.class))
                .as("the closed run's working rows are gone, not left for ever").isZero();
        snapshot(rows);
        CliRun fixedExport = sync(job);
        assertThat(fixedExport.exitCode()).as("a new run reads the repaired export").isZero();
        assertThat(jdbc.queryForObject("SELECT updated_count + deleted_count FROM sync_run_feed WHERE run_id = 3",
                Long.class)).isZero();

        snapshot(rows.subList(0, 120));
        CliRun forced = sync(job, "--force");

        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_customer WHERE deleted_at IS NOT NULL", Long.class))
                .isEqualTo(80L);
        assertThat(jdbc.queryForObject("SELECT forced FROM sync_run_feed WHERE run_id = 4", Boolean.class)).isTrue();
    }

    @Test
    void theSafetyValveWeighsChangesAgainstTheLiveRowsKeptByTheLastSyncOrCountedAgainAfterAMigrate()
            throws IOException {
        Path job = snapshotFeed();
        List<String[]> rows = customers(100);
        snapshot(rows);
        assertThat(CliRun.migrate(db, job).exitCode()).isZero();
        rows.add(new String[] {"C101", "New", "AT", "1.00"});
        rows.remove(0);
        snapshot(rows);
        assertThat(sync(job).exitCode()).isZero();
        long live = jdbc.queryForObject("SELECT COUNT(*) FROM stg_customer WHERE deleted_at IS NULL", Long.class);
        assertThat(jdbc.queryForObject("SELECT live_rows FROM sync_feed_state", Long.class))
                .as("kept by the sync: 100 - 1 deleted + 1 inserted").isEqualTo(live).isEqualTo(100);

        // the next sync starts from that number instead of counting: a wrong one (planted) decides its valve
        jdbc.update("UPDATE sync_feed_state SET live_rows = 20");
        rows.get(0)[1] = "Renamed 1";
        rows.get(1)[1] = "Renamed 2";
        rows.get(2)[1] = "Renamed 3";
        snapshot(rows);
        CliRun planted = sync(job);
        assertThat(planted.exitCode()).isEqualTo(4);
        assertThat(planted.err()).contains("update 3 and delete 0 of 20");

        // a migrate replaces the staged rows (30 now): the next sync counts again, and 5 updates of 30 are too many
        List<String[]> fewer = customers(30);
        snapshot(fewer);
        assertThat(CliRun.migrate(db, job).exitCode()).isZero();
        for (int i = 0; i < 5; i++) {
            fewer.get(i)[1] = "Renamed " + i;
        }
        snapshot(fewer);
        CliRun recounted = sync(job);
        assertThat(recounted.exitCode()).isEqualTo(4);
        assertThat(recounted.err()).contains("update 5 and delete 0 of 30");
    }

    @Test
    void aSecondProcessCannotSyncTheSameFeedAtTheSameTime() throws Exception {
        Path job = snapshotFeed();
        snapshot(customers(10));
        assertThat(CliRun.migrate(db, job).exitCode()).isZero();
        SingleConnectionDataSource other = new SingleConnectionDataSource(db.url(), db.user(), "", true);
        try (RunLock held = RunLock.acquire(other, "sync:sync-customers")) {
            CliRun blocked = sync(job);

            assertThat(blocked.exitCode()).isNotZero();
            assertThat(blocked.err()).contains("another process is running sync:sync-customers");
        } finally {
            other.destroy();
        }
        assertThat(sync(job).exitCode()).isZero();
    }

    @Test
    void aWatermarkSyncReadsOnlyRecentRowsWithAnOverlapAndAppliesTombstones() throws Exception {
        String schema = "legacy_" + Long.toHexString(System.nanoTime());
        legacy("CREATE SCHEMA " + schema,
                "CREATE TABLE " + schema + ".kunde (nr VARCHAR(10) PRIMARY KEY, name VARCHAR(50), land CHAR(2),"
                        + " geloescht CHAR(1), geaendert TIMESTAMP)",
                "INSERT INTO " + schema + ".kunde VALUES ('K1', 'Alpha', 'DE', 'N', '2024-01-01 10:00'),"
                        + " ('K2', 'Beta', 'DE', 'N', '2024-01-02 10:00'), ('K3', 'Gamma', 'AT', 'N', '2024-01-03 10:00')");
        Path job = Files.writeString(dir.resolve("kunden.yml"), """
                feed: legacy-kunden
                source-system: JDBC
                entity: customer
                source:
                  kind: jdbc
                  url: %s
                  username: %s
                  query: SELECT nr, name, land, geloescht, geaendert FROM %s.kunde WHERE geaendert >= :watermark ORDER BY nr
                mapping:
                  source-key: nr
                  name: name
                  country: land
                  last-changed: geaendert
                sync:
                  mode: watermark
                  overlap: 1h
                  max-change-share: 1.0
                  tombstone: { column: geloescht, values: [J, Y] }
                """.formatted(db.url(), db.user(), schema));

        assertThat(sync(job).exitCode()).isZero();
        assertThat(jdbc.queryForObject("SELECT inserted_count FROM sync_run_feed WHERE run_id = 1", Long.class))
                .isEqualTo(3L);
        assertThat(jdbc.queryForObject("SELECT watermark FROM sync_feed_state", String.class))
                .startsWith("2024-01-03 10:00");

        // committed late with a timestamp inside the overlap, one outside it, and a deletion
        legacy("UPDATE " + schema + ".kunde SET name = 'Beta late', geaendert = '2024-01-03 09:30' WHERE nr = 'K2'",
                "UPDATE " + schema + ".kunde SET name = 'Alpha too old', geaendert = '2024-01-01 11:00' WHERE nr = 'K1'",
                "UPDATE " + schema + ".kunde SET geloescht = 'J', geaendert = '2024-01-04 08:00' WHERE nr = 'K3'");
        CliRun second = sync(job);

        assertThat(second.exitCode()).as(second.err()).isZero();
        Map<String, Object> counts = jdbc.queryForMap("SELECT * FROM sync_run_feed WHERE run_id = 2");
        assertThat(counts).containsEntry("read_count", 2L).containsEntry("updated_count", 1L)
                .containsEntry("deleted_count", 1L);
        assertThat(jdbc.queryForObject("SELECT name FROM stg_customer WHERE source_key = 'K2'", String.class))
                .isEqualTo("Beta late");
        assertThat(jdbc.queryForObject("SELECT name FROM stg_customer WHERE source_key = 'K1'", String.class))
                .as("outside the overlap window").isEqualTo("Alpha");
        assertThat(jdbc.queryForObject("SELECT deleted_at IS NOT NULL FROM stg_customer WHERE source_key = 'K3'",
                Boolean.class)).isTrue();

        CliRun third = sync(job);
        assertThat(third.exitCode()).isZero();
        assertThat(jdbc.queryForMap("SELECT * FROM sync_run_feed WHERE run_id = 3"))
                .as("the overlap re-reads rows already applied without applying them twice")
                .containsEntry("updated_count", 0L).containsEntry("inserted_count", 0L);
    }

    @Test
    void aWatermarkJobMigratesEverythingButTombstonesAndItsFirstSyncSetsTheWatermarkFromStaging() throws Exception {
        String schema = "legacy_" + Long.toHexString(System.nanoTime());
        // timestamptz with microseconds whose trailing zero PostgreSQL drops (.13554)
        legacy("CREATE SCHEMA " + schema,
                "CREATE TABLE " + schema + ".kunde (nr VARCHAR(10) PRIMARY KEY, name VARCHAR(50),"
                        + " geloescht CHAR(1), geaendert TIMESTAMPTZ)",
                "INSERT INTO " + schema + ".kunde VALUES ('K1', 'Alpha', 'N', '2024-01-01 10:00:00.13554+00'),"
                        + " ('K2', 'Beta', 'N', '2024-01-02 10:00:00.1+00'), ('K3', 'Gone', 'Y', '2024-01-03 10:00+00')");
        Path job = Files.writeString(dir.resolve("kunden.yml"), """
                feed: legacy-kunden
                source-system: JDBC
                entity: customer
                source:
                  kind: jdbc
                  url: %s
                  username: %s
                  query: SELECT nr, name, geloescht, geaendert FROM %s.kunde WHERE geaendert >= :watermark ORDER BY nr
                mapping:
                  source-key: nr
                  name: name
                  last-changed: geaendert
                sync:
                  overlap: 1m
                  max-change-share: 1.0
                  tombstone: { column: geloescht, values: [Y] }
                """.formatted(db.url(), db.user(), schema));

        CliRun migrate = CliRun.run(concat(List.of("migrate", "--job", job.toString(),
                "--mastersync.quality.enabled=false"), db.springArgs()));

        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(jdbc.queryForList("SELECT source_key FROM stg_customer ORDER BY 1", String.class))
                .as("a row the source marks deleted is not migrated").containsExactly("K1", "K2");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rej_record WHERE disposition = 'filtered'"
                + " AND source_key = 'K3'", Long.class)).isEqualTo(1L);

        CliRun first = sync(job);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(jdbc.queryForMap("SELECT * FROM sync_run_feed WHERE run_id = 2")).containsEntry("read_count", 3L)
                .containsEntry("unchanged_count", 2L).containsEntry("rejected_count", 0L)
                .as("the tombstone of a key never staged is counted, so that the counts add up")
                .containsEntry("tombstone_count", 1L).containsEntry("deleted_count", 0L);
        assertThat(first.out()).contains("tombstones");
        assertThat(jdbc.queryForObject("SELECT watermark IS NOT NULL FROM sync_feed_state", Boolean.class))
                .as("every row unchanged: the watermark comes from staging").isTrue();

        legacy("UPDATE " + schema + ".kunde SET name = 'Beta new', geaendert = '2024-02-01 10:00:00.5+00'"
                + " WHERE nr = 'K2'");
        CliRun second = sync(job);

        assertThat(second.exitCode()).as(second.err()).isZero();
        // from the staged watermark (K2's time) on: K2 and the tombstone K3, whose time staging does not hold
        assertThat(jdbc.queryForMap("SELECT * FROM sync_run_feed WHERE run_id = 3")).containsEntry("read_count", 2L)
                .containsEntry("updated_count", 1L).containsEntry("deleted_count", 0L);
        assertThat(jdbc.queryForObject("SELECT name FROM stg_customer WHERE source_key = 'K2'", String.class))
                .isEqualTo("Beta new");
    }

    @Test
    void aNewOrChangedRowThatWouldShareAUniqueValueIsRejectedOrFlaggedAsInMigrate() throws IOException {
        Files.writeString(dir.resolve("unique-rules.yml"), """
                entity: customer
                fields:
                  email:
                    checks:
                      - { id: email-unique, unique: true }
                  phone:
                    checks:
                      - { id: phone-unique, unique: true, severity: warning }
                """);
        Path job = Files.writeString(dir.resolve("unique.yml"), """
                feed: unique-customers
                source-system: UNIQ
                entity: customer
                source: { kind: csv, path: unique.csv }
                rules: unique-rules.yml
                mapping: { source-key: NR, name: NAME, email: MAIL, phone: TEL }
                sync: { max-change-share: 1.0 }
                """);
        Files.writeString(dir.resolve("unique.csv"), "NR,NAME,MAIL,TEL\nU1,One,one@example.com,+491\n"
                + "U2,Two,two@example.com,+492\nU3,Three,three@example.com,+493\n");
        assertThat(CliRun.migrate(db, job).exitCode()).isZero();

        // U4 takes U1's e-mail (error), U2 changes to U3's (error), U3 takes U1's phone (warning)
        Files.writeString(dir.resolve("unique.csv"), "NR,NAME,MAIL,TEL\nU1,One,one@example.com,+491\n"
                + "U2,Two,three@example.com,+492\nU3,Three,three@example.com,+491\nU4,Four,one@example.com,+494\n");
        CliRun sync = sync(job);

        assertThat(sync.exitCode()).as(sync.err()).isZero();
        assertThat(jdbc.queryForMap("SELECT * FROM sync_run_feed WHERE run_id = 2")).containsEntry("read_count", 4L)
                .containsEntry("inserted_count", 0L).containsEntry("updated_count", 1L)
                .containsEntry("unchanged_count", 1L).containsEntry("rejected_count", 2L)
                .containsEntry("deleted_count", 0L);
        assertThat(jdbc.queryForList("SELECT source_key || ':' || email || ':' || phone FROM stg_customer"
                + " WHERE deleted_at IS NULL ORDER BY 1", String.class))
                .as("U2 keeps its address, U4 is not inserted, U3's shared phone is applied")
                .containsExactly("U1:one@example.com:+491", "U2:two@example.com:+492", "U3:three@example.com:+491");
        assertThat(jdbc.queryForList("SELECT source_key || ':' || rule_id || ':' || severity FROM rej_reason"
                + " WHERE run_id = 2 ORDER BY 1", String.class))
                .containsExactly("U2:email-unique:error", "U3:phone-unique:warning", "U4:email-unique:error");

        // U1 leaves the export and U5 takes its address: the value is free, as a migrate of this file would find
        Files.writeString(dir.resolve("unique.csv"), "NR,NAME,MAIL,TEL\nU2,Two,two@example.com,+492\n"
                + "U3,Three,three@example.com,+493\nU5,Five,one@example.com,+495\n");
        CliRun third = sync(job);

        assertThat(third.exitCode()).as(third.err()).isZero();
        assertThat(jdbc.queryForMap("SELECT * FROM sync_run_feed WHERE run_id = 3")).containsEntry("inserted_count", 1L)
                .containsEntry("deleted_count", 1L).containsEntry("rejected_count", 0L);
        assertThat(jdbc.queryForList("SELECT source_key FROM stg_customer WHERE deleted_at IS NULL ORDER BY 1",
                String.class)).containsExactly("U2", "U3", "U5");
        assertThat(sync(job).out()).as("and a second run changes nothing").doesNotContain("U5");
        assertThat(jdbc.queryForMap("SELECT * FROM sync_run_feed WHERE run_id = 4")).containsEntry("inserted_count", 0L)
                .containsEntry("updated_count", 0L).containsEntry("deleted_count", 0L);
    }

    @Test
    void rowsWhoseSourceDidNotChangeAreNotCleansedAgainUnlessTheyHaveWarningsOrTheRulesChanged() throws IOException {
        Path rules = Files.writeString(dir.resolve("rules.yml"), """
                entity: customer
                fields:
                  name:
                    normalize: [upper]
                    checks:
                      - id: name-short
                        length: { min: 3 }
                        severity: warning
                """);
        Path job = Files.writeString(dir.resolve("ruled.yml"), Files.readString(snapshotFeed())
                .replace("entity: customer\n", "entity: customer\nrules: rules.yml\n"));
        List<String[]> rows = customers(50);
        rows.get(0)[1] = "Al"; // flagged by name-short in every run
        snapshot(rows);
        assertThat(CliRun.migrate(db, job).exitCode()).isZero();
        rows.get(9)[1] = "Customer ten";
        snapshot(rows);

        CliRun second = sync(job);

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(jdbc.queryForMap("SELECT * FROM sync_run_feed WHERE run_id = 2")).containsEntry("read_count", 50L)
                .containsEntry("updated_count", 1L).containsEntry("unchanged_count", 49L)
                .as("neither the changed row nor the flagged one is skipped").containsEntry("not_cleansed_count", 48L);
        assertThat(jdbc.queryForObject("SELECT name FROM stg_customer WHERE source_key = 'C10'", String.class))
                .isEqualTo("CUSTOMER TEN");
        assertThat(jdbc.queryForList("SELECT source_key FROM rej_reason WHERE run_id = 2", String.class))
                .as("the flag is recorded again by the sync").containsExactly("C1");
        assertThat(jdbc.queryForObject("SELECT SUM(changed_count) FROM dq_normalizer_count WHERE run_id = 2",
                Long.class)).as("only cleansed rows were normalized").isEqualTo(2L);

        Files.writeString(rules, Files.readString(rules).replace("min: 3", "min: 2"));
        CliRun rulesChanged = sync(job);

        assertThat(rulesChanged.exitCode()).as(rulesChanged.err()).isZero();
        assertThat(jdbc.queryForMap("SELECT * FROM sync_run_feed WHERE run_id = 3"))
                .containsEntry("unchanged_count", 50L).containsEntry("not_cleansed_count", 0L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rej_reason WHERE run_id = 3", Long.class)).isZero();

        CliRun afterRulesChanged = sync(job);
        assertThat(afterRulesChanged.exitCode()).isZero();
        assertThat(jdbc.queryForObject("SELECT not_cleansed_count FROM sync_run_feed WHERE run_id = 4", Long.class))
                .as("the rows staged again under the new rules are skipped from now on").isEqualTo(50L);
    }

    @ParameterizedTest(name = "skip unchanged sources: {0}")
    @ValueSource(booleans = {true, false})
    void theLaterRowOfAKeyRepeatedInTheSnapshotWinsAcrossChunksAndTheCountsAddUp(boolean skipUnchanged)
            throws IOException {
        Path job = Files.writeString(dir.resolve("small-chunks.yml"), Files.readString(snapshotFeed())
                .replace("entity: customer\n", "entity: customer\nchunk-size: 2\n")
                .replace("max-change-share: 0.10", "max-change-share: 1.0"));
        List<String[]> original = customers(6);
        snapshot(original);
        assertThat(CliRun.migrate(db, job).exitCode()).isZero();
        List<String[]> snapshot = new ArrayList<>();
        snapshot.add(new String[] {"C1", "C1 changed", "DE", "10.00"}); // chunk 1, loses to line 5
        snapshot.add(original.get(1));                                   // chunk 1, loses to line 6
        snapshot.add(original.get(2));                                   // chunk 2
        snapshot.add(original.get(0));                                   // chunk 2, C1 as staged: wins
        snapshot.add(new String[] {"C2", "C2 changed", "DE", "20.00"}); // chunk 3, wins: an update
        snapshot.add(original.get(3));                                   // chunk 3
        snapshot.add(new String[] {"C5", "C5 changed", "DE", "50.00"}); // chunk 4, loses within its chunk
        snapshot.add(original.get(4));                                   // chunk 4, C5 as staged: wins
        snapshot.add(original.get(5));                                   // chunk 5
        snapshot(snapshot);

        CliRun run = sync(job, "--mastersync.sync.skip-unchanged=" + skipUnchanged);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(jdbc.queryForMap("SELECT * FROM sync_run_feed WHERE run_id = 2")).containsEntry("read_count", 9L)
                .containsEntry("inserted_count", 0L).containsEntry("updated_count", 1L)
                .containsEntry("unchanged_count", 5L).containsEntry("superseded_count", 3L)
                .containsEntry("deleted_count", 0L);
        assertThat(jdbc.queryForList("SELECT source_key || ':' || name FROM stg_customer ORDER BY source_key",
                String.class)).containsExactly("C1:Customer 1", "C2:C2 changed", "C3:Customer 3", "C4:Customer 4",
                        "C5:Customer 5", "C6:Customer 6");
        assertThat(jdbc.queryForList("SELECT source_key || '@' || source_line FROM rej_record WHERE run_id = 2"
                + " AND disposition = 'superseded' ORDER BY source_line", String.class))
                .containsExactly("C1@2", "C2@3", "C5@8");
        assertThat(jdbc.queryForList("SELECT source_key FROM sync_audit WHERE run_id = 2", String.class))
                .containsExactly("C2");
    }

    private String stagedContent() {
        return jdbc.queryForObject("SELECT COUNT(*) || ':' || md5(string_agg(source_key || '|' || COALESCE(name, '') || '|'"
                + " || COALESCE(credit_limit::text, '') || '|' || (deleted_at IS NULL), ',' ORDER BY source_key))"
                + " FROM stg_customer", String.class);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
