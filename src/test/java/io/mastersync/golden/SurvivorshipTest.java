package io.mastersync.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mastersync.canonical.EntityType;
import io.mastersync.yaml.DefinitionException;

class SurvivorshipTest {

    private static final EntityType C = EntityType.CUSTOMER;
    private static final int NAME = C.indexOf("name");
    private static final int EMAIL = C.indexOf("email");
    private static final int CITY = C.indexOf("city");
    private static final int CURRENCY = C.indexOf("currency");

    private static SourceRecord rec(String system, String key, String name, String email, String city,
            String changed) {
        String[] v = new String[C.fields().size()];
        v[0] = system;
        v[1] = key;
        v[NAME] = name;
        v[EMAIL] = email;
        v[CITY] = city;
        v[C.indexOf("last-changed")] = changed;
        return new SourceRecord(system, key, v);
    }

    private static final SourceRecord OLD_SAP = rec("SAP", "1", "Müller GmbH", null, "Berlin", "2023-01-01T00:00");
    private static final SourceRecord NEW_ACME = rec("ACME", "7", "Mueller", "a@m.de", "Berlin",
            "2024-05-01T00:00");
    private static final SourceRecord MID_ACME = rec("ACME", "8", "Mueller", "b@m.de", null, "2024-01-01T00:00");

    private static Survivorship with(String field, SurvivorshipRule rule) {
        return new Survivorship(C, List.of("SAP", "ACME"), SurvivorshipRule.of(SurvivorshipRule.Kind.MOST_RECENT),
                Map.of(field, rule));
    }

    @Test
    void theCurrencyComesFromTheRecordTheCreditLimitCameFrom() {
        SourceRecord nw = rec("NW", "RATTC", "Rattlesnake", null, null, "2025-01-01T00:00");
        nw.values()[C.indexOf("credit-limit")] = "42500";
        SourceRecord wwi = rec("WWI", "9003", "Rattlesnake", null, null, "2024-01-01T00:00");
        wwi.values()[C.indexOf("credit-limit")] = "1000";
        wwi.values()[CURRENCY] = "USD";
        Survivorship mostRecent = Survivorship.defaults(C);

        Survivorship.Golden g = mostRecent.apply(List.of(nw, wwi));

        assertThat(g.values()[C.indexOf("credit-limit")]).isEqualTo("42500");
        assertThat(g.values()[CURRENCY]).as("not WWI's USD, which belongs to its own 1000").isNull();
        nw.values()[CURRENCY] = "EUR";
        assertThat(mostRecent.apply(List.of(nw, wwi)).lineage()[CURRENCY]).isEqualTo("NW/RATTC");
        // a rule of its own for the unit field is the file's decision
        Survivorship fixed = with("currency", new SurvivorshipRule(SurvivorshipRule.Kind.FIXED, List.of(), "CHF",
                null, null));
        assertThat(fixed.apply(List.of(nw, wwi)).values()[CURRENCY]).isEqualTo("CHF");
    }

    @Test
    void sourcePriorityTakesTheMostTrustedSourceThatHasAValue() {
        Survivorship s = with("name", SurvivorshipRule.of(SurvivorshipRule.Kind.SOURCE_PRIORITY));
        Survivorship.Golden g = s.apply(List.of(NEW_ACME, OLD_SAP, MID_ACME));
        assertThat(g.values()[NAME]).isEqualTo("Müller GmbH");
        assertThat(g.lineage()[NAME]).isEqualTo("SAP/1");
        // a rule-specific order overrides the global one; SAP has no e-mail, so ACME wins anyway
        Survivorship acmeFirst = with("name", new SurvivorshipRule(SurvivorshipRule.Kind.SOURCE_PRIORITY,
                List.of("ACME"), null, null, null));
        assertThat(acmeFirst.apply(List.of(OLD_SAP, NEW_ACME)).lineage()[NAME]).isEqualTo("ACME/7");
    }

    @Test
    void mostRecentTakesTheLatestChangedRecordWithAValue() {
        Survivorship s = with("email", SurvivorshipRule.of(SurvivorshipRule.Kind.MOST_RECENT));
        Survivorship.Golden g = s.apply(List.of(OLD_SAP, MID_ACME, NEW_ACME));
        assertThat(g.values()[EMAIL]).isEqualTo("a@m.de");
        assertThat(g.lineage()[EMAIL]).isEqualTo("ACME/7");
        // missing values never win: the newest record has no city here
        Survivorship.Golden g2 = with("city", SurvivorshipRule.of(SurvivorshipRule.Kind.MOST_RECENT))
                .apply(List.of(OLD_SAP, MID_ACME));
        assertThat(g2.lineage()[CITY]).isEqualTo("SAP/1");
    }

    @Test
    void mostCompleteTakesTheRecordWithMostValues() {
        Survivorship s = with("name", SurvivorshipRule.of(SurvivorshipRule.Kind.MOST_COMPLETE));
        assertThat(s.apply(List.of(OLD_SAP, MID_ACME, NEW_ACME)).lineage()[NAME]).isEqualTo("ACME/7");
    }

    @Test
    void mostFrequentTakesTheCommonestValueAndTheBestRecordHoldingIt() {
        Survivorship s = with("name", SurvivorshipRule.of(SurvivorshipRule.Kind.MOST_FREQUENT));
        Survivorship.Golden g = s.apply(List.of(OLD_SAP, MID_ACME, NEW_ACME));
        assertThat(g.values()[NAME]).isEqualTo("Mueller");
        assertThat(g.lineage()[NAME]).isEqualTo("ACME/7"); // of the two, the most recent
    }

    @Test
    void longestTakesTheLongestValue() {
        Survivorship s = with("name", SurvivorshipRule.of(SurvivorshipRule.Kind.LONGEST));
        assertThat(s.apply(List.of(NEW_ACME, OLD_SAP)).values()[NAME]).isEqualTo("Müller GmbH");
    }

    @Test
    void fixedValueForAGivenSourceOtherwiseTheFallbackRule() {
        Survivorship s = with("currency", new SurvivorshipRule(SurvivorshipRule.Kind.FIXED, List.of(), "EUR", "SAP",
                SurvivorshipRule.of(SurvivorshipRule.Kind.MOST_RECENT)));
        Survivorship.Golden g = s.apply(List.of(NEW_ACME, OLD_SAP));
        assertThat(g.values()[CURRENCY]).isEqualTo("EUR");
        assertThat(g.lineage()[CURRENCY]).isEqualTo("SAP/1");
        SourceRecord usd = rec("ACME", "9", "X", null, null, "2024-06-01T00:00");
        usd.values()[CURRENCY] = "USD";
        Survivorship.Golden noSap = s.apply(List.of(NEW_ACME, usd));
        assertThat(noSap.values()[CURRENCY]).isEqualTo("USD");
        assertThat(noSap.lineage()[CURRENCY]).isEqualTo("ACME/9");
        Survivorship always = with("currency", new SurvivorshipRule(SurvivorshipRule.Kind.FIXED, List.of(), "EUR",
                null, null));
        assertThat(always.apply(List.of(NEW_ACME)).lineage()[CURRENCY]).isEqualTo("fixed");
    }

    @Test
    void resultDoesNotDependOnTheOrderOfRecordsAndLineageIsJson() {
        Survivorship s = Survivorship.defaults(C);
        Survivorship.Golden a = s.apply(List.of(OLD_SAP, MID_ACME, NEW_ACME));
        Survivorship.Golden b = s.apply(List.of(NEW_ACME, MID_ACME, OLD_SAP));
        assertThat(a.values()).isEqualTo(b.values());
        assertThat(a.lineage()).isEqualTo(b.lineage());
        assertThat(a.lineageJson(C)).isEqualTo("{\"name\":\"ACME/7\",\"email\":\"ACME/7\",\"city\":\"ACME/7\","
                + "\"last-changed\":\"ACME/7\"}");
        assertThat(JsonText.read(a.lineageJson(C))).containsEntry("city", "ACME/7");
    }

    @Test
    void readsTheSurvivorshipSectionStrictly(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m.yml");
        Files.writeString(f, String.join("\n", "match:", "  blocking:", "    - id: p", "      key: [ {field: phone} ]",
                "  comparisons:", "    - { id: name, method: jaro-winkler }", "survivorship:",
                "  source-priority: [SAP]", "  default: most-complete", "  fields:", "    name: longest",
                "    currency: { rule: fixed, value: EUR, source: SAP, otherwise: most-frequent }", ""));
        MatchFile m = MatchFile.read(f, C);
        assertThat(m.survivorship().rule("name").kind()).isEqualTo(SurvivorshipRule.Kind.LONGEST);
        assertThat(m.survivorship().rule("city").kind()).isEqualTo(SurvivorshipRule.Kind.MOST_COMPLETE);
        assertThat(m.survivorship().rule("currency").fixedValue()).isEqualTo("EUR");
        assertThat(m.matchFields()).containsExactly("name", "phone");

        Files.writeString(f, Files.readString(f).replace("name: longest", "nmae: longest"));
        assertThatThrownBy(() -> MatchFile.read(f, C)).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("nmae");
        Files.writeString(f, Files.readString(f).replace("nmae: longest", "name: shortest"));
        assertThatThrownBy(() -> MatchFile.read(f, C)).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("shortest");
    }

    @Test
    void aFieldTheEntityDoesNotHaveIsReportedOnTheLineThatNamesIt(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m.yml");
        Files.writeString(f, String.join("\n", "match:", "  blocking:", "    - id: p", "      key: [ {field: phone} ]",
                "  comparisons:", "    - { id: name, method: jaro-winkler }", "    - { id: city, field: town, method: exact }", ""));

        assertThatThrownBy(() -> MatchFile.read(f, C)).isInstanceOf(DefinitionException.class)
                .hasMessageContaining(f + ":7: ").hasMessageContaining("'town', which is not a customer field")
                .hasMessageContaining("city");
    }

    @Test
    void shippedMatchFilesParse() {
        assertThat(MatchFile.read(Path.of("rules/customer-match.yml"), EntityType.CUSTOMER).matchFields())
                .contains("name", "postal-code", "phone", "email", "vat-id", "birth-date");
        assertThat(MatchFile.read(Path.of("rules/item-match.yml"), EntityType.ITEM).matchFields())
                .contains("gtin", "mpn", "brand", "name");
    }

    @Test
    void theDataSetJobsUseAnUnchangedCopyOfTheShippedCustomerMatchFile() throws Exception {
        assertThat(withoutComments(Path.of("bench/datasets/customer-match.yml")))
                .isEqualTo(withoutComments(Path.of("rules/customer-match.yml")));
    }

    private static List<String> withoutComments(Path file) throws java.io.IOException {
        return Files.readAllLines(file).stream().map(l -> l.replaceAll("\\s*#.*$", "")).filter(l -> !l.isBlank())
                .toList();
    }
}
