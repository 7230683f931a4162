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
import io.mastersync.cleanse.FieldChange;
import io.mastersync.cleanse.Violation;

class NormalizationTest {

    @TempDir
    Path dir;

    @Test
    void normalizersRunInOrderAndEveryRealChangeIsRecordedWithItsId() {
        DeclaredRules rules = customerRules(dir, """
                fields:
                  customer-group:
                    normalize:
                      - trim
                      - collapse-whitespace
                      - upper
                      - name: map
                        map: { "KEY ACCOUNT": KEY }
                      - trim
                """);

        RulesTestSupport.Outcome out = apply(rules, row(EntityType.CUSTOMER, "customer-group", "key \t account "));

        assertThat(rules.normalizerIds()).containsExactly("customer-group/trim", "customer-group/collapse-whitespace",
                "customer-group/upper", "customer-group/map", "customer-group/trim#2");
        assertThat(out.values().get("customer-group")).isEqualTo("KEY");
        assertThat(out.changes()).containsExactly(
                new FieldChange("customer-group/trim", "customer-group", "key \t account ", "key \t account"),
                new FieldChange("customer-group/collapse-whitespace", "customer-group", "key \t account", "key account"),
                new FieldChange("customer-group/upper", "customer-group", "key account", "KEY ACCOUNT"),
                new FieldChange("customer-group/map", "customer-group", "KEY ACCOUNT", "KEY"));
        assertThat(out.violations()).isEmpty();
    }

    @Test
    void fieldsRunInFileOrderSoLaterNormalizersSeeCleanValues() {
        DeclaredRules rules = customerRules(dir, """
                fields:
                  country:
                    normalize: [country-iso2]
                  phone:
                    normalize:
                      - name: phone-e164
                        region-from-field: country
                """);

        RulesTestSupport.Outcome out = apply(rules, row(EntityType.CUSTOMER, "country", "Österreich",
                "phone", "01 5880000"));

        assertThat(out.values().get("country")).isEqualTo("AT");
        assertThat(out.values().get("phone")).isEqualTo("+4315880000");
        assertThat(out.changes()).extracting(FieldChange::normalizer)
                .containsExactly("country/country-iso2", "phone/phone-e164");
    }

    @Test
    void problemsAreWarningsByDefaultAndFollowOnProblem() {
        DeclaredRules rules = customerRules(dir, """
                fields:
                  country:
                    normalize: [country-iso2]
                  email:
                    normalize:
                      - name: email
                        on-problem: error
                  phone:
                    normalize:
                      - name: phone-e164
                        default-region: DE
                        on-problem: ignore
                """);

        RulesTestSupport.Outcome out = apply(rules, row(EntityType.CUSTOMER, "country", "Atlantis",
                "email", "no mail", "phone", "call me"));

        Violation country = out.only("country/country-iso2");
        assertThat(country.severity()).isEqualTo(Violation.Severity.WARNING);
        assertThat(country.field()).isEqualTo("country");
        assertThat(country.value()).isEqualTo("Atlantis");
        assertThat(country.message()).contains("Atlantis");
        assertThat(out.only("email/email").severity()).isEqualTo(Violation.Severity.ERROR);
        assertThat(out.ruleIds()).doesNotContain("phone/phone-e164");
        assertThat(out.values().get("country")).as("kept unchanged").isEqualTo("Atlantis");
        assertThat(out.changes()).isEmpty();
    }

    @Test
    void onProblemClearDropsTheBadValueWithAWarningSoTheRowIsStillLoaded() {
        DeclaredRules rules = customerRules(dir, """
                fields:
                  birth-date:
                    normalize:
                      - name: date
                        patterns: yyyyMMdd
                        on-problem: clear
                """);

        RulesTestSupport.Outcome bad = apply(rules, row(EntityType.CUSTOMER, "birth-date", "19551192"));
        RulesTestSupport.Outcome good = apply(rules, row(EntityType.CUSTOMER, "birth-date", "19560409"));

        Violation dropped = bad.only("birth-date/date");
        assertThat(dropped.severity()).isEqualTo(Violation.Severity.WARNING);
        assertThat(dropped.value()).isEqualTo("19551192");
        assertThat(dropped.message()).contains("value dropped");
        assertThat(bad.values().get("birth-date")).isNull();
        assertThat(bad.changes()).containsExactly(new FieldChange("birth-date/date", "birth-date", "19551192", null));
        assertThat(good.values().get("birth-date")).isEqualTo("1956-04-09");
        assertThat(good.violations()).isEmpty();
    }

    @Test
    void legalFormIsSplitIntoItsOwnFieldAndBothChangesAreRecorded() {
        DeclaredRules rules = customerRules(dir, """
                fields:
                  name:
                    normalize: [collapse-whitespace, legal-form]
                """);

        RulesTestSupport.Outcome out = apply(rules, row(EntityType.CUSTOMER, "name", "Müller  Bürobedarf GmbH"));

        assertThat(out.values().get("name")).isEqualTo("Müller Bürobedarf");
        assertThat(out.values().get("legal-form")).isEqualTo("GmbH");
        assertThat(out.changes()).containsExactly(
                new FieldChange("name/collapse-whitespace", "name", "Müller  Bürobedarf GmbH", "Müller Bürobedarf GmbH"),
                new FieldChange("name/legal-form", "name", "Müller Bürobedarf GmbH", "Müller Bürobedarf"),
                new FieldChange("name/legal-form", "legal-form", null, "GmbH"));
    }

    @Test
    void germanDecimalsTimestampsAndWeightsOfAnItem() {
        DeclaredRules rules = itemRules(dir, """
                fields:
                  weight-unit:
                    normalize: [weight-unit]
                  net-weight:
                    normalize:
                      - name: decimal
                        locale: de-DE
                      - name: weight
                        unit-field: weight-unit
                  list-price:
                    normalize: [{ name: decimal, locale: de-DE }]
                  last-changed:
                    normalize: [{ name: timestamp, patterns: "dd.MM.yyyy HH:mm|yyyy-MM-dd HH:mm:ss" }]
                """);

        RulesTestSupport.Outcome out = apply(rules, row(EntityType.ITEM, "weight-unit", "g", "net-weight", "1.500,0",
                "list-price", "1.234,56", "last-changed", "31.12.2024 23:59"));

        assertThat(out.violations()).isEmpty();
        assertThat(out.values().get("net-weight")).isEqualTo("1.5");
        assertThat(out.values().get("weight-unit")).isEqualTo("KGM");
        assertThat(out.values().get("list-price")).isEqualTo("1234.56");
        assertThat(out.values().get("last-changed")).isEqualTo("2024-12-31T23:59:00");
        assertThat(out.changes()).extracting(FieldChange::normalizer, FieldChange::field).contains(
                org.assertj.core.groups.Tuple.tuple("weight-unit/weight-unit", "weight-unit"),
                org.assertj.core.groups.Tuple.tuple("net-weight/weight", "weight-unit"));
    }
}
