package io.mastersync.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

/** The shipped sample feeds migrated into PostgreSQL through the real command line. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrateIT {

    private static final Path ITEMS = Path.of("jobs/items-acme.yml");
    private static final Path CUSTOMERS = Path.of("jobs/customers-acme.yml");
    private static TestDatabase db;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void createDatabase() throws Exception {
        db = TestDatabase.create("migrate");
        jdbc = db.jdbc();
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        db.close();
    }

    @Test
    @Order(1)
    void migratesSampleFeedsWithRowsThatAddUp() {
        CliRun run = CliRun.migrate(db, ITEMS, CUSTOMERS);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Run 1 completed").contains("acme-items").contains("acme-customers");
        List<Map<String, Object>> feeds = jdbc.queryForList("SELECT * FROM run_feed WHERE run_id = 1 ORDER BY feed");
        assertThat(feeds).hasSize(2);
        for (Map<String, Object> f : feeds) {
            long read = (Long) f.get("read_count");
            long accounted = (Long) f.get("loaded_count") + (Long) f.get("rejected_count")
                    + (Long) f.get("superseded_count") + (Long) f.get("filtered_count");
            assertThat(accounted).as("read = loaded + rejected + superseded + filtered for %s", f.get("feed"))
                    .isEqualTo(read);
            assertThat((String) f.get("rules_hash")).hasSize(64);
        }
        long sourceRows = 14 + 13;
        assertThat(jdbc.queryForObject("SELECT SUM(read_count) FROM run_feed", Long.class)).isEqualTo(sourceRows);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_item", Long.class)
                + jdbc.queryForObject("SELECT COUNT(*) FROM stg_customer", Long.class)
                + jdbc.queryForObject("SELECT COUNT(*) FROM rej_record", Long.class)).isEqualTo(sourceRows);
        assertThat(jdbc.queryForObject("SELECT rules_hash FROM run_summary WHERE run_id = 1", String.class)).hasSize(64);
    }

    @Test
    @Order(2)
    void decodesWindows1252AndNormalizesLegacyFormats() {
        Map<String, Object> item = jdbc.queryForMap("SELECT * FROM stg_item WHERE source_key = '100005'");
        assertThat(item.get("name")).isEqualTo("Café-Kapseln Crème");
        assertThat(item.get("brand")).isEqualTo("Señor Café");
        assertThat((String) item.get("description")).contains("€");
        assertThat(item.get("list_price").toString()).isEqualTo("3.4900");
        assertThat(item.get("gtin")).isEqualTo("00000096385074");
        assertThat(item.get("base_unit")).isEqualTo("H87");
        assertThat(item.get("net_weight").toString()).isEqualTo("0.055000");
        assertThat(item.get("weight_unit")).isEqualTo("KGM");
        assertThat(item.get("currency")).isEqualTo("EUR");
        assertThat(item.get("last_changed").toString()).startsWith("2024-01-05 00:00");
        assertThat(item.get("source_system")).isEqualTo("ACME");
        assertThat((String) item.get("source_file")).endsWith("items-acme.csv");
        assertThat(item.get("source_line")).isEqualTo(6L);

        Map<String, Object> customer = jdbc.queryForMap("SELECT * FROM stg_customer WHERE source_key = 'C-0001'");
        assertThat(customer).containsEntry("name", "Müller Bürobedarf").containsEntry("legal_form", "GmbH")
                .containsEntry("vat_id", "DE123456789").containsEntry("phone", "+49301234567")
                .containsEntry("country", "DE").containsEntry("email", "Info@mueller-buero.de")
                .containsEntry("status", "active");
    }

    @Test
    @Order(3)
    void laterRowWinsAndTheEarlierIsRecordedAsSuperseded() {
        assertThat(jdbc.queryForObject("SELECT name FROM stg_item WHERE source_key = '100002'", String.class))
                .isEqualTo("Schreibblock A4 kariert (neu)");
        Map<String, Object> superseded = jdbc.queryForMap(
                "SELECT * FROM rej_record WHERE disposition = 'superseded' AND source_key = '100002'");
        assertThat(superseded.get("source_line")).isEqualTo(3L);
        assertThat((String) superseded.get("reasons")).contains("line 10");
    }

    @Test
    @Order(4)
    void rejectsKeepFileLineRawRecordAndTheReasonsOfRulesAndConstraints() {
        Map<String, Object> rejected = jdbc.queryForMap(
                "SELECT * FROM rej_record WHERE feed = 'acme-items' AND source_key = '100003'");
        assertThat(rejected.get("disposition")).isEqualTo("rejected");
        assertThat(rejected.get("source_line")).isEqualTo(4L);
        assertThat((String) rejected.get("raw_record")).startsWith("100003;4006381333932;Textmarker gelb");
        assertThat(jdbc.queryForList("SELECT rule_id FROM rej_reason WHERE feed = 'acme-items' AND source_key = '100003'"
                + " AND field = 'gtin' AND bad_value = '4006381333932' AND severity = 'error'", String.class))
                .as("the normalizer's error, not again the constraint's on the same value").containsExactly("gtin/gtin");
        assertThat(jdbc.queryForList("SELECT rule_id FROM rej_reason WHERE feed = 'acme-customers' AND source_key"
                + " = 'C-0004' AND severity = 'error'", String.class)).contains("country-allowed", "IsoCountry");
        assertThat(jdbc.queryForList("SELECT rule_id FROM rej_reason WHERE source_key = 'C-0010' AND severity = 'error'",
                String.class)).containsExactly("de-postal-format");
    }

    @Test
    @Order(5)
    void warningsLoadTheRowAndFlagItAndFiltersLeaveItOut() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_item WHERE source_key IN ('100004', '100009')",
                Long.class)).isEqualTo(2L);
        assertThat(jdbc.queryForList("SELECT rule_id FROM rej_reason WHERE source_key = '100009'", String.class))
                .containsExactly("priced-with-currency");
        assertThat(jdbc.queryForList("SELECT rule_id FROM rej_reason WHERE source_key = '100004'", String.class))
                .containsExactly("blocked-without-price");
        assertThat(jdbc.queryForList("SELECT source_key FROM rej_reason WHERE rule_id = 'email-unique' ORDER BY 1",
                String.class)).containsExactly("C-0001", "C-0012");
        assertThat(jdbc.queryForObject("SELECT flagged_count FROM run_feed WHERE feed = 'acme-items'", Long.class))
                .isEqualTo(4L);
        assertThat(jdbc.queryForList("SELECT source_key FROM rej_record WHERE disposition = 'filtered' ORDER BY 1",
                String.class)).containsExactly("C-0009", "TEST-1");
    }

    @Test
    @Order(5)
    void normalizerChangesAreCountedWithExamples() {
        assertThat(jdbc.queryForObject("SELECT SUM(changed_count) FROM dq_normalizer_count WHERE run_id = 1"
                + " AND normalizer = 'base-unit/unit-of-measure'", Long.class)).isEqualTo(13L);
        assertThat(jdbc.queryForList("SELECT before_value || ' -> ' || after_value FROM dq_normalizer_example"
                + " WHERE run_id = 1 AND normalizer = 'country/country-iso2'", String.class))
                .contains("Deutschland -> DE").hasSizeLessThanOrEqualTo(5);
    }

    @Test
    @Order(6)
    void runningAgainIsANewRunThatLeavesStagingAsItWas() {
        String before = StagingSnapshot.of(jdbc);

        CliRun run = CliRun.migrate(db, ITEMS, CUSTOMERS);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Run 2 completed");
        assertThat(StagingSnapshot.of(jdbc)).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT status FROM run_summary WHERE run_id = 2", String.class))
                .isEqualTo("completed");
    }
}
