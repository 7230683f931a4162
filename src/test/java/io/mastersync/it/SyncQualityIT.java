package io.mastersync.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A sync judges each feed as it will stand after its changes, inside the apply transaction: an error-level check
 * that fails stops the run with exit code 3 and publishes nothing of the feed (staging and change feed as before),
 * while its metrics, check results and report are kept; a sync that passes stores the metrics of the whole feed.
 */
class SyncQualityIT {

    @TempDir
    Path dir;
    private TestDatabase db;
    private JdbcTemplate jdbc;

    @BeforeEach
    void createDatabase() throws Exception {
        db = TestDatabase.create("sync_quality");
        jdbc = db.jdbc();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        db.close();
    }

    private Path job() throws IOException {
        Files.writeString(dir.resolve("quality.yml"), String.join("\n", "checks:",
                "  - id: email-complete", "    metric: completeness", "    column: email", "    assert: \">= 0.9\"",
                "  - id: rows-did-not-drop", "    kind: anomaly", "    metric: size", "    strategy: relative-change",
                "    max-decrease: 0.10", ""));
        return Files.writeString(dir.resolve("customers.yml"), String.join("\n", "feed: crm", "source-system: CRM",
                "entity: customer", "quality: quality.yml", "source:", "  kind: csv", "  path: customers.csv",
                "mapping:", "  source-key: no", "  name: name", "  email: email", "  city: city", "sync:",
                "  max-change-share: 1.0", ""));
    }

    private void write(List<String[]> rows) throws IOException {
        StringBuilder sb = new StringBuilder("no,name,email,city\n");
        for (String[] r : rows) {
            sb.append(String.join(",", r)).append('\n');
        }
        Files.writeString(dir.resolve("customers.csv"), sb.toString());
    }

    private static List<String[]> customers() {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(new String[] {String.format("K%03d", i), "Customer " + i, "c" + i + "@example.com", "Berlin"});
        }
        return rows;
    }

    private CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(db.springArgs());
        all.add("--mastersync.report-dir=" + dir.resolve("reports"));
        return CliRun.run(all);
    }

    private long run(String status) {
        return jdbc.queryForObject("SELECT MAX(run_id) FROM run_summary WHERE status = ?", Long.class, status);
    }

    @Test
    void aFailedCheckStopsTheSyncAndPublishesNothingOfTheFeed() throws IOException {
        Path job = job();
        List<String[]> rows = customers();
        write(rows);
        assertThat(cli("migrate", "--job", job.toString()).exitCode()).isZero();
        long changesBefore = jdbc.queryForObject("SELECT COUNT(*) FROM sync_change", Long.class);

        // a broken export: 8 of 40 customers lost their e-mail address (completeness 0.8 < 0.9), one moved
        for (int i = 0; i < 8; i++) {
            rows.get(i)[2] = "";
        }
        rows.get(20)[3] = "Potsdam";
        write(rows);
        CliRun failed = cli("sync", "--job", job.toString());

        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(3);
        assertThat(failed.err()).contains("crm/email-complete");
        // the feed that was not applied is still accounted for: 40 rows read, none rejected
        assertThat(failed.out()).containsPattern("crm +40 +- +- +- +- +0 +0 +- +-  not applied: quality gate failed");
        long failedRun = run("failed-quality-gate");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_customer WHERE email IS NULL", Long.class))
                .as("nothing applied").isZero();
        assertThat(jdbc.queryForObject("SELECT city FROM stg_customer WHERE source_key = 'K020'", String.class))
                .isEqualTo("Berlin");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sync_change", Long.class)).isEqualTo(changesBefore);
        assertThat(jdbc.queryForObject("SELECT status FROM dq_check_result WHERE run_id = ? AND check_id ="
                + " 'email-complete'", String.class, failedRun)).isEqualTo("failed");
        assertThat(jdbc.queryForObject("SELECT metric_value FROM dq_metric WHERE run_id = ? AND dataset = 'crm' AND"
                + " column_name = 'email' AND metric = 'completeness'", Double.class, failedRun)).isEqualTo(0.8);
        assertThat(dir.resolve("reports/run-" + failedRun + ".html")).content().contains("email-complete");
        assertThat(jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM sync_pending_customer) + (SELECT COUNT(*) FROM"
                + " sync_seen_block) + (SELECT COUNT(*) FROM sync_seen)", Long.class))
                .as("the failed run's working rows are not left behind").isZero();

        // the fixed export: only the move is applied, and the whole feed's metrics are stored
        for (int i = 0; i < 8; i++) {
            rows.get(i)[2] = "c" + i + "@example.com";
        }
        write(rows);
        CliRun passed = cli("sync", "--job", job.toString());
        assertThat(passed.exitCode()).as(passed.out() + passed.err()).isZero();
        assertThat(passed.out()).contains("quality: passed");
        long passedRun = run("completed");
        assertThat(jdbc.queryForObject("SELECT city FROM stg_customer WHERE source_key = 'K020'", String.class))
                .isEqualTo("Potsdam");
        assertThat(jdbc.queryForList("SELECT change_kind || ' ' || source_key FROM sync_change WHERE run_id = ?",
                String.class, passedRun)).containsExactly("update K020");
        assertThat(jdbc.queryForObject("SELECT metric_value FROM dq_metric WHERE run_id = ? AND dataset = 'crm' AND"
                + " column_name IS NULL AND metric = 'size'", Double.class, passedRun)).isEqualTo(40.0);
        assertThat(dir.resolve("reports/run-" + passedRun + ".json")).exists();

        // half the export missing: the anomaly check against the last completed run (the sync) stops it
        write(rows.subList(0, 20));
        CliRun half = cli("sync", "--job", job.toString());
        assertThat(half.exitCode()).as(half.out() + half.err()).isEqualTo(3);
        assertThat(half.err()).contains("crm/rows-did-not-drop");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_customer WHERE deleted_at IS NULL", Long.class))
                .isEqualTo(40);

        // mastersync.quality.on-sync=false: syncs are not judged (nor profiled); this one applies the deletions
        CliRun unjudged = cli("sync", "--job", job.toString(), "--mastersync.quality.on-sync=false");
        assertThat(unjudged.exitCode()).as(unjudged.out() + unjudged.err()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_customer WHERE deleted_at IS NULL", Long.class))
                .isEqualTo(20);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dq_metric WHERE run_id = ?", Long.class,
                run("completed"))).isZero();
    }
}
