package io.mastersync.cleanse.normalize;

import static io.mastersync.cleanse.normalize.Results.assertNormalizes;
import static io.mastersync.cleanse.normalize.Results.assertProblem;
import static io.mastersync.cleanse.normalize.Results.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** sku, gtin, unit-of-measure, weight-unit, weight. */
class ItemNormalizersTest {

    @Test
    void skuDefaultsUpperCaseAndRemovesSeparators() {
        Normalizer n = create("sku");
        assertNormalizes(n, "ab-100/7", "AB1007");
        assertNormalizes(n, " AB 100_7. ", "AB1007");
        assertNormalizes(n, "AB1007", "AB1007");
        assertProblem(n, "-/-", "empty-sku");
    }

    @Test
    void skuOptions() {
        assertNormalizes(create("sku", "case", "keep", "remove", "-"), "ab 1-2", "ab 12");
        assertNormalizes(create("sku", "strip-leading-zeros", "true"), "000123", "123");
        assertNormalizes(create("sku", "strip-leading-zeros", "true"), "0000", "0");
        assertNormalizes(create("sku", "pad-to", "18"), "4711", "000000000000004711");
        assertNormalizes(create("sku", "pad-to", "3"), "4711", "4711");
        assertThatThrownBy(() -> create("sku", "pad-to", "-1")).hasMessageContaining("'pad-to'");
        assertThatThrownBy(() -> create("sku", "case", "title")).hasMessageContaining("'case'");
    }

    @ParameterizedTest
    @CsvSource({"4006381333931,4006381333931", "96385074,96385074", "036000291452,036000291452",
            "10614141000415,10614141000415"})
    void gtinCheckDigitAcceptsValidCodes(String code, String same) {
        assertThat(GtinCheckDigit.isValid(code)).isTrue();
        assertThat(GtinCheckDigit.compute(code.substring(0, code.length() - 1))).isEqualTo(same.charAt(same.length() - 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4006381333932", "96385075", "", "1", "40063813339a1"})
    void gtinCheckDigitRejectsInvalidCodes(String code) {
        assertThat(GtinCheckDigit.isValid(code)).isFalse();
        assertThat(GtinCheckDigit.isValid(null)).isFalse();
        assertThatThrownBy(() -> GtinCheckDigit.compute("12a")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"4006381333931,04006381333931", "4006381333931.0,04006381333931", "400-6381 333931,04006381333931",
            "96385074,00000096385074", "036000291452,00036000291452", "10614141000415,10614141000415"})
    void gtinDefaultsToGtin14(String in, String out) {
        assertNormalizes(create("gtin"), in, out);
    }

    @Test
    void gtinOutputForms() {
        assertNormalizes(create("gtin", "output", "shortest"), "00000096385074", "96385074");
        assertNormalizes(create("gtin", "output", "shortest"), "0036000291452", "036000291452");
        assertNormalizes(create("gtin", "output", "as-is"), "4006381333931.0", "4006381333931");
    }

    @Test
    void gtinProblems() {
        Normalizer n = create("gtin");
        assertProblem(n, "4.00638E+12", "gtin-exponent");
        assertProblem(n, "4006381333932", "gtin-check-digit");
        assertProblem(n, "400638133393", "gtin-check-digit");
        assertProblem(n, "12345", "gtin-length");
        assertProblem(n, "4006381333931.5", "gtin-characters");
        assertProblem(n, "ABC", "gtin-characters");
        assertProblem(n, "0000000000000", "gtin-placeholder");
    }

    @ParameterizedTest
    @CsvSource({"Stk,H87", "Stk.,H87", "ST,H87", "Stück,H87", "pcs,H87", "EA,H87", "each,H87", "kg,KGM", "KGS,KGM",
            "kilo,KGM", "g,GRM", "gr,GRM", "L,LTR", "ltr,LTR", "ml,MLT", "m,MTR", "mtr,MTR", "cm,CMT", "mm,MMT",
            "Box,XBX", "BX,XBX", "PAL,XPX", "pallet,XPX", "KGM,KGM", "ctn,XCT", "set,SET", "c62,C62"})
    void unitOfMeasureSynonyms(String in, String out) {
        assertNormalizes(create("unit-of-measure"), in, out);
    }

    @Test
    void unitOfMeasureOptionsAndProblems(@TempDir Path dir) throws Exception {
        assertNormalizes(create("unit-of-measure", "piece-code", "C62"), "Stk", "C62");
        assertProblem(create("unit-of-measure"), "Bündel", "unknown-unit");
        assertThatThrownBy(() -> create("unit-of-measure", "piece-code", "PCS")).hasMessageContaining("'piece-code'");

        Files.writeString(dir.resolve("uom.csv"), "ST,SET\nBund,XBE\n");
        Normalizer n = new NormalizerRegistry(dir).create("unit-of-measure", Map.of("file", "uom.csv"));
        assertNormalizes(n, "ST", "SET");
        assertNormalizes(n, "bund", "XBE");
        assertNormalizes(n, "Stk", "H87");
    }

    @Test
    void unitOfMeasureCodesKnowsCommonCodes() {
        assertThat(UnitOfMeasureCodes.isKnown("KGM")).isTrue();
        assertThat(UnitOfMeasureCodes.isKnown("H87")).isTrue();
        assertThat(UnitOfMeasureCodes.isKnown("kgm")).isFalse();
        assertThat(UnitOfMeasureCodes.isKnown("PCS")).isFalse();
        assertThat(UnitOfMeasureCodes.isKnown(null)).isFalse();
        assertThat(UnitOfMeasureCodes.name("XPX")).isEqualTo("pallet");
    }

    @ParameterizedTest
    @CsvSource({"kg,KGM", "KGS,KGM", "g,GRM", "lb,LBR", "lbs,LBR", "oz,ONZ", "t,TNE", "mg,MGM", "KGM,KGM"})
    void weightUnit(String in, String out) {
        assertNormalizes(create("weight-unit"), in, out);
    }

    @Test
    void weightUnitRejectsNonWeights() {
        assertProblem(create("weight-unit"), "ltr", "unknown-weight-unit");
        assertProblem(create("weight-unit"), "stone", "unknown-weight-unit");
        assertThatThrownBy(() -> create("weight-unit", "to", "KGM")).hasMessageContaining("takes no options");
    }

    @Test
    void weightConvertsAndSetsUnitField() {
        Normalizer n = create("weight", "unit-field", "net-weight-unit");
        NormalizerResult grams = n.apply("1500", RecordContext.of(Map.of("net-weight-unit", "g")));
        assertThat(grams.value()).isEqualTo("1.5");
        assertThat(grams.outputs()).containsExactly(Map.entry("net-weight-unit", "KGM"));

        NormalizerResult pounds = n.apply("2", RecordContext.of(Map.of("net-weight-unit", "lbs")));
        assertThat(pounds.value()).isEqualTo("0.907185");

        NormalizerResult same = n.apply("2.5", RecordContext.of(Map.of("net-weight-unit", "KGM")));
        assertThat(same).isEqualTo(new NormalizerResult.Unchanged("2.5"));

        Normalizer toGrams = create("weight", "unit-field", "u", "to", "g");
        assertThat(toGrams.apply("0.25", RecordContext.of(Map.of("u", "kg"))).value()).isEqualTo("250");
    }

    @Test
    void weightProblemsAndOptions() {
        Normalizer n = create("weight", "unit-field", "u");
        assertProblem(n.apply("5", RecordContext.empty()), "5", "no-weight-unit");
        assertProblem(n.apply("5", RecordContext.of(Map.of("u", "ltr"))), "5", "unknown-weight-unit");
        assertProblem(n.apply("1.234,5", RecordContext.of(Map.of("u", "kg"))), "1.234,5", "invalid-number");
        assertThatThrownBy(() -> create("weight")).hasMessageContaining("'unit-field'").hasMessageContaining("required");
        assertThatThrownBy(() -> create("weight", "unit-field", "u", "to", "LTR")).hasMessageContaining("'to'");
    }
}
