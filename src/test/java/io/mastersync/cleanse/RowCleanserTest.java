package io.mastersync.cleanse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mastersync.canonical.EntityType;
import io.mastersync.canonical.Item;
import io.mastersync.cleanse.rules.RulesFileParser;
import io.mastersync.source.ColumnLayout;
import io.mastersync.source.ColumnMapping;
import io.mastersync.source.RowLineage;
import io.mastersync.source.RowProblem;
import io.mastersync.source.SourceException;
import io.mastersync.source.SourceRow;

class RowCleanserTest {

    private static final RecordValidator VALIDATOR = new RecordValidator();
    private static final ColumnLayout LAYOUT = new ColumnLayout(List.of("NR", "EAN", "TEXT", "PRICE", "CUR", "ME",
            "CHANGED"));

    @AfterAll
    static void close() {
        VALIDATOR.close();
    }

    private static RowCleanser itemCleanser(ValueFormats formats) {
        return new RowCleanser(EntityType.ITEM, "ACME", mapping(), "jobs/items.yml", RuleSet.NONE, formats, VALIDATOR);
    }

    private static ColumnMapping mapping() {
        Map<String, ColumnMapping.FieldSource> m = new LinkedHashMap<>();
        m.put("source-key", new ColumnMapping.Columns(List.of("NR"), "|", 1));
        m.put("gtin", new ColumnMapping.Columns(List.of("EAN"), "|", 2));
        m.put("name", new ColumnMapping.Columns(List.of("TEXT"), "|", 3));
        m.put("list-price", new ColumnMapping.Columns(List.of("PRICE"), "|", 4));
        m.put("currency", new ColumnMapping.Columns(List.of("CUR"), "|", 5));
        m.put("base-unit", new ColumnMapping.Columns(List.of("ME"), "|", 6));
        m.put("last-changed", new ColumnMapping.Columns(List.of("CHANGED"), "|", 7));
        m.put("status", new ColumnMapping.Constant("active", 8));
        return new ColumnMapping(m);
    }

    private static SourceRow row(String... values) {
        return new SourceRow(LAYOUT, values, new RowLineage("items.csv", 7, 6, String.join(";", values)), List.of());
    }

    @Test
    void validRowBecomesTypedItemWithTrimmedValues() {
        ValueFormats german = new ValueFormats(',', '.', List.of("dd.MM.yyyy HH:mm"));

        RowOutcome outcome = itemCleanser(german).cleanse(row(" 4711 ", "4006381333931", "Pen  ", "1.234,50", "EUR",
                "H87", "31.12.2024 23:59"));

        assertThat(outcome).isInstanceOf(RowOutcome.Accepted.class);
        Item item = (Item) ((RowOutcome.Accepted) outcome).record();
        assertThat(item.sourceSystem()).isEqualTo("ACME");
        assertThat(item.sourceKey()).isEqualTo("4711");
        assertThat(item.name()).isEqualTo("Pen");
        assertThat(item.listPrice()).isEqualByComparingTo(new BigDecimal("1234.50"));
        assertThat(item.lastChanged()).isEqualTo(LocalDateTime.of(2024, 12, 31, 23, 59));
        assertThat(item.status()).isEqualTo("active");
        assertThat(((RowOutcome.Accepted) outcome).warnings()).isEmpty();
    }

    @Test
    void aPriceTheDecimalNormalizerWroteIsNotReadAgainWithTheFeedsGroupingSeparator(@TempDir Path dir)
            throws IOException {
        // the feed's formats describe the raw export (1.234,50); the normalizer's output is already plain (1234.50)
        Path rules = dir.resolve("rules.yml");
        Files.writeString(rules, "entity: item\nfields:\n  list-price:\n    normalize: [{ name: decimal, locale: de-DE,"
                + " on-problem: error }]\n");
        ValueFormats german = new ValueFormats(',', '.', List.of("dd.MM.yyyy HH:mm"));
        RowCleanser cleanser = new RowCleanser(EntityType.ITEM, "ACME", mapping(), "jobs/items.yml",
                RulesFileParser.parse(rules, EntityType.ITEM), german, VALIDATOR);

        for (String[] priceAndExpected : new String[][] {{"1.234,50", "1234.50"}, {"12,5", "12.5"},
                {"1.234.567,89", "1234567.89"}, {"7", "7"}}) {
            RowOutcome outcome = cleanser.cleanse(row("4711", "4006381333931", "Pen", priceAndExpected[0], "EUR", "H87",
                    "31.12.2024 23:59"));

            assertThat(outcome).isInstanceOf(RowOutcome.Accepted.class);
            assertThat(((Item) ((RowOutcome.Accepted) outcome).record()).listPrice())
                    .isEqualByComparingTo(new BigDecimal(priceAndExpected[1]));
        }
    }

    @Test
    void everyBrokenConstraintIsReportedWithFieldAndValue() {
        RowOutcome outcome = itemCleanser(ValueFormats.DEFAULT).cleanse(row("4712", "4006381333932", "", "abc", "EURO",
                "XYZ", "2024-02-30"));

        assertThat(outcome).isInstanceOf(RowOutcome.Rejected.class);
        List<Violation> reasons = ((RowOutcome.Rejected) outcome).reasons();
        assertThat(reasons).extracting(Violation::field, Violation::rule).contains(
                org.assertj.core.groups.Tuple.tuple("gtin", "Gtin"),
                org.assertj.core.groups.Tuple.tuple("name", "NotBlank"),
                org.assertj.core.groups.Tuple.tuple("list-price", "number-format"),
                org.assertj.core.groups.Tuple.tuple("currency", "IsoCurrency"),
                org.assertj.core.groups.Tuple.tuple("base-unit", "UnitOfMeasure"),
                org.assertj.core.groups.Tuple.tuple("last-changed", "timestamp-format"));
        assertThat(reasons).filteredOn(v -> "gtin".equals(v.field())).first()
                .satisfies(v -> assertThat(v.message()).contains("gtin").contains("4006381333932"));
        assertThat(((RowOutcome.Rejected) outcome).sourceKey()).isEqualTo("4712");
    }

    @Test
    void aValueItsNormalizerRejectsIsOneReasonNotOnePerCheckThatReadsIt(@TempDir Path dir) throws IOException {
        // the normalizer's error is the cause; the range check, the record check, the filter and the number parser
        // would each only fail to read the same 'abc' again
        Path rules = dir.resolve("rules.yml");
        Files.writeString(rules, """
                entity: item
                fields:
                  list-price:
                    normalize: [{ name: decimal, locale: de-DE, on-problem: error }]
                    checks:
                      - { id: list-price-range, range: { min: 0, max: 1000000 } }
                record-checks:
                  - id: priced-items-are-active
                    when: "listPrice > 0"
                    assert: "status == 'active'"
                    severity: warning
                filters:
                  - id: skip-free-items
                    when: "listPrice == 0"
                """);
        RowCleanser cleanser = new RowCleanser(EntityType.ITEM, "ACME", mapping(), "jobs/items.yml",
                RulesFileParser.parse(rules, EntityType.ITEM), new ValueFormats(',', '.', List.of("dd.MM.yyyy HH:mm")),
                VALIDATOR);

        RowOutcome outcome = cleanser.cleanse(row("4711", "4006381333932", "Pen", "abc", "EUR", "H87",
                "31.12.2024 23:59"));

        assertThat(outcome).isInstanceOf(RowOutcome.Rejected.class);
        assertThat(((RowOutcome.Rejected) outcome).reasons()).extracting(Violation::field, Violation::rule)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("list-price", "list-price/decimal"),
                        // another field's own problem is still reported
                        org.assertj.core.groups.Tuple.tuple("gtin", "Gtin"));

        // a readable price still goes through every check
        RowOutcome negative = cleanser.cleanse(row("4712", "4006381333931", "Pen", "-5", "EUR", "H87",
                "31.12.2024 23:59"));
        assertThat(((RowOutcome.Rejected) negative).reasons()).extracting(Violation::rule)
                .contains("list-price-range");
    }

    @Test
    void warningLoadsTheRowAndFlagsIt() {
        RowOutcome outcome = itemCleanser(ValueFormats.DEFAULT).cleanse(row("4713", "", "Pen", "2.50", "", "H87", ""));

        assertThat(outcome).isInstanceOf(RowOutcome.Accepted.class);
        assertThat(((RowOutcome.Accepted) outcome).warnings()).singleElement()
                .satisfies(w -> {
                    assertThat(w.severity()).isEqualTo(Violation.Severity.WARNING);
                    assertThat(w.message()).contains("list-price has no currency");
                });
    }

    @Test
    void readProblemsRejectTheRowWithTheirCodes() {
        SourceRow broken = new SourceRow(LAYOUT, new String[] {"4714", "x"}, new RowLineage("items.csv", 9, 8, "4714;x"),
                List.of(new RowProblem(null, "column-count", "expected 7 columns, found 2")));

        RowOutcome outcome = itemCleanser(ValueFormats.DEFAULT).cleanse(broken);

        assertThat(outcome).isInstanceOf(RowOutcome.Rejected.class);
        assertThat(((RowOutcome.Rejected) outcome).reasons()).extracting(Violation::rule).containsExactly("column-count");
        assertThat(outcome.sourceKey()).isEqualTo("4714");
        assertThat(outcome.lineage().line()).isEqualTo(9);
    }

    @Test
    void aMappedColumnMissingFromTheSourceNamesJobFileLineAndColumns() {
        ColumnLayout other = new ColumnLayout(List.of("NR", "TEXT"));
        SourceRow row = new SourceRow(other, new String[] {"1", "a"}, new RowLineage("other.csv", 2, 1, "1;a"), List.of());

        assertThatThrownBy(() -> itemCleanser(ValueFormats.DEFAULT).cleanse(row))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("jobs/items.yml:2")
                .hasMessageContaining("'EAN'")
                .hasMessageContaining("other.csv");
    }

    @Test
    void theSourceFingerprintChangesWithAMappedValueOrTheRulesButNotWithColumnOrderOrUnmappedColumns() {
        RowCleanser cleanser = itemCleanser(ValueFormats.DEFAULT);
        String[] values = {"4711", "4006381333931", "Pen", "1.50", "EUR", "H87", ""};
        long fingerprint = cleanser.sourceFingerprint(row(values));

        RowOutcome accepted = cleanser.cleanse(row(values));
        assertThat(((RowOutcome.Accepted) accepted).sourceFingerprint()).isEqualTo(fingerprint).isNotZero();
        String[] renamed = values.clone();
        renamed[2] = "Pencil";
        assertThat(cleanser.sourceFingerprint(row(renamed))).isNotEqualTo(fingerprint);
        ColumnLayout reordered = new ColumnLayout(List.of("CHANGED", "ME", "CUR", "PRICE", "TEXT", "EAN", "NR", "NOTE"));
        SourceRow sameValuesOtherLayout = new SourceRow(reordered, new String[] {values[6], values[5], values[4],
                values[3], values[2], values[1], values[0], "an unmapped column"}, row(values).lineage(), List.of());
        assertThat(cleanser.sourceFingerprint(sameValuesOtherLayout)).isEqualTo(fingerprint);

        RuleSet otherRules = new RuleSet() {
            @Override
            public Violation apply(FieldValues fields, List<Violation> violations, List<FieldChange> changes) {
                return null;
            }

            @Override
            public String hash() {
                return "another rules file";
            }
        };
        RowCleanser ruled = new RowCleanser(EntityType.ITEM, "ACME", mapping(), "jobs/items.yml", otherRules,
                ValueFormats.DEFAULT, VALIDATOR);
        assertThat(ruled.sourceFingerprint(row(values))).isNotEqualTo(fingerprint);
        assertThat(itemCleanser(new ValueFormats(',', '.', List.of("dd.MM.yyyy")))
                .sourceFingerprint(row(values))).as("other formats").isNotEqualTo(fingerprint);
    }

    @Test
    void aRowWithWarningsOrReadProblemsHasNoSourceFingerprintSoASyncAlwaysCleansesIt() {
        RuleSet warnAll = new RuleSet() {
            @Override
            public Violation apply(FieldValues fields, List<Violation> violations, List<FieldChange> changes) {
                violations.add(Violation.warning("name", "always", "flagged", fields.get("name")));
                return null;
            }

            @Override
            public String hash() {
                return "warn";
            }
        };
        RowCleanser cleanser = new RowCleanser(EntityType.ITEM, "ACME", mapping(), "jobs/items.yml", warnAll,
                ValueFormats.DEFAULT, VALIDATOR);
        String[] values = {"4711", "4006381333931", "Pen", "1.50", "EUR", "H87", ""};

        RowOutcome.Accepted flagged = (RowOutcome.Accepted) cleanser.cleanse(row(values));

        assertThat(flagged.warnings()).hasSize(1);
        assertThat(flagged.sourceFingerprint()).isZero();
        SourceRow broken = new SourceRow(LAYOUT, values, row(values).lineage(),
                List.of(new RowProblem("TEXT", "bad-encoding", "not UTF-8")));
        assertThat(cleanser.sourceFingerprint(broken)).isZero();
    }
}
