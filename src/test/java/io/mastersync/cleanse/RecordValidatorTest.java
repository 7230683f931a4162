package io.mastersync.cleanse;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.mastersync.canonical.Customer;
import io.mastersync.canonical.Item;

class RecordValidatorTest {

    private static final RecordValidator VALIDATOR = new RecordValidator();

    @AfterAll
    static void close() {
        VALIDATOR.close();
    }

    private static Item item(String gtin, String unit, String currency) {
        return new Item("S", "K", null, gtin, "Name", null, null, null, null, unit, null, null, null, currency, null, null);
    }

    private static Customer customer(String email, String country) {
        return new Customer("S", "K", null, "Name", null, null, null, email, null, null, null, null, null, null, country,
                null, new BigDecimal("1"), "EUR", "active", null, null);
    }

    private static List<Violation> validate(Object record) {
        List<Violation> out = new ArrayList<>();
        VALIDATOR.validate((io.mastersync.canonical.CanonicalRecord) record, out);
        return out;
    }

    @ParameterizedTest
    @CsvSource({"4006381333931,true", "4006381333932,false", "96385074,true", "036000291452,true",
            "00036000291452,true", "123,false", "400638133393A,false"})
    void gtinCheckDigitDecidesValidity(String gtin, boolean valid) {
        assertThat(validate(item(gtin, null, null))).extracting(Violation::rule)
                .matches(rules -> valid == !rules.contains("Gtin"), "Gtin violation present: " + !valid);
    }

    @ParameterizedTest
    @CsvSource({"DE,true", "US,true", "XX,false", "de,false", "DEU,false"})
    void countryMustBeIsoAlpha2(String country, boolean valid) {
        assertThat(validate(customer("a@b.de", country)).stream().anyMatch(v -> v.rule().equals("IsoCountry")))
                .isEqualTo(!valid);
    }

    @ParameterizedTest
    @CsvSource({"EUR,true", "USD,true", "EURO,false", "eur,true", "Gbp,true", "xyz,false"})
    void currencyMustBeIso4217(String currency, boolean valid) {
        assertThat(validate(item(null, null, currency)).stream().anyMatch(v -> v.rule().equals("IsoCurrency")))
                .isEqualTo(!valid);
    }

    @Test
    void aLowerCaseCurrencyCodeIsStoredUpperCase() {
        assertThat(item(null, null, "gbp").currency()).isEqualTo("GBP");
        assertThat(customer(null, null).currency()).isEqualTo("EUR");
        assertThat(new Customer("S", "K", null, "Name", null, null, null, null, null, null, null, null, null, null,
                null, null, new BigDecimal("1"), "chf", null, null, null).currency()).isEqualTo("CHF");
    }

    @Test
    void aDescriptionOverFourThousandCharactersIsKeptWholeAndFlaggedNotRejected() {
        String longText = "x".repeat(4001);
        Item item = new Item("S", "K", null, null, "Name", longText, null, null, null, null, null, null, null, null,
                null, null);

        List<Violation> found = validate(item);

        assertThat(item.description()).hasSize(4001);
        assertThat(found).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("description");
            assertThat(v.rule()).isEqualTo("Size");
            assertThat(v.isError()).isFalse();
        });
    }

    @ParameterizedTest
    @CsvSource({"H87,true", "KGM,true", "PCS,false", "Stk,false"})
    void baseUnitMustBeRec20Code(String unit, boolean valid) {
        assertThat(validate(item(null, unit, null)).stream().anyMatch(v -> v.rule().equals("UnitOfMeasure")))
                .isEqualTo(!valid);
    }

    @ParameterizedTest
    @CsvSource({"info@example.com,true", "Info@Mueller-Buero.de,true", "a.b+tag@sub.example.co.uk,true",
            "jane.doe@example,false", "no-at-sign,false", "a@@b.com,false", "a b@c.de,false", "a@b.c,false",
            "a@-b.com,false", "a@b-.com,false", ".a@b.com,false", "a..b@c.com,false", "a@b.c0m,false", "a@b..com,false"})
    void emailMustBeAnAddress(String email, boolean valid) {
        assertThat(validate(customer(email, "DE")).stream().anyMatch(v -> v.rule().equals("EmailAddress")))
                .isEqualTo(!valid);
    }

    @Test
    void propertyNamesAreReportedAsCanonicalFieldNames() {
        assertThat(RecordValidator.kebab("listPrice")).isEqualTo("list-price");
        assertThat(RecordValidator.kebab("street1")).isEqualTo("street-1");
        assertThat(RecordValidator.kebab("gtin")).isEqualTo("gtin");
    }

    @Test
    void violationsComeInAStableOrderByFieldThenRule() {
        Item bad = new Item("S", "K", null, "123", "", null, null, null, null, "XYZ", null, null, null, "EURO", "gone",
                null);

        assertThat(validate(bad)).extracting(Violation::field)
                .containsExactly("base-unit", "currency", "gtin", "name", "status");
    }

    @Test
    void aNegativeAmountIsRejectedWithAPlainMessageAndAMissingCurrencyIsNamedByItsCheck() {
        Item negative = new Item("S", "K", null, null, "Name", null, null, null, null, null, null, null,
                new BigDecimal("-5"), null, null, null);

        List<Violation> found = validate(negative);

        assertThat(found).filteredOn(v -> "list-price".equals(v.field())).singleElement().satisfies(v -> {
            assertThat(v.isError()).isTrue();
            assertThat(v.message()).isEqualTo("list-price: must not be negative (value '-5')");
        });
        assertThat(found).as(found.toString()).filteredOn(v -> !v.isError()).extracting(Violation::rule)
                .containsExactly("priced-with-currency");
    }
}
