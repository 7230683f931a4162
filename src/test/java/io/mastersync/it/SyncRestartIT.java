package io.mastersync.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A delta sync killed with SIGKILL while it reads the new snapshot, started again with the same command,
 * ends in the same state as an uninterrupted sync: staging, audit trail and change feed alike.
 */
class SyncRestartIT {

    private static final int ROWS = 200_000;

    @TempDir
    Path dir;

    @Test
    void aKilledSyncResumesToTheSameStateAsAnUninterruptedOne() throws Exception {
        Path job = job();
        try (TestDatabase killed = TestDatabase.create("sync_killed");
                TestDatabase clean = TestDatabase.create("sync_clean")) {
            migrateBoth(job, killed, clean);
            killSyncWhileDetecting(job, killed);
            assertThat(killed.jdbc().queryForObject("SELECT COUNT(*) FROM sync_audit", Long.class))
                    .as("killed before applying").isZero();

            Process resumed = start("sync", job, killed, dir.resolve("resumed.log"));
            assertThat(resumed.waitFor(5, TimeUnit.MINUTES)).isTrue();
            String log = Files.readString(dir.resolve("resumed.log"));
            assertThat(resumed.exitValue()).as(log).isZero();
            assertThat(log).contains("resuming run 2");

            syncUninterrupted(job, clean);
            assertSameState(killed, clean);
            assertThat(clean.jdbc().queryForObject("SELECT updated_count FROM sync_run_feed", Long.class))
                    .isEqualTo(ROWS / 100);
            assertThat(clean.jdbc().queryForObject("SELECT not_cleansed_count FROM sync_run_feed", Long.class))
                    .as("unchanged rows skipped").isEqualTo(ROWS - ROWS / 100 - ROWS / 1000);
        }
    }

    @Test
    void aKilledSyncWhoseExportWasReplacedSinceIsAbandonedForARunOfTheNewExport() throws Exception {
        Path job = job();
        try (TestDatabase killed = TestDatabase.create("sync_replaced");
                TestDatabase clean = TestDatabase.create("sync_new_only")) {
            migrateBoth(job, killed, clean);
            killSyncWhileDetecting(job, killed);
            // the next night's export arrives before anyone resumed the killed sync
            Files.writeString(dir.resolve("current.csv"), "N-late,Late customer,City 2,DE\n",
                    java.nio.file.StandardOpenOption.APPEND);

            Process next = start("sync", job, killed, dir.resolve("next.log"));
            assertThat(next.waitFor(5, TimeUnit.MINUTES)).isTrue();
            String log = Files.readString(dir.resolve("next.log"));
            assertThat(next.exitValue()).as(log).isZero();
            assertThat(log).contains("sync run 2 cannot be resumed").contains("a new run reads the source")
                    .as("no advice a sync cannot take").doesNotContain("--fresh");
            assertThat(killed.jdbc().queryForObject("SELECT status FROM run_summary WHERE run_id = 2", String.class))
                    .isEqualTo("abandoned-source-changed");
            assertThat(killed.jdbc().queryForObject("SELECT COUNT(*) FROM sync_seen_block WHERE run_id = 2",
                    Long.class)).as("the abandoned run's working rows are gone").isZero();

            syncUninterrupted(job, clean);
            assertSameState(killed, clean);
            assertThat(killed.jdbc().queryForObject("SELECT COUNT(*) FROM stg_customer WHERE source_key = 'N-late'",
                    Long.class)).isOne();
        }
    }

    private void migrateBoth(Path job, TestDatabase... dbs) throws Exception {
        writeSnapshot(false);
        // migrated by the same jar as the syncs, so that their source fingerprints match and most rows are
        // skipped, not cleansed, before and after the kill
        for (TestDatabase db : dbs) {
            Process migrate = start("migrate", job, db, dir.resolve("migrate.log"));
            assertThat(migrate.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(migrate.exitValue()).as(Files.readString(dir.resolve("migrate.log"))).isZero();
        }
    }

    /** Writes the changed snapshot and kills a sync of it after 30 committed chunks of its detect step. */
    private void killSyncWhileDetecting(Path job, TestDatabase db) throws Exception {
        writeSnapshot(true);
        Process first = start("sync", job, db, dir.resolve("first.log"));
        waitForCommittedChunks(db.jdbc(), first, 30);
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

        private void syncUninterrupted(Path job, TestDatabase clean) throws Exception {
        Process uninterrupted = start("sync", job, clean, dir.resolve("clean.log"));
        assertThat(uninterrupted.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(uninterrupted.exitValue()).as(Files.readString(dir.resolve("clean.log"))).isZero();
    }

    /** Staging, audit, change feed and accounting of the last sync are the same in both databases. */
    private static void assertSameState(TestDatabase killed, TestDatabase clean) {
        for (String query : List.of(
                "SELECT COUNT(*) || ':' || md5(string_agg(source_key || '|' || name || '|' || COALESCE(city, '') || '|'"
                        + " || (deleted_at IS NULL), ',' ORDER BY source_key)) FROM stg_customer",
                "SELECT COUNT(*) || ':' || md5(string_agg(source_key || change_kind || COALESCE(field, '')"
                        + " || COALESCE(old_value, '') || COALESCE(new_value, ''), ',' ORDER BY source_key, field))"
                        + " FROM sync_audit",
                "SELECT COUNT(*) || ':' || md5(string_agg(source_key || change_kind, ',' ORDER BY seq)) FROM sync_change",
                "SELECT read_count || '/' || inserted_count || '/' || updated_count || '/' || unchanged_count || '/'"
                        + " || deleted_count || '/' || not_cleansed_count FROM sync_run_feed ORDER BY run_id DESC"
                        + " LIMIT 1")) {
            assertThat(killed.jdbc().queryForObject(query, String.class)).as(query)
                    .isEqualTo(clean.jdbc().queryForObject(query, String.class));
        }
    }

    private Path job() throws IOException {
        return Files.writeString(dir.resolve("customers.yml"), """
                feed: restart-sync
                source-system: RESYNC
                entity: customer
                chunk-size: 1000
                source:
                  kind: csv
                  path: current.csv
                mapping:
                  source-key: NR
                  name: NAME
                  city: CITY
                  country: LAND
                """);
    }

    /** The second snapshot changes 1% of the rows, drops 0.1% and adds 0.1%. */
    private void writeSnapshot(boolean changed) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("current.csv"), StandardCharsets.UTF_8)) {
            w.write("NR,NAME,CITY,LAND\n");
            for (int i = 1; i <= ROWS; i++) {
                if (changed && i % 1000 == 7) {
                    continue;
                }
                String city = changed && i % 100 == 3 ? "Moved " + i : "City " + (i % 300);
                w.write("C" + i + ",Customer " + i + "," + city + ",DE\n");
            }
            if (changed) {
                for (int i = 1; i <= ROWS / 1000; i++) {
                    w.write("N" + i + ",New " + i + ",City 1,AT\n");
                }
            }
        }
    }

    private static Process start(String verb, Path job, TestDatabase db, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", System.getProperty("mastersync.jar", "target/mastersync.jar"), verb, "--job",
                job.toString()));
        command.addAll(db.springArgs());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void waitForCommittedChunks(JdbcTemplate jdbc, Process process, int chunks) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the sync ended before it could be killed").isTrue();
            Long committed = jdbc.queryForObject("SELECT COALESCE(SUM(commit_count), 0) FROM batch_step_execution"
                    + " WHERE step_name LIKE 'detect:%'", Long.class);
            if (committed >= chunks) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no progress within 2 minutes");
    }
}
