package io.mastersync.cleanse.rules;

import static io.mastersync.cleanse.rules.RulesTestSupport.apply;
import static io.mastersync.cleanse.rules.RulesTestSupport.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mastersync.canonical.EntityType;
import io.mastersync.cleanse.FieldValues;
import io.mastersync.cleanse.Violation;
import io.mastersync.yaml.YamlMap;

/** The rules shipped in {@code rules/} parse and do what they should on the sample feeds. */
class ShippedRulesTest {

    private static final Path CUSTOMER_RULES = Path.of("rules/customer.yml");
    private static final Path ITEM_RULES = Path.of("rules/item.yml");

    @TempDir
    Path dir;

    @Test
    void shippedRulesParse() {
        DeclaredRules customer = RulesFileParser.parse(CUSTOMER_RULES, EntityType.CUSTOMER);
        DeclaredRules item = RulesFileParser.parse(ITEM_RULES, EntityType.ITEM);

        assertThat(customer.checkIds().size() + customer.uniqueChecks().size()).isGreaterThanOrEqualTo(10);
        assertThat(customer.normalizerIds()).contains("country/country-iso2", "phone/phone-e164",
                "last-changed/timestamp", "name/legal-form");
        assertThat(customer.uniqueChecks()).extracting(UniqueCheck::field).containsExactly("email");
        assertThat(item.uniqueChecks()).extracting(UniqueCheck::field).containsExactly("gtin");
        assertThat(customer.hash()).hasSize(64).isNotEqualTo(item.hash());
        assertThat(RulesFileParser.parse(CUSTOMER_RULES, EntityType.CUSTOMER).hash()).isEqualTo(customer.hash());
    }

    @Test
    void sampleCustomersAreCleansedAndChecked() throws IOException {
        DeclaredRules rules = RulesFileParser.parse(CUSTOMER_RULES, EntityType.CUSTOMER, RulesTestSupport.CLOCK);
        Map<String, RulesTestSupport.Outcome> out = run(rules, EntityType.CUSTOMER, Path.of("jobs/customers-acme.yml"),
                Path.of("data-samples/customers-acme.csv"), StandardCharsets.UTF_8, ',');

        RulesTestSupport.Outcome mueller = out.get("C-0001");
        assertThat(mueller.violations()).isEmpty();
        assertThat(mueller.values().get("phone")).isEqualTo("+49301234567");
        assertThat(mueller.values().get("last-changed")).isEqualTo("2024-01-10T09:00:00");
        assertThat(mueller.values().get("credit-limit")).isEqualTo("5000.00");

        assertThat(out.get("C-0003").ruleIds()).contains("email/email", "email-format");
        assertThat(out.get("C-0004").ruleIds()).contains("country/country-iso2", "country-allowed");
        assertThat(out.get("C-0004").only("country-allowed").isError()).isTrue();
        assertThat(out.get("C-0006").ruleIds()).contains("name-required", "contact-present");
        assertThat(out.get("C-0007").violations()).isEmpty();
        assertThat(out.get("C-0007").values().get("phone")).isEqualTo("+4315880000");
        assertThat(out.get("C-0009").filter().rule()).isEqualTo("skip-test-customers");
        assertThat(out.get("C-0010").only("de-postal-format").isError()).as("4-digit German postal code").isTrue();
        assertThat(out.get("C-0010").values().get("country")).as("numeric code 276").isEqualTo("DE");
        assertThat(out.get("C-0011").values().get("legal-form")).isEqualTo("Corp.");
        assertThat(out.entrySet()).filteredOn(e -> !e.getKey().equals("C-0009"))
                .allSatisfy(e -> assertThat(e.getValue().filter()).isNull());
    }

    @Test
    void sampleItemsAreCleansedAndChecked() throws IOException {
        DeclaredRules rules = RulesFileParser.parse(ITEM_RULES, EntityType.ITEM, RulesTestSupport.CLOCK);
        Map<String, RulesTestSupport.Outcome> out = run(rules, EntityType.ITEM, Path.of("jobs/items-acme.yml"),
                Path.of("data-samples/items-acme.csv"), Charset.forName("windows-1252"), ';');

        RulesTestSupport.Outcome pen = out.get("100001");
        assertThat(pen.violations()).isEmpty();
        assertThat(pen.values().get("list-price")).isEqualTo("1.49");
        assertThat(pen.values().get("net-weight")).isEqualTo("0.012");
        assertThat(pen.values().get("gtin")).isEqualTo("04006381333931");
        assertThat(pen.values().get("last-changed")).isEqualTo("2024-03-01T10:15:00");

        assertThat(out.get("100003").only("gtin/gtin").isError()).as("wrong check digit").isTrue();
        assertThat(out.get("100004").only("blocked-without-price").severity()).isEqualTo(Violation.Severity.WARNING);
        assertThat(out.get("100007").ruleIds()).contains("name-required", "active-item-has-price");
        assertThat(out.get("100008").only("base-unit/unit-of-measure").isError()).as("unit XYZ").isTrue();
        assertThat(out.get("100009").ruleIds()).doesNotContain("status-allowed");
        assertThat(out.get("100009").values().get("status")).isEqualTo("discontinued");
    }

    @Test
    void statusCodesAreMappedAndTestAndDeletedRowsFiltered() {
        DeclaredRules rules = RulesFileParser.parse(CUSTOMER_RULES, EntityType.CUSTOMER, RulesTestSupport.CLOCK);

        RulesTestSupport.Outcome blocked = apply(rules, row(EntityType.CUSTOMER, "customer-number", "C-1",
                "name", "Acme", "country", "Deutschland", "postal-code", "10115", "status", "Gesperrt",
                "email", "info@acme.de"));
        assertThat(blocked.values().get("status")).isEqualTo("blocked");
        assertThat(blocked.values().get("country")).isEqualTo("DE");
        assertThat(blocked.violations()).isEmpty();

        assertThat(apply(rules, row(EntityType.CUSTOMER, "name", "Testkunde GmbH")).filter()).isNull();
        assertThat(apply(rules, row(EntityType.CUSTOMER, "name", "TEST Kunde", "customer-number", "C-2")).filter()
                .rule()).isEqualTo("skip-test-customers");
        assertThat(apply(rules, row(EntityType.CUSTOMER, "name", "Alt", "status", "L")).filter().rule())
                .isEqualTo("skip-deleted-customers");
        assertThat(apply(rules, row(EntityType.CUSTOMER, "name", "Jane", "country", "US", "postal-code", "1001"))
                .only("us-postal-format").message()).isEqualTo("US postal code 1001 is not 5 or 9 digits");
    }

    @Test
    void hashCoversReferencedFiles() throws IOException {
        Path rules = dir.resolve("customer.yml");
        Files.copy(CUSTOMER_RULES, rules);
        Files.copy(Path.of("rules/countries.csv"), dir.resolve("countries.csv"));
        Files.copy(Path.of("rules/status-codes.csv"), dir.resolve("status-codes.csv"));
        String before = RulesFileParser.parse(rules, EntityType.CUSTOMER).hash();
        assertThat(RulesFileParser.parse(rules, EntityType.CUSTOMER).hash()).isEqualTo(before);

        Files.writeString(dir.resolve("countries.csv"), "ZZ,Testland\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        String afterCountries = RulesFileParser.parse(rules, EntityType.CUSTOMER).hash();
        assertThat(afterCountries).isNotEqualTo(before);

        Files.writeString(dir.resolve("status-codes.csv"), "Z,inactive\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        String afterMapping = RulesFileParser.parse(rules, EntityType.CUSTOMER).hash();
        assertThat(afterMapping).isNotEqualTo(afterCountries);

        Files.writeString(rules, "\n# a comment\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        assertThat(RulesFileParser.parse(rules, EntityType.CUSTOMER).hash()).isNotEqualTo(afterMapping);
    }

    @Test
    void examplesInDocsParse() throws IOException {
        String doc = Files.readString(Path.of("docs/rules.md"), StandardCharsets.UTF_8);
        Files.copy(Path.of("rules/countries.csv"), dir.resolve("countries.csv"));
        Files.copy(Path.of("rules/status-codes.csv"), dir.resolve("status-codes.csv"));
        int parsed = 0;
        for (String block : doc.split("```yaml\n")) {
            int end = block.indexOf("```");
            if (end > 0 && block.startsWith("entity: ")) {
                String yaml = block.substring(0, end);
                EntityType entity = yaml.startsWith("entity: item") ? EntityType.ITEM : EntityType.CUSTOMER;
                Path file = RulesTestSupport.write(dir, "example-" + parsed + ".yml", yaml);
                assertThat(RulesFileParser.parse(file, entity).hash()).hasSize(64);
                parsed++;
            }
        }
        assertThat(parsed).isEqualTo(2);
    }

    /** Reads a sample feed with the job file's mapping (single columns only) and runs each row through the rules. */
    private static Map<String, RulesTestSupport.Outcome> run(DeclaredRules rules, EntityType entity, Path job, Path csv,
            Charset charset, char delimiter) throws IOException {
        YamlMap jobFile = YamlMap.read(job);
        Map<String, String> mapping = new LinkedHashMap<>();
        jobFile.requiredMap("mapping").scalarEntries().forEach(e -> mapping.put(e.key(), e.scalar()));
        String text = Files.readString(csv, charset);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Map<String, RulesTestSupport.Outcome> out = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .get();
        List<CSVRecord> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            parser.forEach(records::add);
        }
        for (CSVRecord r : records) {
            FieldValues values = new FieldValues(entity);
            mapping.forEach((field, column) -> {
                String v = r.get(column).strip();
                values.set(field, v.isEmpty() ? null : v);
            });
            values.set("source-system", "ACME");
            out.putIfAbsent(values.get("source-key"), apply(rules, values));
        }
        return out;
    }
}
