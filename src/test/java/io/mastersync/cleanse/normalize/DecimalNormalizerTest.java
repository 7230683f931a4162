package io.mastersync.cleanse.normalize;

import static io.mastersync.cleanse.normalize.Results.assertNormalizes;
import static io.mastersync.cleanse.normalize.Results.assertProblem;
import static io.mastersync.cleanse.normalize.Results.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalNormalizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "de-DE;1.234,56;1234.56", "de-DE;1,234;1.234", "de-DE;1.234;1234", "de-DE;-1.234.567,8;-1234567.8",
            "de-DE;123-;-123", "de-DE;0,50;0.50", "de-DE;,5;0.5",
            "en-US;1,234.56;1234.56", "en-US;1234.56;1234.56", "en-US;+7;7",
            "fr-FR;1 234,56;1234.56", "fr-FR;1\u202F234,56;1234.56", "fr-FR;1\u00A0234\u00A0567,5;1234567.5",
            "de-CH;1'234.56;1234.56", "de-CH;1’234.56;1234.56"})
    void readsLocaleFormats(String locale, String in, String out) {
        assertNormalizes(create("decimal", "locale", locale), in, out);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"en-US;69.71 gbp;69.71;GBP", "de-DE;EUR 12,50;12.50;EUR",
            "de-DE;12,50EUR;12.50;EUR", "de-DE;usd 1.234,5;1234.5;USD"})
    void anAmountsCurrencyCodeGoesUpperCaseToTheCurrencyField(String locale, String in, String amount, String code) {
        Normalizer n = create("decimal", "locale", locale, "currency-field", "currency");

        NormalizerResult r = n.apply(in, RecordContext.empty());

        assertThat(r.value()).isEqualTo(amount);
        assertThat(r.outputs()).isEqualTo(java.util.Map.of("currency", code));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"de-DE;€ 12,50;12.50;EUR", "de-DE;12,50 €;12.50;EUR", "en-GB;£5.00;5.00;GBP",
            "en-US;$ 1,234.50;1234.50;USD"})
    void aCurrencySymbolStandsForItsCodeAndAmbiguousOnesAreConfigured(String locale, String in, String amount,
            String code) {
        Normalizer n = create("decimal", "locale", locale, "currency-field", "currency", "currency-symbols", "$=USD");

        NormalizerResult r = n.apply(in, RecordContext.empty());

        assertThat(r.value()).isEqualTo(amount);
        assertThat(r.outputs()).isEqualTo(java.util.Map.of("currency", code));
    }

    @Test
    void aDollarSignIsNoCurrencyUnlessConfiguredAndABadSymbolEntryIsRefused() {
        assertProblem(create("decimal", "currency-field", "currency"), "$5.00", "invalid-number");
        assertThatThrownBy(() -> create("decimal", "currency-field", "currency", "currency-symbols", "$=DOLLAR"))
                .hasMessageContaining("currency-symbols");
    }

    @Test
    void withACurrencyFieldAPlainAmountLeavesTheCurrencyAloneAndAnUnknownCodeIsAProblem() {
        Normalizer n = create("decimal", "currency-field", "currency");

        NormalizerResult plain = n.apply("38.99", RecordContext.empty());

        assertThat(plain.value()).isEqualTo("38.99");
        assertThat(plain.outputs()).isEmpty();
        assertProblem(n, "12.50 xyz", "unknown-currency");
        assertProblem(create("decimal"), "69.71 gbp", "invalid-number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.234.5", "1,234,56", "12.34,5", "1234.567,8", "1,", "abc", "1e5", "1,2,3", "--5", "5-5", ",",
            "0.012", "00.500"}) // a leading zero before a grouping separator: an English decimal, not 12
    void rejectsValuesInvalidForGermanFormat(String in) {
        assertProblem(create("decimal", "locale", "de-DE"), in, "invalid-number");
    }

    @Test
    void defaultIsCanonicalPlainFormat() {
        Normalizer n = create("decimal");
        assertNormalizes(n, "1234.50", "1234.50");
        assertNormalizes(n, "007", "7");
        assertProblem(n, "1,234", "invalid-number");
    }

    @Test
    void explicitSeparatorsParenthesesAndTrailingZeros() {
        Normalizer n = create("decimal", "decimal-separator", ",", "grouping-separator", ".",
                "parentheses", "true", "strip-trailing-zeros", "true");
        assertNormalizes(n, "(1.234,50)", "-1234.5");
        assertNormalizes(n, "-0,00", "0");
        assertProblem(create("decimal", "locale", "de-DE", "trailing-minus", "false"), "123-", "invalid-number");
        assertProblem(create("decimal", "locale", "de-DE"), "(123)", "invalid-number");
    }

    @Test
    void rejectsInconsistentSeparatorOptions() {
        assertThatThrownBy(() -> create("decimal", "decimal-separator", ",", "grouping-separator", ","))
                .hasMessageContaining("'grouping-separator'");
        assertThatThrownBy(() -> create("decimal", "decimal-separator", ",,"))
                .hasMessageContaining("'decimal-separator'");
        assertThatThrownBy(() -> create("decimal", "locale", "de-DE", "decimal-separator", "."))
                .hasMessageContaining("both '.'");
    }
}
