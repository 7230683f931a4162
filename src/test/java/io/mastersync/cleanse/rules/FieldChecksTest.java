package io.mastersync.cleanse.rules;

import static io.mastersync.cleanse.rules.RulesTestSupport.apply;
import static io.mastersync.cleanse.rules.RulesTestSupport.customerRules;
import static io.mastersync.cleanse.rules.RulesTestSupport.row;
import static io.mastersync.cleanse.rules.RulesTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mastersync.canonical.EntityType;
import io.mastersync.cleanse.Violation;

class FieldChecksTest {

    @TempDir
    Path dir;

    private RulesTestSupport.Outcome check(DeclaredRules rules, String... namesAndValues) {
        return apply(rules, row(EntityType.CUSTOMER, namesAndValues));
    }

    @Test
    void requiredWithDefaultSeverityErrorAndCustomMessage() {
        DeclaredRules rules = customerRules(dir, """
                fields:
                  name:
                    checks:
                      - id: name-required
                        required: true
                        message: "name is missing for {customer-number}"
                """);

        assertThat(check(rules, "name", "Acme").violations()).isEmpty();
        Violation v = check(rules, "customer-number", "C-1").only("name-required");
        assertThat(v).isEqualTo(Violation.error("name", "name-required", "name is missing for C-1", null));
    }

    @Test
    void patternIsAFullMatchAndSkipsEmptyValues() {
        DeclaredRules rules = customerRules(dir, """
                fields:
                  vat-id:
                    checks:
                      - id: vat-format
                        pattern: "[A-Z]{2}[0-9A-Z]{2,12}"
                        severity: warning
                """);

        assertThat(check(rules, "vat-id", "DE123456789").violations()).isEmpty();
        assertThat(check(rules, "vat-id", null).violations()).isEmpty();
        Violation v = check(rules, "vat-id", "DE 123").only("vat-format");
        assertThat(v.severity()).isEqualTo(Violation.Severity.WARNING);
        assertThat(v.value()).isEqualTo("DE 123");
        assertThat(v.message()).isEqualTo("vat-id 'DE 123' does not match the pattern [A-Z]{2}[0-9A-Z]{2,12}");
    }

    @Test
    void allowedValuesInlineAndFromFileWithColumnHeaderAndCase() {
        write(dir, "groups.csv", """
                # customer groups of the target system
                group;code
                Retail;r
                Wholesale;w
                """);
        DeclaredRules rules = customerRules(dir, """
                fields:
                  status:
                    checks:
                      - id: status-allowed
                        allowed-values: [active, blocked]
                  customer-group:
                    checks:
                      - id: group-allowed
                        allowed-values: { file: groups.csv, column: 2, header: true, delimiter: ";", case-insensitive: true }
                """);

        assertThat(check(rules, "status", "active", "customer-group", "W").violations()).isEmpty();
        assertThat(check(rules, "status", "Active").only("status-allowed").message())
                .isEqualTo("status 'Active' is not one of the allowed values (active, blocked)");
        assertThat(check(rules, "customer-group", "code").only("group-allowed").message())
                .as("the header is not a value").contains("groups.csv");
        assertThat(check(rules, "customer-group", "Retail").ruleIds()).containsExactly("group-allowed");
    }

    @Test
    void lengthCountsCharactersNotBytes() {
        DeclaredRules rules = customerRules(dir, """
                fields:
                  postal-code:
                    checks:
                      - id: postal-length
                        length: { min: 3, max: 5 }
                        severity: warning
                """);

        assertThat(check(rules, "postal-code", "ÄÖÜ").violations()).isEmpty();
        assertThat(check(rules, "postal-code", "12345").violations()).isEmpty();
        assertThat(check(rules, "postal-code", "12").only("postal-length").message())
                .isEqualTo("postal-code '12' has 2 characters, fewer than 3");
        assertThat(check(rules, "postal-code", "123456").only("postal-length").message())
                .isEqualTo("postal-code '123456' has 6 characters, more than 5");
    }

    @Test
    void rangeParsesTheCanonicalDecimalAndReportsNonNumbers() {
        DeclaredRules rules = customerRules(dir, """
                fields:
                  credit-limit:
                    checks:
                      - id: credit-range
                        range: { min: 0, max: 1000000 }
                """);

        assertThat(check(rules, "credit-limit", "0").violations()).isEmpty();
        assertThat(check(rules, "credit-limit", "1000000.00").violations()).isEmpty();
        assertThat(check(rules, "credit-limit", "-0.01").only("credit-range").message())
                .isEqualTo("credit-limit '-0.01' is less than 0");
        assertThat(check(rules, "credit-limit", "1000000.01").only("credit-range").message())
                .isEqualTo("credit-limit '1000000.01' is greater than 1000000");
        assertThat(check(rules, "credit-limit", "1.000,00").only("credit-range").message())
                .isEqualTo("credit-limit '1.000,00' is not a number");
    }

    @Test
    void dateRangeWithFixedAndRelativeBoundsOnDatesAndTimestamps() {
        DeclaredRules rules = customerRules(dir, """
                fields:
                  last-changed:
                    checks:
                      - id: not-in-future
                        date-range: { min: "1990-01-01", max: "today+1d" }
                """);

        // today is 2024-06-15 (RulesTestSupport.CLOCK)
        assertThat(check(rules, "last-changed", "2024-06-16T23:59:59").violations()).isEmpty();
        assertThat(check(rules, "last-changed", "1990-01-01").violations()).isEmpty();
        assertThat(check(rules, "last-changed", "2024-01-10 09:00:00").violations()).isEmpty();
        assertThat(check(rules, "last-changed", "2024-06-17T00:00:00").only("not-in-future").message())
                .isEqualTo("last-changed '2024-06-17T00:00:00' is after 2024-06-16 (today+1d)");
        assertThat(check(rules, "last-changed", "1989-12-31T12:00:00").only("not-in-future").message())
                .isEqualTo("last-changed '1989-12-31T12:00:00' is before 1990-01-01");
        assertThat(check(rules, "last-changed", "31.12.2024").only("not-in-future").message())
                .isEqualTo("last-changed '31.12.2024' is not an ISO date or timestamp");
    }

    @Test
    void relativeDatesInYearsMonthsAndWeeks() {
        assertThat(RelativeDate.parse("today-10y").resolve(RulesTestSupport.CLOCK)).hasToString("2014-06-15");
        assertThat(RelativeDate.parse("today + 2m").resolve(RulesTestSupport.CLOCK)).hasToString("2024-08-15");
        assertThat(RelativeDate.parse("today-1w").resolve(RulesTestSupport.CLOCK)).hasToString("2024-06-08");
        assertThat(RelativeDate.parse("today").resolve(RulesTestSupport.CLOCK)).hasToString("2024-06-15");
    }

    @Test
    void uniqueChecksAreDeclaredButNotRunRowByRow() {
        DeclaredRules rules = customerRules(dir, """
                fields:
                  email:
                    checks:
                      - id: email-unique
                        unique: true
                        severity: warning
                        message: "{field} {value} is used twice"
                """);

        assertThat(rules.uniqueChecks()).containsExactly(
                new UniqueCheck("email-unique", "email", Violation.Severity.WARNING, "{field} {value} is used twice"));
        assertThat(rules.uniqueChecks().get(0).messageFor("a@b.de")).isEqualTo("email a@b.de is used twice");
        assertThat(check(rules, "email", "a@b.de").violations()).isEmpty();
        assertThat(check(rules, "email", "a@b.de").violations()).isEmpty();
    }

    @Test
    void aFieldCheckWithWhenRunsOnlyWhereItHolds() {
        DeclaredRules rules = customerRules(dir, """
                fields:
                  vat-id:
                    checks:
                      - id: vat-required-for-companies
                        required: true
                        when: "legalForm != null"
                        severity: warning
                """);

        assertThat(check(rules, "name", "Jane").violations()).isEmpty();
        assertThat(check(rules, "legal-form", "GmbH").ruleIds()).containsExactly("vat-required-for-companies");
        assertThat(check(rules, "legal-form", "GmbH", "vat-id", "DE1").violations()).isEmpty();
    }
}
