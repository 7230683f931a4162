package io.mastersync.cleanse.rules;

import static io.mastersync.cleanse.rules.RulesTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mastersync.canonical.EntityType;
import io.mastersync.yaml.DefinitionException;

/** Broken rules files stop before any data is read, naming file, line and problem. */
class RulesFileErrorsTest {

    @TempDir
    Path dir;

    private DefinitionException broken(String yaml) {
        Path file = write(dir, "broken.yml", yaml);
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> RulesFileParser.parse(file, EntityType.CUSTOMER, RulesTestSupport.CLOCK));
        assertThat(t).isInstanceOf(DefinitionException.class);
        DefinitionException e = (DefinitionException) t;
        assertThat(e.file()).isEqualTo(file);
        assertThat(e.getMessage()).startsWith(file + ":" + e.line() + ": ");
        return e;
    }

    @Test
    void unknownField() {
        DefinitionException e = broken("""
                entity: customer
                fields:
                  name:
                    normalize: [trim]
                  zip-code:
                    normalize: [trim]
                """);
        assertThat(e.line()).isEqualTo(5);
        assertThat(e).hasMessageContaining("unknown field 'zip-code'").hasMessageContaining("postal-code");
    }

    @Test
    void unknownNormalizer() {
        DefinitionException e = broken("""
                entity: customer
                fields:
                  country:
                    normalize:
                      - trim
                      - country-iso3
                """);
        assertThat(e.line()).isEqualTo(6);
        assertThat(e).hasMessageContaining("field 'country': unknown normalizer 'country-iso3'")
                .hasMessageContaining("country-iso2");
    }

    @Test
    void badNormalizerOptionAndOptionNamingAnUnknownField() {
        DefinitionException option = broken("""
                entity: customer
                fields:
                  phone:
                    normalize:
                      - name: phone-e164
                        defualt-region: DE
                """);
        assertThat(option.line()).isEqualTo(5);
        assertThat(option).hasMessageContaining("unknown option 'defualt-region'");

        DefinitionException field = broken("""
                entity: customer
                fields:
                  phone:
                    normalize:
                      - name: phone-e164
                        region-from-field: land
                """);
        assertThat(field.line()).isEqualTo(6);
        assertThat(field).hasMessageContaining("option 'region-from-field' names the unknown field 'land'");

        DefinitionException onProblem = broken("""
                entity: customer
                fields:
                  phone:
                    normalize:
                      - name: phone-e164
                        on-problem: reject
                """);
        assertThat(onProblem.line()).isEqualTo(6);
        assertThat(onProblem).hasMessageContaining("'on-problem' must be error, warning, ignore or clear");
    }

    @Test
    void invalidRegexInAPatternCheckAndInAnExpression() {
        DefinitionException pattern = broken("""
                entity: customer
                fields:
                  vat-id:
                    checks:
                      - id: vat-format
                        pattern: "[A-Z{2}"
                """);
        assertThat(pattern.line()).isEqualTo(6);
        assertThat(pattern).hasMessageContaining("invalid regular expression '[A-Z{2}'");

        DefinitionException expression = broken("""
                entity: customer
                record-checks:
                  - id: zip
                    assert: "postalCode matches '(\\\\d'"
                """);
        assertThat(expression.line()).isEqualTo(4);
        assertThat(expression).hasMessageContaining("invalid regular expression");
    }

    @Test
    void checkWithoutId() {
        DefinitionException e = broken("""
                entity: customer
                fields:
                  name:
                    checks:
                      - required: true
                        severity: error
                """);
        assertThat(e.line()).isEqualTo(5);
        assertThat(e).hasMessageContaining("check of field 'name' has no 'id'");
    }

    @Test
    void duplicateIdAcrossFieldChecksRecordChecksAndFilters() {
        DefinitionException e = broken("""
                entity: customer
                fields:
                  name:
                    checks:
                      - id: name-check
                        required: true
                filters:
                  - id: name-check
                    when: "name == 'x'"
                """);
        assertThat(e.line()).isEqualTo(8);
        assertThat(e).hasMessageContaining("duplicate id 'name-check' (first used on line 5)");
    }

    @Test
    void missingReferenceFiles() {
        DefinitionException check = broken("""
                entity: customer
                fields:
                  country:
                    checks:
                      - id: country-allowed
                        allowed-values: { file: countries.csv }
                """);
        assertThat(check.line()).isEqualTo(6);
        assertThat(check).hasMessageContaining("referenced file 'countries.csv' not found");

        DefinitionException normalizer = broken("""
                entity: customer
                fields:
                  status:
                    normalize:
                      - name: map
                        file: status-map.csv
                """);
        assertThat(normalizer.line()).isEqualTo(6);
        assertThat(normalizer).hasMessageContaining("referenced file 'status-map.csv' not found");
    }

    @Test
    void unknownKeysAtEveryLevel() {
        assertThat(broken("""
                entity: customer
                checks: []
                """)).hasMessageContaining("unknown key 'checks'").extracting(DefinitionException::line).isEqualTo(2);
        assertThat(broken("""
                entity: customer
                fields:
                  name:
                    normalise: [trim]
                """)).hasMessageContaining("unknown key 'normalise'").extracting(DefinitionException::line)
                .isEqualTo(4);
        assertThat(broken("""
                entity: customer
                fields:
                  name:
                    checks:
                      - id: name-required
                        requird: true
                """)).hasMessageContaining("unknown key 'requird'").extracting(DefinitionException::line)
                .isEqualTo(6);
        assertThat(broken("""
                entity: customer
                fields:
                  postal-code:
                    checks:
                      - id: len
                        length: { min: 3, maximum: 10 }
                """)).hasMessageContaining("unknown key 'maximum'").extracting(DefinitionException::line)
                .isEqualTo(6);
        assertThat(broken("""
                entity: customer
                filters:
                  - id: f
                    if: "name == 'x'"
                """)).hasMessageContaining("unknown key 'if'").extracting(DefinitionException::line).isEqualTo(4);
    }

    @Test
    void unsafeExpressionsAreRefusedWithTheirLine() {
        DefinitionException e = broken("""
                entity: customer
                filters:
                  - id: harmless
                    when: "name == 'x'"
                  - id: evil
                    when: "T(java.lang.Runtime).getRuntime().exec('id') != null"
                """);
        assertThat(e.line()).isEqualTo(6);
        assertThat(e).hasMessageContaining("'when' expression")
                .hasMessageContaining("type references T(...) are not allowed");
    }

    @Test
    void entityMustMatchTheFeed() {
        DefinitionException e = broken("""
                # rules for items
                entity: item
                """);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e).hasMessageContaining("rules for entity 'item' cannot be used for a customer feed");
    }

    @Test
    void checkKindsAndBoundsAreValidated() {
        assertThat(broken("""
                entity: customer
                fields:
                  name:
                    checks:
                      - id: two-kinds
                        required: true
                        pattern: "x"
                """)).hasMessageContaining("must have exactly one of").hasMessageContaining("not required and pattern");
        assertThat(broken("""
                entity: customer
                fields:
                  credit-limit:
                    checks:
                      - id: r
                        range: { min: 10, max: 1 }
                """)).hasMessageContaining("'min' is greater than 'max'");
        assertThat(broken("""
                entity: customer
                fields:
                  last-changed:
                    checks:
                      - id: d
                        date-range: { max: tomorrow }
                """)).hasMessageContaining("'tomorrow' is not a date");
        assertThat(broken("""
                entity: customer
                fields:
                  name:
                    checks:
                      - id: m
                        required: true
                        message: "{nmae} is missing"
                """)).hasMessageContaining("unknown placeholder {nmae}").extracting(DefinitionException::line)
                .isEqualTo(7);
        assertThat(broken("""
                entity: customer
                record-checks:
                  - id: no-assert
                    when: "name == 'x'"
                """)).hasMessageContaining("record check 'no-assert' has no 'assert'");
    }

    @Test
    void notYamlAndMissingFile() {
        assertThat(broken("""
                entity: customer
                fields: [
                """)).hasMessageContaining("not valid YAML");
        ThrowableAssert.ThrowingCallable missing = () -> RulesFileParser.parse(dir.resolve("nope.yml"),
                EntityType.CUSTOMER);
        assertThatThrownBy(missing).isInstanceOf(DefinitionException.class).hasMessageContaining("file not found");
    }
}
