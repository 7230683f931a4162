package io.mastersync.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.mastersync.load.RunLock;

/** Scheduled syncs ({@code mastersync serve}) through the real command line against PostgreSQL. */
class ServeIT {

    /** Fires at midnight on January 1st: its last fire time is in the past, its next one far away. */
    private static final String YEARLY = "0 0 0 1 1 *";

    private TestDatabase db;
    private JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @BeforeEach
    void createDatabase() throws Exception {
        db = TestDatabase.create("serve");
        jdbc = db.jdbc();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        db.close();
    }

    private Path scheduledFeed(String cron) throws IOException {
        return Files.writeString(dir.resolve("customers.yml"), """
                feed: serve-customers
                source-system: LEGACY
                entity: customer
                source:
                  kind: csv
                  path: current.csv
                mapping:
                  source-key: NR
                  name: NAME
                  country: LAND
                sync:
                  max-change-share: 0.5
                  schedule: "%s"
                """.formatted(cron));
    }

    private void snapshot(int n, String renamed) throws IOException {
        StringBuilder sb = new StringBuilder("NR,NAME,LAND\n");
        for (int i = 1; i <= n; i++) {
            sb.append("C").append(i).append(',').append(i == 3 && renamed != null ? renamed : "Customer " + i)
                    .append(",DE\n");
        }
        Files.writeString(dir.resolve("current.csv"), sb);
    }

    private CliRun run(String command, Path job, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, "--job", job.toString()));
        args.addAll(List.of(extra));
        args.addAll(db.springArgs());
        return CliRun.run(args);
    }

    private long syncRuns() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM batch_job_instance WHERE job_name = 'sync'", Long.class);
    }

    @Test
    void aMissedScheduleRunsOnceAtStartUpAndNotAgainUntilItsNextFireTime() throws IOException {
        Path job = scheduledFeed(YEARLY);
        snapshot(10, null);

        CliRun first = run("serve", job, "--once");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("feed serve-customers: schedule '" + YEARLY + "'");
        assertThat(syncRuns()).isEqualTo(1L);
        assertThat(jdbc.queryForObject("SELECT inserted_count FROM sync_run_feed WHERE run_id = 1", Long.class))
                .isEqualTo(10L);
        Map<String, Object> schedule = jdbc.queryForMap("SELECT * FROM sync_schedule WHERE feed = 'serve-customers'");
        LocalDateTime lastNewYear = LocalDate.now().withDayOfYear(1).atStartOfDay();
        assertThat(((java.sql.Timestamp) schedule.get("last_fire")).toLocalDateTime()).isEqualTo(lastNewYear);
        assertThat(schedule).containsEntry("cron", YEARLY).containsEntry("last_status", "completed")
                .containsEntry("last_run_id", 1L);
        assertThat(schedule.get("last_finished_at")).isNotNull();

        CliRun second = run("serve", job, "--once");

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(syncRuns()).as("the fire time was handled already").isEqualTo(1L);
    }

    @Test
    void aFiringSkipsWhileAnotherProcessSyncsTheFeed() throws Exception {
        Path job = scheduledFeed(YEARLY);
        snapshot(10, null);
        SingleConnectionDataSource other = new SingleConnectionDataSource(db.url(), db.user(), "", true);
        try (RunLock held = RunLock.acquire(other, "sync:serve-customers")) {
            CliRun skipped = run("serve", job, "--once");

            assertThat(skipped.exitCode()).as(skipped.err()).isZero();
            assertThat(syncRuns()).isZero();
            Map<String, Object> schedule = jdbc.queryForMap("SELECT * FROM sync_schedule");
            assertThat(schedule).containsEntry("last_status", "skipped");
            assertThat((String) schedule.get("last_message")).contains("another process is running sync:serve-customers");
        } finally {
            other.destroy();
        }
        assertThat(run("serve", job, "--once").exitCode()).isZero();
        assertThat(syncRuns()).as("tried again at the next fire time, not at once").isZero();
    }

    @Test
    void aFailedSyncRunIsResumedByTheNextFiringBeforeANewDelta() throws Exception {
        Path job = scheduledFeed("* * * * * *");
        snapshot(10, null);
        assertThat(run("sync", job).exitCode()).isZero();
        // the apply step of the next sync fails: staging refuses the changed name
        snapshot(10, "Customer 3 renamed");
        jdbc.execute("ALTER TABLE stg_customer ADD CONSTRAINT no_renames CHECK (name NOT LIKE '%renamed')");
        CliRun failed = run("sync", job);
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains("sync run 2 failed").contains("no_renames");
        jdbc.execute("ALTER TABLE stg_customer DROP CONSTRAINT no_renames");
        Thread.sleep(1100); // a fire time after the last successful sync

        CliRun served = run("serve", job, "--once");

        assertThat(served.exitCode()).as(served.err()).isZero();
        assertThat(syncRuns()).as("no new delta while run 2 is unfinished").isEqualTo(2L);
        assertThat(jdbc.queryForList("SELECT status FROM batch_job_execution e JOIN batch_job_instance i"
                + " ON i.job_instance_id = e.job_instance_id WHERE i.job_instance_id = 2 ORDER BY e.job_execution_id",
                String.class)).containsExactly("FAILED", "COMPLETED");
        assertThat(jdbc.queryForObject("SELECT name FROM stg_customer WHERE source_key = 'C3'", String.class))
                .isEqualTo("Customer 3 renamed");
        assertThat(jdbc.queryForMap("SELECT * FROM sync_schedule")).containsEntry("last_status", "completed")
                .containsEntry("last_run_id", 2L);
        assertThat(jdbc.queryForObject("SELECT updated_count FROM sync_run_feed WHERE run_id = 2", Long.class))
                .isEqualTo(1L);
    }
}
