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

class CountryNormalizerTest {

    private final Normalizer country = create("country-iso2");

    @ParameterizedTest
    @CsvSource({
            "DE,DE", "de,DE", "DEU,DE", "276,DE", "Deutschland,DE", "Germany,DE", "Allemagne,DE", "BRD,DE",
            "040,AT", "40,AT", "AUT,AT", "Österreich,AT", "OESTERREICH,AT", "Osterreich,AT",
            "Schweiz,CH", "Suisse,CH", "Svizzera,CH", "756,CH",
            "España,ES", "espana,ES", "Italia,IT", "Nederland,NL", "Holland,NL", "The Netherlands,NL",
            "Belgique,BE", "België,BE", "Polska,PL", "Sverige,SE", "Danmark,DK", "Norge,NO", "Suomi,FI",
            "Česko,CZ", "Czech Republic,CZ", "Magyarország,HU",
            "U.S.A.,US", "USA,US", "United States of America,US", "U S A,US", "840,US",
            "UK,GB", "Great Britain,GB", "United Kingdom,GB", "Großbritannien,GB", "GBR,GB", "826,GB",
            "Türkiye,TR", "Tuerkei,TR", "Daenemark,DK", "Côte d'Ivoire,CI", "248,AX"})
    void recognizesCodesAndNames(String in, String out) {
        assertNormalizes(country, in, out);
    }

    @Test
    void keepsCanonicalCodeUnchanged() {
        NormalizerResult r = country.apply("FR", RecordContext.empty());
        assertThat(r).isEqualTo(new NormalizerResult.Unchanged("FR"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Atlantis", "XX", "ZZZ", "999", "Germany2", "Kongo", "Korea", "1234", "-"})
    void unknownOrAmbiguousValuesAreProblemsNotGuesses(String in) {
        NormalizerResult.Problem p = assertProblem(country, in, "unknown-country");
        assertThat(p.message()).isEqualTo("unknown country '" + in + "'");
    }

    @Test
    void nullAndBlankHandling() {
        assertNormalizes(country, null, null);
        assertNormalizes(country, "  ", "  ");
    }

    @Test
    void extraSynonymsFromFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("countries.csv"), "BRDX,DE\nAtlantis,xa\n");
        Normalizer n = new NormalizerRegistry(dir).create("country-iso2", Map.of("file", "countries.csv"));
        assertNormalizes(n, "brdx", "DE");
        assertNormalizes(n, "Atlantis", "XA");
        assertNormalizes(n, "Deutschland", "DE");

        Files.writeString(dir.resolve("bad.csv"), "Atlantis,Atlantis\n");
        assertThatThrownBy(() -> new NormalizerRegistry(dir).create("country-iso2", Map.of("file", "bad.csv")))
                .hasMessageContaining("'file'").hasMessageContaining("line 1");
    }
}
