package io.mastersync.cleanse.normalize;

import static io.mastersync.cleanse.normalize.Results.assertNormalizes;
import static io.mastersync.cleanse.normalize.Results.assertProblem;
import static io.mastersync.cleanse.normalize.Results.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** legal-form, email, vat-id. */
class PartyNormalizersTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "Müller Maschinenbau GmbH & Co. KG;Müller Maschinenbau;GmbH & Co. KG",
            "Müller Maschinenbau GmbH u. Co. KG;Müller Maschinenbau;GmbH & Co. KG",
            "Schmidt KG;Schmidt;KG",
            "Siemens AG;Siemens;AG",
            "Beispiel G.m.b.H.;Beispiel;GmbH",
            "Acme, Inc;Acme;Inc.",
            "Acme Incorporated;Acme;Inc.",
            "Widget Corp.;Widget;Corp.",
            "Foo Ltd;Foo;Ltd.",
            "Foo Limited;Foo;Ltd.",
            "Foo PLC;Foo;PLC",
            "Dupont S.A.;Dupont;S.A.",
            "Dupont SA;Dupont;S.A.",
            "Dupont S.A.S.;Dupont;S.A.S.",
            "Dupont SARL;Dupont;SARL",
            "Lux Invest S.à r.l.;Lux Invest;S.à r.l.",
            "Jansen B.V.;Jansen;B.V.",
            "Jansen BV;Jansen;B.V.",
            "Rossi S.p.A.;Rossi;S.p.A.",
            "Rossi S.r.l.;Rossi;S.r.l.",
            "Volvo AB;Volvo;AB",
            "Maersk A/S;Maersk;A/S",
            "Nokia Oy;Nokia;Oy",
            "Kowalski Sp. z o.o.;Kowalski;Sp. z o.o."})
    void splitsLegalFormIntoTargetField(String in, String name, String form) {
        NormalizerResult r = create("legal-form").apply(in, RecordContext.empty());
        assertThat(r.value()).isEqualTo(name);
        assertThat(r.changed()).isTrue();
        assertThat(r.outputs()).containsExactly(Map.entry("legal-form", form));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Müller Maschinenbau", "GmbH", "Bagag", "Sagan", "Kagome Foods"})
    void leavesNamesWithoutSuffixUnchanged(String in) {
        NormalizerResult r = create("legal-form").apply(in, RecordContext.empty());
        assertThat(r).isEqualTo(new NormalizerResult.Unchanged(in));
    }

    @Test
    void targetFieldOption() {
        NormalizerResult r = create("legal-form", "target-field", "company-type").apply("Siemens AG", RecordContext.empty());
        assertThat(r.outputs()).containsExactly(Map.entry("company-type", "AG"));
    }

    @ParameterizedTest
    @CsvSource({"Info@Example.DE,Info@example.de", "mailto:sales@acme.com,sales@acme.com", " a.b+c@sub.acme.co.uk ,a.b+c@sub.acme.co.uk",
            "MAILTO: x@Müller.DE,x@müller.de"})
    void emailLowerCasesDomainOnly(String in, String out) {
        assertNormalizes(create("email"), in, out);
    }

    @Test
    void emailLowerLocalOption() {
        assertNormalizes(create("email", "lower-local", "true"), "Info@Example.DE", "info@example.de");
    }

    @ParameterizedTest
    @ValueSource(strings = {"info.example.de", "a@b@c.de", "@example.de", "info@", "info@localhost", "in fo@example.de",
            "info@exa_mple.de", "info@-example.de", "info@example.123", "info..x@example.de", "info@example..de"})
    void emailProblems(String in) {
        assertProblem(create("email"), in, "invalid-email");
    }

    @ParameterizedTest
    @CsvSource({"de 123.456.789,DE123456789", "DE-123456789,DE123456789", "ATU12345678,ATU12345678",
            "el123456789,EL123456789", "GR123456789,EL123456789", "XI 123 4567 89,XI123456789",
            "NL123456789B01,NL123456789B01", "FR 40 303 265 045,FR40303265045"})
    void vatIdCleansEuNumbers(String in, String out) {
        assertNormalizes(create("vat-id"), in, out);
    }

    @Test
    void vatIdProblemsWithoutCountryField() {
        Normalizer n = create("vat-id");
        assertProblem(n, "US123456789", "vat-prefix");
        assertProblem(n, "CHE-123.456.789 MWST", "vat-prefix");
        assertProblem(n, "123456789", "vat-prefix");
        assertProblem(n, "DE", "invalid-vat-id");
        assertProblem(n, "DE12345#789", "invalid-vat-id");
    }

    @Test
    void vatIdWithCountryField() {
        Normalizer n = create("vat-id", "country-field", "country", "add-prefix-from-country", "true");
        assertThat(n.apply("123456789", RecordContext.of(Map.of("country", "DE"))).value()).isEqualTo("DE123456789");
        assertThat(n.apply("123456789", RecordContext.of(Map.of("country", "GR"))).value()).isEqualTo("EL123456789");
        assertThat(n.apply("EL123456789", RecordContext.of(Map.of("country", "GR"))).value()).isEqualTo("EL123456789");
        assertThat(n.apply("CHE-123.456.789 MWST", RecordContext.of(Map.of("country", "CH"))).value())
                .isEqualTo("CHE123456789MWST");
        assertProblem(n.apply("ATU12345678", RecordContext.of(Map.of("country", "DE"))), "ATU12345678", "vat-country-mismatch");
        // no country on the record: falls back to the EU prefix check
        assertThat(n.apply("ATU12345678", RecordContext.empty()).value()).isEqualTo("ATU12345678");
        assertThatThrownBy(() -> create("vat-id", "add-prefix-from-country", "true"))
                .hasMessageContaining("'add-prefix-from-country'").hasMessageContaining("country-field");
    }
}
