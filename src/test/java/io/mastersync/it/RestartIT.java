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

/**
 * The packaged jar is killed with SIGKILL in the middle of a migration and started again with the same
 * command: the result must be identical to that of an uninterrupted run, with no duplicates and nothing
 * missing.
 */
class RestartIT {

    private static final int ROWS = 300_000;

    @TempDir
    Path dir;

    @Test
    void aKilledMigrationResumesFromItsLastCommittedChunk() throws Exception {
        Path job = writeFeed();
        try (TestDatabase killed = TestDatabase.create("restart_killed");
                TestDatabase clean = TestDatabase.create("restart_clean")) {
            Process first = start(job, killed, dir.resolve("first.log"));
            waitForCommittedChunks(killed, first, 40);
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            long landedBeforeRestart = killed.jdbc().queryForObject("SELECT COUNT(*) FROM stg_customer", Long.class);
            assertThat(landedBeforeRestart).as("killed mid-extract").isBetween(1L, (long) ROWS - 1);
            assertThat(killed.jdbc().queryForObject("SELECT status FROM batch_job_execution", String.class))
                    .isEqualTo("STARTED");

            Process resumed = start(job, killed, dir.resolve("resumed.log"));
            assertThat(resumed.waitFor(5, TimeUnit.MINUTES)).isTrue();
            String resumedLog = Files.readString(dir.resolve("resumed.log"));
            assertThat(resumed.exitValue()).as(resumedLog).isZero();
            assertThat(resumedLog).contains("resuming run 1");

            Process uninterrupted = start(job, clean, dir.resolve("clean.log"));
            assertThat(uninterrupted.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(uninterrupted.exitValue()).as(Files.readString(dir.resolve("clean.log"))).isZero();

            assertThat(StagingSnapshot.of(killed.jdbc())).isEqualTo(StagingSnapshot.of(clean.jdbc()));
            String accounting = "SELECT read_count || '/' || loaded_count || '/' || rejected_count || '/'"
                    + " || superseded_count FROM run_feed";
            assertThat(killed.jdbc().queryForObject(accounting, String.class))
                    .isEqualTo(clean.jdbc().queryForObject(accounting, String.class))
                    .startsWith(ROWS + "/");
            assertThat(killed.jdbc().queryForObject("SELECT COUNT(*) - COUNT(DISTINCT record_no) FROM rej_record",
                    Long.class)).isZero();
        }
    }

    /** Customers with a bad country every 97th row and, every 1000th row, a key staged by an earlier chunk. */
    private Path writeFeed() throws IOException {
        Path data = dir.resolve("customers.csv");
        try (BufferedWriter w = Files.newBufferedWriter(data, StandardCharsets.UTF_8)) {
            w.write("NR,NAME,EMAIL,CITY,LAND,LIMIT\n");
            for (int i = 1; i <= ROWS; i++) {
                int key = i % 1000 == 0 ? i - 1500 : i;
                String country = i % 97 == 0 ? "XX" : (i % 2 == 0 ? "DE" : "FR");
                w.write("C" + key + ",Customer " + i + " GmbH,c" + i + "@example.com,City " + (i % 300) + ","
                        + country + "," + (i % 5000) + ".50\n");
            }
        }
        return Files.writeString(dir.resolve("customers.yml"), """
                feed: restart-customers
                source-system: RESTART
                entity: customer
                chunk-size: 1000
                source:
                  kind: csv
                  path: customers.csv
                mapping:
                  source-key: NR
                  name: NAME
                  email: EMAIL
                  city: CITY
                  country: LAND
                  credit-limit: LIMIT
                  currency: { value: EUR }
                """);
    }

    private static Process start(Path job, TestDatabase db, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", System.getProperty("mastersync.jar", "target/mastersync.jar"), "migrate", "--job",
                job.toString()));
        command.addAll(db.springArgs());
        command.add("--mastersync.progress-interval=1s");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void waitForCommittedChunks(TestDatabase db, Process process, int chunks) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the run ended before it could be killed").isTrue();
            try {
                Long committed = db.jdbc().queryForObject("SELECT COALESCE(SUM(commit_count), 0) FROM"
                        + " batch_step_execution", Long.class);
                if (committed >= chunks) {
                    return;
                }
            } catch (org.springframework.dao.DataAccessException schemaNotThereYet) {
                // Flyway has not created the tables yet
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no progress within 2 minutes");
    }
}
