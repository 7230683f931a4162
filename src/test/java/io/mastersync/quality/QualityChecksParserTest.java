package io.mastersync.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mastersync.yaml.DefinitionException;

class QualityChecksParserTest {

    @TempDir
    Path dir;

    Path write(String yaml) throws IOException {
        Path file = dir.resolve("customer-quality.yml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void parsesTheDocumentedExample() throws IOException {
        Files.writeString(dir.resolve("countries.csv"), "code,name\nDE,Germany\nFR,France\n");
        QualityChecks checks = QualityChecksParser.parse(write("""
                dataset: customer
                checks:
                  - id: email-complete
                    severity: warning            # error | warning
                    metric: completeness
                    column: email
                    assert: ">= 0.95"
                  - id: sku-unique
                    metric: uniqueness
                    column: sku
                    assert: "== 1.0"
                  - id: size-plausible
                    metric: size
                    assert: "between 900000 and 1100000"
                  - id: country-known
                    metric: contained-in
                    column: country
                    reference: countries.csv
                    reference-header: true
                    assert: "== 1.0"
                  - id: rows-did-not-drop
                    kind: anomaly
                    metric: size
                    strategy: relative-change
                    max-decrease: 0.10
                  - id: price-mean-stable
                    kind: anomaly
                    metric: mean
                    column: list-price
                    strategy: deviation-from-mean
                    window: 10
                    max-deviations: 3
                  - id: email-shape
                    description: looks like an address
                    metric: pattern-match
                    column: email
                    pattern: "[^@]+@[^@]+"
                    assert: ">= 0.9"
                  - id: group-known
                    metric: contained-in
                    column: customer-group
                    values: [A, B, "NO"]
                    assert: "== 1"
                  - id: number-is-integer
                    metric: data-type-share
                    column: customer-number
                    type: integer
                    assert: ">= 0.99"
                  - id: distinct-names
                    metric: approx-distinct
                    column: name
                    precision: 12
                    assert: "> 10"
                """));
        assertThat(checks.dataset()).isEqualTo("customer");
        assertThat(checks.checks()).extracting(Check::id).containsExactly("email-complete", "sku-unique", "size-plausible",
                "country-known", "rows-did-not-drop", "price-mean-stable", "email-shape", "group-known",
                "number-is-integer", "distinct-names");
        AssertionCheck email = (AssertionCheck) checks.checks().get(0);
        assertThat(email.severity()).isEqualTo(CheckSeverity.WARNING);
        assertThat(email.analyzer()).isEqualTo(new Completeness("email"));
        assertThat(email.assertion()).isEqualTo(Assertion.parse(">= 0.95"));
        assertThat(checks.checks().get(1).severity()).isEqualTo(CheckSeverity.ERROR);
        assertThat(checks.checks().get(2).analyzer()).isEqualTo(new Size());
        ContainedIn countries = (ContainedIn) checks.checks().get(3).analyzer();
        assertThat(countries.allowed()).containsExactlyInAnyOrder("DE", "FR");
        AnomalyCheck rows = (AnomalyCheck) checks.checks().get(4);
        assertThat(rows.strategy()).isEqualTo(new AnomalyStrategy.RelativeChange(0.10, null));
        AnomalyCheck price = (AnomalyCheck) checks.checks().get(5);
        assertThat(price.analyzer()).isEqualTo(new Mean("list-price"));
        assertThat(price.strategy()).isEqualTo(new AnomalyStrategy.DeviationFromMean(10, 3));
        assertThat(checks.checks().get(6).analyzer()).isEqualTo(new PatternMatch("email", "[^@]+@[^@]+"));
        assertThat(((ContainedIn) checks.checks().get(7).analyzer()).allowed()).containsExactlyInAnyOrder("A", "B", "NO");
        assertThat(checks.checks().get(8).analyzer()).isEqualTo(new DataTypeShare("customer-number", DataType.INTEGER));
        assertThat(checks.checks().get(9).analyzer()).isEqualTo(new ApproxDistinct("name", 12));
        assertThat(checks.analyzers()).hasSize(9); // size is needed twice, computed once
    }

    private void assertError(String yaml, int line, String message) throws IOException {
        Path file = write(yaml);
        assertThatThrownBy(() -> QualityChecksParser.parse(file))
                .isInstanceOfSatisfying(DefinitionException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
                })
                .hasMessageContaining(file + ":" + line + ": ")
                .hasMessageContaining(message);
    }

    @Test
    void aColumnTheDatasetDoesNotHaveIsRefusedWithItsLineWhenTheColumnsAreKnown() throws IOException {
        Path file = write("""
                checks:
                  - id: price-complete
                    metric: completeness
                    column: listprice
                    assert: ">= 0.9"
                """);

        assertThatThrownBy(() -> QualityChecksParser.parse(file, java.util.List.of("name", "list-price", "source-line")))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining(file + ":4: ")
                .hasMessageContaining("unknown column 'listprice'").hasMessageContaining("list-price");
        assertThat(QualityChecksParser.parse(file).checks()).as("without the columns the run reports it").hasSize(1);
    }

    @Test
    void unknownKeyNamesItsLine() throws IOException {
        assertError("""
                checks:
                  - id: a
                    metric: completeness
                    column: email
                    asert: ">= 1"
                """, 5, "unknown key 'asert'");
        assertError("""
                checks:
                  - id: a
                    metric: completeness
                    column: email
                    pattern: "x"
                    assert: ">= 1"
                """, 5, "unknown key 'pattern'");
        assertError("""
                check:
                  - id: a
                """, 1, "missing required key 'checks'");
        assertError("""
                checks: []
                dataset: x
                extra: 1
                """, 3, "unknown key 'extra'");
    }

    @Test
    void unknownMetricSeverityKindOrStrategy() throws IOException {
        assertError("""
                checks:
                  - id: a
                    metric: completness
                    column: email
                    assert: ">= 1"
                """, 3, "unknown metric 'completness'");
        assertError("""
                checks:
                  - id: a
                    severity: fatal
                    metric: size
                    assert: ">= 1"
                """, 3, "unknown severity 'fatal'");
        assertError("""
                checks:
                  - id: a
                    kind: anomaly
                    metric: size
                    strategy: moving-average
                """, 5, "unknown strategy 'moving-average'");
        assertError("""
                checks:
                  - id: a
                    kind: anomaly
                    metric: size
                    strategy: relative-change
                """, 5, "needs max-decrease and/or max-increase");
        assertError("""
                checks:
                  - id: a
                    kind: anomaly
                    metric: size
                    strategy: relative-change
                    max-decrease: 0.1
                    window: 3
                """, 7, "unknown key 'window'");
    }

    @Test
    void badAssertExpression() throws IOException {
        assertError("""
                checks:
                  - id: a
                    metric: size
                    assert: "at least 5"
                """, 4, "cannot read assertion 'at least 5'");
        assertError("""
                checks:
                  - id: a
                    metric: size
                    assert: "between 10 and 5"
                """, 4, "lower bound");
        assertError("""
                checks:
                  - id: a
                    metric: size
                """, 2, "missing 'assert'");
    }

    @Test
    void missingReferenceFile() throws IOException {
        assertError("""
                checks:
                  - id: country-known
                    metric: contained-in
                    column: country
                    reference: countries.csv
                    assert: "== 1.0"
                """, 5, "reference file not found");
    }

    @Test
    void checkWithoutIdOrDuplicateIdOrColumnProblems() throws IOException {
        assertError("""
                checks:
                  - id: a
                    metric: size
                    assert: "> 0"
                  - metric: completeness
                    column: email
                    assert: "> 0"
                """, 5, "check without 'id'");
        assertError("""
                checks:
                  - id: a
                    metric: size
                    assert: "> 0"
                  - id: a
                    metric: size
                    assert: "> 1"
                """, 5, "duplicate check id 'a'");
        assertError("""
                checks:
                  - id: a
                    metric: completeness
                    assert: "> 0"
                """, 2, "needs a 'column'");
        assertError("""
                checks:
                  - id: a
                    metric: size
                    column: email
                    assert: "> 0"
                """, 4, "takes no column");
        assertError("""
                checks:
                  - id: a
                    metric: pattern-match
                    column: email
                    pattern: "[a-"
                    assert: "> 0"
                """, 5, "not a valid regular expression");
        assertError("""
                checks:
                  - id: a
                    metric: approx-distinct
                    column: email
                    precision: 30
                    assert: "> 0"
                """, 5, "precision must be 4..18");
        assertError("""
                checks:
                  - id: a
                    metric: size
                    assert: > 0
                """, 4, "not valid YAML");
    }

    @Test
    void theDocumentedExampleFileParses() {
        QualityChecks checks = QualityChecksParser.parse(Path.of("docs/examples/customer-quality.yml"));
        assertThat(checks.checks()).hasSize(6);
        assertThat(((ContainedIn) checks.checks().get(3).analyzer()).allowed()).contains("DE", "NO").doesNotContain("code");
    }
}
