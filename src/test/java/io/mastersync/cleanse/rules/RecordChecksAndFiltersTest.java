package io.mastersync.cleanse.rules;

import static io.mastersync.cleanse.rules.RulesTestSupport.apply;
import static io.mastersync.cleanse.rules.RulesTestSupport.customerRules;
import static io.mastersync.cleanse.rules.RulesTestSupport.itemRules;
import static io.mastersync.cleanse.rules.RulesTestSupport.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mastersync.canonical.EntityType;
import io.mastersync.cleanse.Violation;

class RecordChecksAndFiltersTest {

    @TempDir
    Path dir;

    @Test
    void usPostalCodeMustBeFiveOrNineDigits() {
        DeclaredRules rules = customerRules(dir, """
                record-checks:
                  - id: us-postal-format
                    when: "country == 'US'"
                    assert: "postalCode matches '^\\\\d{5}(-\\\\d{4})?$'"
                    severity: error
                    message: "US postal code {postal-code} is not 5 or 9 digits"
                """);

        assertThat(apply(rules, row(EntityType.CUSTOMER, "country", "US", "postal-code", "10001")).violations())
                .isEmpty();
        assertThat(apply(rules, row(EntityType.CUSTOMER, "country", "US", "postal-code", "10001-1234")).violations())
                .isEmpty();
        assertThat(apply(rules, row(EntityType.CUSTOMER, "country", "DE", "postal-code", "1010")).violations())
                .as("only for US").isEmpty();
        assertThat(apply(rules, row(EntityType.CUSTOMER, "country", "US", "postal-code", "1001")).violations())
                .containsExactly(Violation.error(null, "us-postal-format", "US postal code 1001 is not 5 or 9 digits",
                        null));
        assertThat(apply(rules, row(EntityType.CUSTOMER, "country", "US")).only("us-postal-format").message())
                .isEqualTo("US postal code (empty) is not 5 or 9 digits");
    }

    @Test
    void blockedItemHasNoListPriceWithDefaultMessageNamingTheValues() {
        DeclaredRules rules = itemRules(dir, """
                record-checks:
                  - id: blocked-without-price
                    when: "status == 'blocked'"
                    assert: "listPrice == null"
                    field: list-price
                """);

        assertThat(apply(rules, row(EntityType.ITEM, "status", "blocked")).violations()).isEmpty();
        assertThat(apply(rules, row(EntityType.ITEM, "status", "active", "list-price", "2.79")).violations()).isEmpty();
        Violation v = apply(rules, row(EntityType.ITEM, "status", "blocked", "list-price", "2.79"))
                .only("blocked-without-price");
        assertThat(v.field()).isEqualTo("list-price");
        assertThat(v.value()).isEqualTo("2.79");
        assertThat(v.isError()).isTrue();
        assertThat(v.message()).isEqualTo("blocked-without-price: expected listPrice == null when status == 'blocked'"
                + " (status=blocked, list-price=2.79)");
    }

    @Test
    void aConditionThatFailsOnARowIsAViolationNotACrash() {
        DeclaredRules rules = customerRules(dir, """
                record-checks:
                  - id: big-customer-has-group
                    when: "creditLimit > 100000"
                    assert: "customerGroup != null"
                    severity: warning
                """);

        Violation v = apply(rules, row(EntityType.CUSTOMER, "credit-limit", "viel")).only("big-customer-has-group");
        assertThat(v.severity()).isEqualTo(Violation.Severity.WARNING);
        assertThat(v.message()).contains("cannot be evaluated").contains("credit-limit is 'viel', not a number");
    }

    @Test
    void filtersSkipRowsAfterNormalizationAndBeforeChecks() {
        DeclaredRules rules = customerRules(dir, """
                fields:
                  name:
                    normalize: [collapse-whitespace]
                    checks:
                      - id: name-length
                        length: { min: 50 }
                filters:
                  - id: skip-test-customers
                    when: "name matches '(?i)^test.*'"
                  - id: skip-deleted
                    when: "status == 'deleted'"
                    message: "{customer-number} was deleted"
                """);

        RulesTestSupport.Outcome test = apply(rules, row(EntityType.CUSTOMER, "name", "  TEST  Kunde"));
        assertThat(test.filter()).isEqualTo(Violation.warning(null, "skip-test-customers",
                "filtered by skip-test-customers: name matches '(?i)^test.*'", null));
        assertThat(test.violations()).as("checks do not run on filtered rows").isEmpty();
        assertThat(test.changes()).hasSize(1);

        RulesTestSupport.Outcome deleted = apply(rules, row(EntityType.CUSTOMER, "name", "Acme", "status", "deleted",
                "customer-number", "C-9"));
        assertThat(deleted.filter().rule()).isEqualTo("skip-deleted");
        assertThat(deleted.filter().message()).isEqualTo("C-9 was deleted");

        RulesTestSupport.Outcome kept = apply(rules, row(EntityType.CUSTOMER, "name", "Contest GmbH"));
        assertThat(kept.filter()).isNull();
        assertThat(kept.ruleIds()).containsExactly("name-length");
        assertThat(rules.filterIds()).containsExactly("skip-test-customers", "skip-deleted");
    }
}
