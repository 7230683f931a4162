package io.mastersync.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Golden records through the real command line against PostgreSQL, over several runs of two generated customer
 * feeds from two ERPs: stable ids (same data, added records, a merge, a split), steward overrides, the review
 * round trip, evaluate, and an xref that covers every staged record.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GoldenRecordIT {

    @TempDir
    static Path dir;
    private static TestDatabase db;
    private static JdbcTemplate jdbc;
    private static Path erp1Job;
    private static Path erp2Job;
    private static final List<String[]> erp1 = new ArrayList<>();
    private static final List<String[]> erp2 = new ArrayList<>();
    private static Map<String, String> run1Ids;

    private static final String[] FIRST = {"Anna", "Bernd", "Clara", "Dieter", "Eva", "Frank", "Gisela", "Hans",
        "Ines", "Jürgen", "Karin", "Lukas", "Maria", "Norbert", "Olga", "Peter", "Rita", "Stefan", "Tanja", "Uwe"};
    private static final String[] LAST = {"Albrecht", "Brandt", "Conrad", "Dreher", "Engel", "Fuchs", "Graf",
        "Hoffmann", "Imhof", "Jansen", "Krüger", "Lorenz", "Möller", "Neumann", "Otto", "Pohl", "Quast", "Roth",
        "Seidel", "Thiel", "Ulrich", "Vogt", "Winter", "Zimmer"};
    private static final String[] STREET = {"Hauptstraße", "Bahnhofstraße", "Gartenweg", "Lindenallee", "Schulstraße",
        "Bergstraße", "Kirchplatz", "Rosenweg"};
    private static final String[] CITY = {"Berlin", "Hamburg", "München", "Köln", "Leipzig", "Dresden"};

    @BeforeAll
    static void setUp() throws Exception {
        db = TestDatabase.create("golden");
        jdbc = db.jdbc();
        Random rnd = new Random(11);
        for (int i = 0; i < 240; i++) {
            String first = FIRST[rnd.nextInt(FIRST.length)];
            String last = LAST[rnd.nextInt(LAST.length)];
            String[] c = {String.format("K%04d", i), first + " " + last,
                first.toLowerCase().replace("ü", "ue") + "." + last.toLowerCase().replace("ü", "ue").replace("ö", "oe")
                        + i + "@example.com",
                "+4930" + (1000000 + rnd.nextInt(8999999)), STREET[rnd.nextInt(STREET.length)] + " " + (1 + rnd.nextInt(90)),
                String.format("%05d", 10000 + rnd.nextInt(80000)), CITY[rnd.nextInt(CITY.length)], "2024-01-10 10:00:00"};
            erp1.add(c);
        }
        // ERP2 holds 60 of the same customers (another key, slightly different spelling) and 20 of its own
        for (int i = 0; i < 60; i++) {
            String[] base = erp1.get(i * 4);
            String[] c = base.clone();
            c[0] = String.format("B-%03d", i);
            c[1] = i % 3 == 0 ? base[1].replace("a", "e") : base[1].toUpperCase();
            c[7] = "2024-03-01 08:00:00";
            erp2.add(c);
        }
        for (int i = 0; i < 20; i++) {
            erp2.add(new String[] {String.format("B-%03d", 100 + i), "Firma " + LAST[i] + " Nord", "info" + i
                    + "@nord.example", "+4940" + (2000000 + i * 7919), "Hafenstraße " + (i + 1),
                String.format("%05d", 20000 + i), "Hamburg", "2024-02-01 09:00:00"});
        }
        // weaker copies for review: another phone, no e-mail, the name misspelt, sometimes another house number
        for (int i = 0; i < 15; i++) {
            String[] base = erp1.get(2 + i * 9);
            erp2.add(new String[] {String.format("B-%03d", 200 + i), base[1], "", "+4969" + (3000000 + i * 4447),
                i % 3 == 0 ? base[4] + "b" : base[4], i % 2 == 0 ? base[5] : String.format("%05d", 90000 + i), base[6],
                "2023-12-01 08:00:00"});
        }
        // one customer twice in ERP1 (a three-record cluster with its ERP2 copy)
        String[] twin = erp1.get(0).clone();
        twin[0] = "K9000";
        twin[4] = twin[4].replace("straße", "str.");
        erp1.add(twin);
        Path match = dir.resolve("customer-match.yml");
        Files.copy(Path.of("rules/customer-match.yml"), match);
        erp1Job = job("erp1", "ERP1");
        erp2Job = job("erp2", "ERP2");
        writeCsv("erp1", erp1);
        writeCsv("erp2", erp2);
    }

    @AfterAll
    static void tearDown() throws Exception {
        db.close();
    }

    private static Path job(String name, String system) throws IOException {
        Path job = dir.resolve(name + ".yml");
        Files.writeString(job, String.join("\n", "feed: " + name, "source-system: " + system, "entity: customer",
                "match: customer-match.yml", "source:", "  kind: csv", "  path: " + name + ".csv", "mapping:",
                "  source-key: no", "  name: name", "  email: email", "  phone: phone", "  street-1: street",
                "  postal-code: zip", "  city: city", "  last-changed: changed", ""));
        return job;
    }

    private static void writeCsv(String name, List<String[]> rows) throws IOException {
        StringBuilder sb = new StringBuilder("no,name,email,phone,street,zip,city,changed\n");
        for (String[] r : rows) {
            sb.append(String.join(",", r)).append('\n');
        }
        Files.writeString(dir.resolve(name + ".csv"), sb.toString(), StandardCharsets.UTF_8);
    }

    private static void migrate() {
        CliRun run = CliRun.migrate(db, erp1Job, erp2Job);
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private static Map<String, String> xref() {
        Map<String, String> m = new HashMap<>();
        jdbc.query("SELECT source_system, source_key, golden_id FROM mdm_xref WHERE entity = 'customer'",
                rs -> {
                    m.put(rs.getString(1) + "/" + rs.getString(2), rs.getString(3));
                });
        return m;
    }

    private static long runId() {
        return jdbc.queryForObject("SELECT max(run_id) FROM run_summary", Long.class);
    }

    @Test
    @Order(1)
    void firstRunLinksBothErpsAndCoversEveryStagedRecord() {
        migrate();
        run1Ids = xref();
        long staged = jdbc.queryForObject("SELECT count(*) FROM stg_customer", Long.class);
        assertThat(staged).isEqualTo(erp1.size() + erp2.size());
        assertThat(run1Ids).hasSize((int) staged);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM stg_customer s WHERE NOT EXISTS (SELECT 1 FROM mdm_xref x "
                + "WHERE x.entity = 'customer' AND x.source_system = s.source_system AND x.source_key = s.source_key)",
                Long.class)).isZero();
        // most ERP2 copies share the golden id of their ERP1 original
        int linked = 0;
        for (int i = 0; i < 60; i++) {
            linked += run1Ids.get("ERP1/" + erp1.get(i * 4)[0]).equals(run1Ids.get("ERP2/" + erp2.get(i)[0])) ? 1 : 0;
        }
        assertThat(linked).isGreaterThanOrEqualTo(50);
        assertThat(run1Ids.get("ERP1/K9000")).isEqualTo(run1Ids.get("ERP1/K0000"));
        long golden = jdbc.queryForObject("SELECT count(*) FROM mdm_golden_customer", Long.class);
        assertThat(golden).isEqualTo(new HashSet<>(run1Ids.values()).size());
        assertThat(jdbc.queryForObject("SELECT sum(member_count) FROM mdm_golden_customer", Long.class))
                .isEqualTo(staged);
        assertThat(run1Ids.values()).allMatch(id -> id.matches("G-CUSTOMER-\\d{6}"));
        // lineage names a member for every field that has a value; the newer ERP2 record wins last-changed
        Map<String, Object> g = jdbc.queryForMap("SELECT * FROM mdm_golden_customer WHERE golden_id = ?",
                run1Ids.get("ERP2/B-000"));
        assertThat((String) g.get("field_lineage")).contains("\"last-changed\":\"ERP2/B-000\"")
                .contains("\"name\":").contains("\"email\":");
        assertThat(g.get("member_count")).isEqualTo(3);
    }

    @Test
    @Order(2)
    void sameDataKeepsTheSameIds() {
        migrate();
        assertThat(xref()).isEqualTo(run1Ids);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mdm_golden_customer WHERE created_run <> 1 OR "
                + "updated_run <> 1", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mdm_golden_retired", Long.class)).isZero();
    }

    @Test
    @Order(3)
    void addedRecordsKeepExistingIds() throws IOException {
        String[] dup = erp1.get(10).clone();
        dup[0] = "K9001";
        dup[4] = dup[4] + "a";
        erp1.add(dup);
        erp1.add(new String[] {"K9002", "Zacharias Neuling", "z.neuling@example.org", "+4989555111", "Neuer Weg 1",
            "80331", "München", "2024-04-01 10:00:00"});
        writeCsv("erp1", erp1);
        migrate();
        Map<String, String> ids = xref();
        run1Ids.forEach((k, id) -> assertThat(ids.get(k)).as(k).isEqualTo(id));
        assertThat(ids.get("ERP1/K9001")).isEqualTo(run1Ids.get("ERP1/K0010"));
        long maxBefore = run1Ids.values().stream().mapToLong(GoldenRecordIT::number).max().orElseThrow();
        assertThat(number(ids.get("ERP1/K9002"))).isGreaterThan(maxBefore);
        run1Ids = ids;
    }

    @Test
    @Order(4)
    void stewardSameMergesAndKeepsTheOlderId() throws IOException {
        String a = run1Ids.get("ERP1/K0001");
        String b = run1Ids.get("ERP1/K0002");
        assertThat(a).isNotEqualTo(b);
        String older = number(a) < number(b) ? a : b;
        String newer = older.equals(a) ? b : a;
        Path typo = dir.resolve("typo.csv");
        Files.writeString(typo, "entity,source_a,key_a,source_b,key_b,decision\ncustomer,ERP1,K0001,ERP1,K0002,same\n"
                + "customer,ERP1,K0001,ERP1,NOSUCHKEY,same\n");
        CliRun refused = CliRun.run(args("review", "import", "--file", typo.toString()));
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("typo.csv:3", "no staged customer record ERP1/NOSUCHKEY");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mdm_steward_decision", Long.class))
                .as("nothing of a refused file is imported").isZero();
        Path self = dir.resolve("self.csv");
        Files.writeString(self, "entity,source_a,key_a,source_b,key_b,decision\ncustomer,ERP1,K0001,ERP1,K0001,same\n");
        CliRun selfPair = CliRun.run(args("review", "import", "--file", self.toString()));
        assertThat(selfPair.exitCode()).isEqualTo(2);
        assertThat(selfPair.err()).contains("self.csv:2", "with itself");
        Path file = dir.resolve("decisions.csv");
        // as a spreadsheet saves "CSV UTF-8": with a byte order mark
        Files.writeString(file, "\uFEFFentity,source_a,key_a,source_b,key_b,decision\ncustomer,ERP1,K0001,ERP1,K0002,same\n");
        CliRun imp = CliRun.run(args("review", "import", "--file", file.toString(), "--by", "steward1"));
        assertThat(imp.exitCode()).as(imp.err()).isZero();
        migrate();
        Map<String, String> ids = xref();
        assertThat(ids.get("ERP1/K0001")).isEqualTo(older);
        assertThat(ids.get("ERP1/K0002")).isEqualTo(older);
        String joined = older.equals(a) ? "K0002" : "K0001";
        String kept = older.equals(a) ? "K0001" : "K0002";
        assertThat(jdbc.queryForObject("SELECT since_run FROM mdm_xref WHERE source_key = ?", Long.class, joined))
                .as("tenure: the member that joined the id in this run").isEqualTo(runId());
        assertThat(jdbc.queryForObject("SELECT since_run FROM mdm_xref WHERE source_key = ?", Long.class, kept))
                .as("tenure: the member that had the id before").isLessThan(runId());
        Map<String, Object> retired = jdbc.queryForMap("SELECT * FROM mdm_golden_retired WHERE retired_id = ?", newer);
        assertThat(retired.get("surviving_id")).isEqualTo(older);
        assertThat(retired.get("run_id")).isEqualTo(runId());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mdm_golden_customer WHERE golden_id = ?", Long.class,
                newer)).isZero();
        run1Ids = ids;
    }

    @Test
    @Order(5)
    void stewardDifferentSplitsAndTheLargerPartKeepsTheId() throws IOException {
        String id = run1Ids.get("ERP1/K0000");
        assertThat(run1Ids.get("ERP1/K9000")).isEqualTo(id);
        assertThat(run1Ids.get("ERP2/B-000")).isEqualTo(id);
        // K9000 is different from both others; the chain K9000 - B-000 - K0000 must not rejoin it
        Path file = dir.resolve("decisions2.csv");
        Files.writeString(file, "entity,source_a,key_a,source_b,key_b,decision\n"
                + "customer,ERP1,K0000,ERP1,K9000,different\ncustomer,ERP2,B-000,ERP1,K9000,different\n");
        assertThat(CliRun.run(args("review", "import", "--file", file.toString())).exitCode()).isZero();
        migrate();
        Map<String, String> ids = xref();
        assertThat(ids.get("ERP1/K0000")).isEqualTo(id);
        assertThat(ids.get("ERP2/B-000")).isEqualTo(id);
        assertThat(ids.get("ERP1/K9000")).isNotEqualTo(id);
        assertThat(jdbc.queryForObject("SELECT decision FROM mdm_match_pair WHERE run_id = ? AND a_source_key = 'K0000' "
                + "AND b_source_key = 'K9000'", String.class, runId())).isEqualTo("no");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mdm_golden_retired WHERE retired_id = ?", Long.class, id))
                .isZero();
    }

    @Test
    @Order(6)
    void reviewExportAndImportRoundTrip() throws IOException {
        Path out = dir.resolve("pending.csv");
        CliRun export = CliRun.run(args("review", "export", "--entity", "customer", "--out", out.toString()));
        assertThat(export.exitCode()).as(export.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).startsWith("entity,source_a,key_a,source_b,key_b,probability,decision,reason")
                .contains("evidence_name").contains("a_name,b_name");
        long pending = jdbc.queryForObject("SELECT count(*) FROM mdm_match_pair WHERE run_id = ? AND decision = "
                + "'possible'", Long.class, runId());
        assertThat(lines).hasSize((int) pending + 1);
        assertThat(pending).as("the generated data has pairs for review").isPositive();
        // mark the first pending pair as different, write the file back, import
        org.apache.commons.csv.CSVFormat fmt = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get();
        List<org.apache.commons.csv.CSVRecord> recs;
        try (var r = Files.newBufferedReader(out)) {
            recs = fmt.parse(r).getRecords();
        }
        for (var rec : recs) {
            // the steward learns why the pair waits: its score, or a match score kept apart
            assertThat(rec.get("reason")).startsWith(Double.parseDouble(rec.get("probability")) < 0.95
                    ? "score between the review (0.6) and match (0.95) thresholds" : "scored a match, but");
            for (String cell : rec.values()) {
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@");
            }
        }
        var first = recs.get(0);
        String header = lines.get(0);
        int decisionCol = List.of(header.split(",")).indexOf("decision");
        StringBuilder edited = new StringBuilder(header).append('\n');
        try (var printer = new org.apache.commons.csv.CSVPrinter(edited, org.apache.commons.csv.CSVFormat.RFC4180)) {
            for (var rec : recs) {
                List<String> cells = new ArrayList<>(List.of(rec.values()));
                if (rec == first) {
                    cells.set(decisionCol, "different");
                }
                printer.printRecord(cells);
            }
        }
        Files.writeString(out, edited.toString());
        CliRun imp = CliRun.run(args("review", "import", "--file", out.toString()));
        assertThat(imp.exitCode()).as(imp.err()).isZero();
        assertThat(imp.out()).contains("imported 1 decisions (0 same, 1 different), " + (recs.size() - 1) + " rows skipped");
        String sa = ReviewKeys.restore(first.get("source_a"));
        String ka = ReviewKeys.restore(first.get("key_a"));
        String sb = ReviewKeys.restore(first.get("source_b"));
        String kb = ReviewKeys.restore(first.get("key_b"));
        migrate();
        assertThat(jdbc.queryForObject("SELECT decision FROM mdm_match_pair WHERE run_id = ? AND a_source_system = ? "
                + "AND a_source_key = ? AND b_source_system = ? AND b_source_key = ?", String.class, runId(), sa, ka, sb,
                kb)).isEqualTo("no");
        assertThat(xref().get(sa + "/" + ka)).isNotEqualTo(xref().get(sb + "/" + kb));
        CliRun again = CliRun.run(args("review", "export", "--entity", "customer", "--out", out.toString()));
        assertThat(again.exitCode()).isZero();
        assertThat(Files.readString(out)).doesNotContain("customer," + first.get("source_a") + "," + first.get("key_a")
                + "," + first.get("source_b") + "," + first.get("key_b") + ",");
    }

    @Test
    @Order(7)
    void evaluatePrintsTheScoreLine() throws IOException {
        Path truth = dir.resolve("truth.csv");
        StringBuilder sb = new StringBuilder("source_a,key_a,source_b,key_b\n");
        for (int i = 0; i < 60; i++) {
            sb.append("ERP1,").append(erp1.get(i * 4)[0]).append(",ERP2,").append(erp2.get(i)[0]).append('\n');
        }
        Files.writeString(truth, sb.toString());
        CliRun eval = CliRun.run(args("evaluate", "--truth", truth.toString(), "--entity", "customer"));
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(eval.out().trim()).matches("precision=\\d\\.\\d{3} recall=\\d\\.\\d{3} f1=\\d\\.\\d{3} "
                + "predicted_pairs=\\d+ true_pairs=60");
        // saved by a spreadsheet as "CSV UTF-8": with a byte order mark
        Path bom = dir.resolve("truth-bom.csv");
        Files.writeString(bom, "\uFEFF" + sb);
        CliRun evalBom = CliRun.run(args("evaluate", "--truth", bom.toString(), "--entity", "customer"));
        assertThat(evalBom.exitCode()).as(evalBom.err()).isZero();
        assertThat(evalBom.out()).isEqualTo(eval.out());
        assertThat(eval.err()).as("every truth record is staged").doesNotContain("warning");

        // a typo in a key: the pair counts as missed, and the steward is told
        Files.writeString(truth, sb + "ERP1,K-TYPO,ERP2," + erp2.get(0)[0] + "\n");
        CliRun typo = CliRun.run(args("evaluate", "--truth", truth.toString(), "--entity", "customer"));
        assertThat(typo.exitCode()).isZero();
        assertThat(typo.out()).contains("true_pairs=61");
        assertThat(typo.err()).contains("1 of 61 truth pairs name a customer that has no golden record")
                .contains("ERP1/K-TYPO");
    }

    private static List<String> args(String... a) {
        List<String> l = new ArrayList<>(List.of(a));
        l.addAll(db.springArgs());
        return l;
    }

    private static long number(String id) {
        return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
    }

    /** Mirrors ReviewCsv.restore (formula-neutralised cells). */
    private static final class ReviewKeys {
        static String restore(String cell) {
            return io.mastersync.golden.ReviewCsv.restore(cell);
        }
    }

}
