package io.mastersync.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mastersync.quality.QualityChecks;
import io.mastersync.quality.QualityChecksParser;

/**
 * The quality stage of migrate through the real command line on PostgreSQL: metrics and check results per
 * run, the report files and their regeneration, an anomaly over a history of runs that fails the gate
 * (exit 3, nothing after the gate runs), the rejects export and the profile command.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QualityGateIT {

    private static final Path ITEMS = Path.of("jobs/items-acme.yml");
    private static final Path CUSTOMERS = Path.of("jobs/customers-acme.yml");
    private static final String FORMULA_KEY = "=cmd|' /C calc'!A0";

    @TempDir
    static Path tmp;

    private static TestDatabase db;
    private static JdbcTemplate jdbc;
    private static Path reports;

    @BeforeAll
    static void createDatabase() throws Exception {
        db = TestDatabase.create("quality");
        jdbc = db.jdbc();
        reports = tmp.resolve("reports");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        db.close();
    }

    private static CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(db.springArgs());
        all.add("--mastersync.report-dir=" + reports);
        return CliRun.run(all);
    }

    private static CliRun migrate(Path... jobs) {
        List<String> args = new ArrayList<>(List.of("migrate"));
        for (Path job : jobs) {
            args.add("--job");
            args.add(job.toString());
        }
        return cli(args.toArray(String[]::new));
    }

    @Test
    @Order(1)
    void migrateStoresMetricsAndCheckResultsAndWritesAnEscapedReport() throws Exception {
        CliRun run = migrate(ITEMS, CUSTOMERS);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Run 1 completed").contains("quality: passed with warnings")
                .contains("run-1.html");
        for (String feed : List.of("acme-items", "acme-customers")) {
            assertThat(jdbc.queryForObject("SELECT metric_value FROM dq_metric WHERE run_id = 1 AND dataset = ?"
                    + " AND column_name IS NULL AND metric = 'size'", Double.class, feed)).isPositive();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dq_metric WHERE run_id = 1 AND dataset = ?"
                    + " AND column_name = 'source-key' AND metric IN ('completeness', 'uniqueness', 'approx-distinct',"
                    + " 'min-length', 'max-length')", Long.class, feed)).isEqualTo(5L);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dq_check_result WHERE run_id = 1 AND dataset = ?",
                    Long.class, feed)).isEqualTo(12L);
        }
        assertThat(jdbc.queryForObject("SELECT metric_value FROM dq_metric WHERE run_id = 1 AND dataset = 'acme-customers'"
                + " AND column_name = 'credit-limit' AND metric = 'mean'", Double.class)).isPositive();
        assertThat(jdbc.queryForObject("SELECT detail FROM dq_metric WHERE run_id = 1 AND dataset = 'acme-customers'"
                + " AND column_name = 'country' AND metric = 'histogram'", String.class)).contains("\"DE\"");
        Map<String, Object> firstRun = jdbc.queryForMap("SELECT status, message FROM dq_check_result WHERE run_id = 1"
                + " AND dataset = 'acme-customers' AND check_id = 'rows-did-not-drop'");
        assertThat(firstRun).containsEntry("status", "passed").containsEntry("message", "no history yet (first run)");
        assertThat(jdbc.queryForObject("SELECT status FROM dq_check_result WHERE run_id = 1 AND dataset = 'acme-items'"
                + " AND check_id = 'gtin-unique'", String.class)).isEqualTo("warning");
        assertThat(jdbc.queryForObject("SELECT status FROM run_summary WHERE run_id = 1", String.class)).isEqualTo("completed");

        Path html = reports.resolve("run-1.html");
        String page = Files.readString(html);
        assertThat(page).contains("&lt;script&gt;alert(1)").doesNotContain("<script").contains("<svg")
                .contains("Rule outcomes").contains("country-iso2");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagNameNS("*", "script").getLength()).isZero();
        assertThat(doc.getDocumentElement().getTextContent()).contains("<script>alert(1)");

        JsonNode json = new ObjectMapper().readTree(reports.resolve("run-1.json").toFile());
        assertThat(json.get("runId").asLong()).isEqualTo(1);
        assertThat(json.get("verdict").asText()).isEqualTo("passed-with-warnings");
        assertThat(json.get("checks").size()).isEqualTo(24);
        assertThat(json.get("feeds").size()).isEqualTo(2);
        assertThat(json.get("normalizers").size()).isPositive();
    }

    @Test
    @Order(2)
    void reportRegeneratesTheSameContentFromTheDatabase() throws Exception {
        Path out = tmp.resolve("again.json");
        CliRun run = cli("report", "1", "--format", "json", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        ObjectMapper mapper = new ObjectMapper();
        JsonNode again = mapper.readTree(out.toFile());
        JsonNode first = mapper.readTree(reports.resolve("run-1.json").toFile());
        for (String part : List.of("verdict", "feeds", "checks", "ruleOutcomes", "normalizers", "columns", "trends")) {
            assertThat(again.get(part)).as(part).isEqualTo(first.get(part));
        }
        CliRun html = cli("report", "1");
        assertThat(html.exitCode()).as(html.err()).isZero();
        assertThat(Files.readString(reports.resolve("run-1.html"))).contains("&lt;script&gt;");
        assertThat(cli("report", "99").exitCode()).isEqualTo(2);
    }

    @Test
    @Order(3)
    void aFeedThatLostRowsFailsTheAnomalyCheckAndTheGateStopsTheRun() throws Exception {
        for (int i = 2; i <= 3; i++) {
            CliRun run = migrate(ITEMS, CUSTOMERS);
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Run " + i + " completed");
        }
        assertThat(jdbc.queryForObject("SELECT message FROM dq_check_result WHERE run_id = 3"
                + " AND dataset = 'acme-customers' AND check_id = 'rows-did-not-drop'", String.class))
                .contains("changed by +0%");

        Path shrunk = shrunkCustomerJob();
        CliRun run = migrate(shrunk);

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out()).contains("quality: failed (1 check)").contains("run-4.html");
        assertThat(run.err()).contains("acme-customers/rows-did-not-drop");
        assertThat(jdbc.queryForObject("SELECT status FROM run_summary WHERE run_id = 4", String.class))
                .isEqualTo("failed-quality-gate");
        Map<String, Object> drop = jdbc.queryForMap("SELECT status, metric_value, message FROM dq_check_result"
                + " WHERE run_id = 4 AND dataset = 'acme-customers' AND check_id = 'rows-did-not-drop'");
        assertThat(drop).containsEntry("status", "failed").containsEntry("metric_value", 6.0);
        assertThat((String) drop.get("message")).contains("8 -> 6");
        List<Map<String, Object>> steps = jdbc.queryForList("SELECT s.step_name, s.status FROM batch_step_execution s"
                + " JOIN batch_job_execution e ON e.job_execution_id = s.job_execution_id WHERE e.job_instance_id = 4"
                + " ORDER BY s.step_execution_id");
        assertThat(steps.get(steps.size() - 1)).containsEntry("step_name", "quality-gate").containsEntry("status", "FAILED");
        assertThat(steps).noneMatch(s -> "summarizeRun".equals(s.get("step_name")));
        assertThat(Files.readString(reports.resolve("run-4.html"))).contains("rows-did-not-drop").contains("failed");

        // the verdict is final: the same command starts a new run, judged against the last completed one (run 3)
        CliRun again = migrate(shrunk);
        assertThat(again.exitCode()).isEqualTo(3);
        assertThat(again.out()).contains("Run 5 ");
        assertThat(jdbc.queryForObject("SELECT message FROM dq_check_result WHERE run_id = 5"
                + " AND dataset = 'acme-customers' AND check_id = 'rows-did-not-drop'", String.class)).contains("8 -> 6");
    }

    @Test
    @Order(4)
    void rejectsExportNeutralisesFormulaCells() throws Exception {
        Path out = tmp.resolve("rejects.csv");
        CliRun run = cli("rejects", "export", "--run", "4", "--feed", "acme-customers", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<CSVRecord> records;
        try (Reader r = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
            records = CSVFormat.RFC4180.parse(r).getRecords();
        }
        List<String> header = records.get(0).toList();
        assertThat(header).contains("source_file", "source_line", "source_key", "disposition", "reasons", "raw_record");
        CSVRecord evil = records.stream().filter(r -> r.get(header.indexOf("source_key")).contains("cmd")).findFirst()
                .orElseThrow();
        assertThat(evil.get(header.indexOf("source_key"))).isEqualTo("'" + FORMULA_KEY);
        assertThat(evil.get(header.indexOf("raw_record"))).contains("Evil Corp"); // quoted in the source: no formula
        for (CSVRecord r : records) {
            for (String cell : r) {
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("@").doesNotStartWith("+");
            }
        }
    }

    @Test
    @Order(4)
    void rejectsExportOfAFeedTheRunDoesNotHaveIsAnErrorListingItsFeeds() {
        Path out = tmp.resolve("typo.csv");
        CliRun run = cli("rejects", "export", "--run", "4", "--feed", "acme-custmers", "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("run 4 has no feed 'acme-custmers'", "acme-customers");
        assertThat(out).doesNotExist();
    }

    @Test
    @Order(5)
    void profileWritesSuggestedChecksThatParse() {
        Path out = tmp.resolve("suggested.yml");
        CliRun run = CliRun.run(List.of("profile", "--job", CUSTOMERS.toString(), "--out", out.toString()));

        assertThat(run.exitCode()).as(run.err()).isZero();
        QualityChecks checks = QualityChecksParser.parse(out);
        assertThat(checks.checks()).extracting(c -> c.id()).contains("rows-did-not-drop", "source-key-unique");
        assertThat(checks.dataset()).isEqualTo("acme-customers");
    }

    @Test
    @Order(5)
    void profileCountsARepeatedKeyOnceAsMigrateStagesIt() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("repeated"));
        Files.writeString(dir.resolve("c.csv"), "NR,NAME\nK1,Alpha\nK2,Beta\nK1,Alpha again\n");
        Path job = Files.writeString(dir.resolve("c.yml"), """
                feed: repeated
                source-system: REP
                entity: customer
                source: { kind: csv, path: c.csv }
                mapping: { source-key: NR, name: NAME }
                """);

        CliRun run = CliRun.run(List.of("profile", "--job", job.toString()));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("3 source rows read", "2 would be staged (1 more rows repeat a source key");
        // the profile is of the two staged rows: the superseded K1 is not in it, so the key is unique
        assertThat(run.out()).contains("a profile of repeated (2 rows)").contains("id: \"source-key-unique\"");
    }

    /** The customer job on a copy of the sample without two good rows, plus a rejected row with a formula key. */
    private static Path shrunkCustomerJob() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("shrunk"));
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("data-samples/customers-acme.csv")));
        lines.removeIf(l -> l.startsWith("C-0001,") || l.startsWith("C-0002,"));
        lines.add("\"" + FORMULA_KEY.replace("\"", "\"\"") + "\",Evil Corp,,evil@example.com,,,,,,Atlantis,RETAIL,1,EUR,A,"
                + "2024-02-08 08:00:00");
        Files.write(dir.resolve("customers.csv"), lines, StandardCharsets.UTF_8);
        Path rules = Path.of("rules").toAbsolutePath();
        String job = Files.readString(CUSTOMERS)
                .replace("../rules/", rules + "/")
                .replace("../data-samples/customers-acme.csv", dir.resolve("customers.csv").toString());
        return Files.writeString(dir.resolve("customers-acme.yml"), job);
    }
}
