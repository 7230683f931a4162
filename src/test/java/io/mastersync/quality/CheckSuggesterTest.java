package io.mastersync.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckSuggesterTest {

    static List<Map<String, Object>> customers() {
        String[] countries = {"DE", "FR", "NO", "AT"};
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("customer-number", String.valueOf(10_000 + i));
            row.put("name", "Kunde \"" + i + "\" \\ & Co\n");
            row.put("email", i % 50 == 0 ? null : "c" + i + "@example.com");
            row.put("country", countries[i % countries.length]);
            row.put("credit-limit", new BigDecimal(i * 10 + ".50"));
            row.put("notes", null);
            rows.add(row);
        }
        return rows;
    }

    @Test
    void suggestionsParseBackAndHoldOnTheProfiledData(@TempDir Path dir) throws IOException {
        List<String> columns = List.of("customer-number", "name", "email", "country", "credit-limit", "notes");
        AnalysisResult profile = new ProfileRunner("customer", CheckSuggester.profilingAnalyzers(columns)).run(customers());
        String yaml = CheckSuggester.suggest("customer", profile.allMetrics());

        Path file = dir.resolve("suggested.yml");
        Files.writeString(file, yaml);
        QualityChecks checks = QualityChecksParser.parse(file);

        assertThat(checks.dataset()).isEqualTo("customer");
        Map<String, Check> byId = new LinkedHashMap<>();
        checks.checks().forEach(c -> byId.put(c.id(), c));
        assertThat(byId).containsKeys("rows-did-not-drop", "customer-number-complete", "customer-number-unique",
                "customer-number-is-integer", "email-complete", "country-allowed-values", "credit-limit-is-decimal",
                "credit-limit-minimum", "credit-limit-maximum", "name-max-length");
        // customer numbers are identifiers: their range is no expectation
        assertThat(byId).doesNotContainKeys("notes-complete", "email-unique", "country-unique", "name-allowed-values",
                "customer-number-allowed-values", "customer-number-minimum", "customer-number-maximum");
        // completeness slightly below observed (0.98 -> 0.96), 1.0 stays 1.0
        assertThat(((AssertionCheck) byId.get("email-complete")).assertion()).isEqualTo(Assertion.parse(">= 0.96"));
        assertThat(byId.get("email-complete").severity()).isEqualTo(CheckSeverity.WARNING);
        assertThat(((AssertionCheck) byId.get("customer-number-complete")).assertion()).isEqualTo(Assertion.parse(">= 1"));
        assertThat(((ContainedIn) byId.get("country-allowed-values").analyzer()).allowed())
                .containsExactlyInAnyOrder("AT", "DE", "FR", "NO");
        assertThat(((AssertionCheck) byId.get("credit-limit-maximum")).assertion()).isEqualTo(Assertion.parse("<= 1990.5"));
        assertThat(yaml).contains("- \"NO\"").contains("# candidate key");

        List<CheckResult> results = new CheckEvaluator(MetricHistory.NONE).evaluate(checks.checks(),
                new ProfileRunner("customer", checks.analyzers()).run(customers()));
        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.checkId() + ": " + r.message())
                .isEqualTo(CheckStatus.PASSED));
    }

    @Test
    void knowingTheEntityAmountsAndTimesAreNoKeysCodesGetNoRangeAndOnlyTheSourceKeyIsSurelyUnique() {
        // 20 customers: every name, credit limit and time unique by chance; phone numbers and postal codes are digits
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("source-key", "K" + i);
            row.put("name", "Customer " + i);
            row.put("credit-limit", new BigDecimal(1000 + i * 10));
            row.put("last-changed", java.time.LocalDateTime.of(2026, 1, 1, 0, 0).plusHours(i));
            row.put("phone", i % 10 < 7 ? "4930555" + (1000 + i) : null); // 70% filled, all distinct
            row.put("postal-code", "1011" + (i % 4)); // repeated codes
            rows.add(row);
        }
        List<String> columns = List.of("source-key", "name", "credit-limit", "last-changed", "phone", "postal-code");
        AnalysisResult profile = new ProfileRunner("customers", CheckSuggester.profilingAnalyzers(columns)).run(rows);

        String yaml = CheckSuggester.suggest("customers", profile.allMetrics(), io.mastersync.canonical.EntityType.CUSTOMER);

        assertThat(yaml).contains("source-key-unique").doesNotContain("credit-limit-unique")
                .doesNotContain("last-changed-unique").doesNotContain("last-changed-allowed-values")
                .doesNotContain("phone-minimum").doesNotContain("postal-code-minimum")
                .contains("credit-limit-minimum");
        String nameUnique = yaml.substring(yaml.indexOf("id: \"name-unique\""));
        assertThat(nameUnique.substring(0, nameUnique.indexOf("assert"))).contains("severity: warning");
        String keyUnique = yaml.substring(yaml.indexOf("id: \"source-key-unique\""));
        assertThat(keyUnique.substring(0, keyUnique.indexOf("assert"))).contains("severity: error");
    }

    @Test
    void aFewDistinctKeysWithARepeatedOneGetNoListOfAllowedValues() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String key : List.of("000123", "000124", "000125", "000126", "000123")) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("source-key", key);
            rows.add(row);
        }
        AnalysisResult profile = new ProfileRunner("item", CheckSuggester.profilingAnalyzers(List.of("source-key")))
                .run(rows);

        String yaml = CheckSuggester.suggest("item", profile.allMetrics());

        assertThat(yaml).doesNotContain("source-key-allowed-values").doesNotContain("source-key-minimum")
                .contains("source-key-complete");
    }

    @Test
    void quotingSurvivesYamlSpecialCharacters(@TempDir Path dir) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        String[] odd = {"a: b", "# not a comment", "\"quoted\"", "back\\slash", "yes", "line\nbreak", "tab\there", "- dash"};
        for (String v : odd) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("odd col: x", v);
            rows.add(row);
            rows.add(row);
        }
        AnalysisResult profile = new ProfileRunner("weird\nname", CheckSuggester.profilingAnalyzers(List.of("odd col: x"))).run(rows);
        Path file = dir.resolve("s.yml");
        Files.writeString(file, CheckSuggester.suggest("weird\nname", profile.allMetrics()));
        QualityChecks checks = QualityChecksParser.parse(file);
        ContainedIn allowed = (ContainedIn) checks.checks().stream().filter(c -> c.id().equals("odd-col-x-allowed-values"))
                .findFirst().orElseThrow().analyzer();
        assertThat(allowed.column()).isEqualTo("odd col: x");
        assertThat(allowed.allowed()).containsExactlyInAnyOrder(odd);
    }
}
