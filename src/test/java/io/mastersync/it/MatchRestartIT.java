package io.mastersync.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import io.mastersync.bench.CustomerCsvGenerator;

/**
 * The packaged jar is killed with SIGKILL while its {@code match:customer} step runs and started again with the
 * same command: the run resumes with that step (the feed is not loaded again) and ends with the same pairs, golden
 * records, golden ids and cross-reference as an uninterrupted run, nothing doubled.
 */
class MatchRestartIT {

    private static final int ROWS = 8_000;

    @TempDir
    Path dir;

    @Test
    void aMigrationKilledWhileMatchingResumesToTheSameGoldenRecords() throws Exception {
        Path job = writeFeed();
        try (TestDatabase killed = TestDatabase.create("match_killed");
                TestDatabase clean = TestDatabase.create("match_clean")) {
            Process first = start(job, killed, dir.resolve("first.log"));
            waitForStep(killed.jdbc(), first, "match:customer");
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            JdbcTemplate k = killed.jdbc();
            assertThat(k.queryForObject("SELECT status FROM batch_step_execution WHERE step_name = 'match:customer'",
                    String.class)).as("killed mid-match").isEqualTo("STARTED");
            assertThat(k.queryForObject("SELECT COUNT(*) FROM mdm_match_pair", Long.class)).isZero();
            assertThat(k.queryForObject("SELECT COUNT(*) FROM mdm_xref", Long.class)).isZero();

            Process resumed = start(job, killed, dir.resolve("resumed.log"));
            assertThat(resumed.waitFor(5, TimeUnit.MINUTES)).isTrue();
            String resumedLog = Files.readString(dir.resolve("resumed.log"));
            assertThat(resumed.exitValue()).as(resumedLog).isZero();
            assertThat(resumedLog).contains("resuming run 1");
            assertThat(k.queryForObject("SELECT COUNT(*) FROM batch_step_execution WHERE step_name LIKE 'extract:%'",
                    Long.class)).as("the feed is not extracted again").isEqualTo(1L);

            List<String> args = new ArrayList<>(List.of("migrate", "--job", job.toString(),
                    "--mastersync.report-dir=" + dir.resolve("reports")));
            args.addAll(clean.springArgs());
            CliRun uninterrupted = CliRun.run(args);
            assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isZero();

            assertThat(k.queryForObject("SELECT COUNT(*) FROM mdm_match_pair WHERE decision = 'match'", Long.class))
                    .as("the generated duplicates are found").isGreaterThan(ROWS / 20L);
            for (String table : TABLES) {
                assertThat(digest(k, table)).as(table).isEqualTo(digest(clean.jdbc(), table));
            }
        }
    }

    /** The match and golden tables, every column (run ids included: both runs are run 1). */
    private static final String[] TABLES = {"mdm_match_pair", "mdm_match_rule", "mdm_xref", "mdm_golden_customer",
        "mdm_golden_retired"};

    private static String digest(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("SELECT COUNT(*) || ':' || COALESCE(md5(string_agg(t::text, E'\\n' ORDER BY "
                + "t::text)), '') FROM " + table + " t", String.class);
    }

    /** Generated customers with 10% near-duplicates, cleansed with the shipped rules and matched with the shipped file. */
    private Path writeFeed() throws IOException {
        new CustomerCsvGenerator(7, 0.10, 0.02).generate(ROWS, dir.resolve("customers.csv"));
        return Files.writeString(dir.resolve("customers.yml"), """
                feed: restart-match
                source-system: BENCH
                entity: customer
                chunk-size: 2000
                rules: %s
                match: %s
                source:
                  kind: csv
                  path: customers.csv
                mapping:
                  source-key: customer_no
                  name: name
                  legal-form: legal_form
                  vat-id: vat_id
                  email: email
                  phone: phone
                  street-1: street
                  postal-code: postal_code
                  city: city
                  country: country
                  credit-limit: credit_limit
                  currency: currency
                """.formatted(Path.of("rules/customer.yml").toAbsolutePath(),
                Path.of("rules/customer-match.yml").toAbsolutePath()));
    }

    private Process start(Path job, TestDatabase db, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", System.getProperty("mastersync.jar", "target/mastersync.jar"), "migrate", "--job",
                job.toString()));
        command.addAll(db.springArgs());
        command.add("--mastersync.report-dir=" + dir.resolve("reports"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void waitForStep(JdbcTemplate jdbc, Process process, String step) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the run ended before it could be killed").isTrue();
            try {
                Long running = jdbc.queryForObject("SELECT COUNT(*) FROM batch_step_execution WHERE step_name = ?"
                        + " AND status = 'STARTED'", Long.class, step);
                if (running > 0) {
                    return;
                }
            } catch (org.springframework.dao.DataAccessException schemaNotThereYet) {
                // Flyway has not created the tables yet
            }
            Thread.sleep(20);
        }
        throw new AssertionError(step + " did not start within 3 minutes");
    }
}
