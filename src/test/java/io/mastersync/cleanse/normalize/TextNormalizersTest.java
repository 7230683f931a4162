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

class TextNormalizersTest {

    @Test
    void trimRemovesOrdinaryAndNoBreakSpaces() {
        Normalizer trim = create("trim");
        assertNormalizes(trim, "  Acme\t", "Acme");
        assertNormalizes(trim, "\u00A0Acme\u202F", "Acme");
        assertNormalizes(trim, "Acme", "Acme");
        assertNormalizes(trim, null, null);
    }

    @Test
    void collapseWhitespaceJoinsRunsAndTrims() {
        Normalizer n = create("collapse-whitespace");
        assertNormalizes(n, " Acme \t  Maschinen\u00A0\nGmbH ", "Acme Maschinen GmbH");
        assertNormalizes(n, "Acme GmbH", "Acme GmbH");
    }

    @Test
    void unicodeComposesByDefaultAndFoldsWithNfkc() {
        assertNormalizes(create("unicode"), "Mu\u0308ller", "Müller");
        assertNormalizes(create("unicode"), "Müller", "Müller");
        assertNormalizes(create("unicode", "form", "NFKC"), "\uFF21\uFF22 \uFB01", "AB fi");
        assertNormalizes(create("unicode", "form", "nfd"), "ü", "u\u0308");
        assertThatThrownBy(() -> create("unicode", "form", "NFX"))
                .hasMessageContaining("'form'").hasMessageContaining("NFX");
    }

    @Test
    void removeControlDropsNulAndOptionallyKeepsTabAndNewline() {
        assertNormalizes(create("remove-control"), "A\u0000B\tC\nD\u001B\u007F", "ABCD");
        assertNormalizes(create("remove-control", "keep-tab", "true", "keep-newline", "true"),
                "A\u0000B\tC\r\nD", "AB\tC\r\nD");
        assertNormalizes(create("remove-control"), "Straße", "Straße");
        assertThatThrownBy(() -> create("remove-control", "keep-tab", "maybe"))
                .hasMessageContaining("'keep-tab'").hasMessageContaining("maybe");
    }

    @Test
    void caseNormalizersUseTheConfiguredLocaleNotTheMachines() {
        assertNormalizes(create("upper"), "straße", "STRASSE");
        assertNormalizes(create("lower"), "ACME", "acme");
        assertNormalizes(create("upper", "locale", "tr"), "istanbul", "İSTANBUL");
        assertNormalizes(create("title"), "MÜLLER-LÜDENSCHEIDT AG", "Müller-Lüdenscheidt Ag");
        assertNormalizes(create("title"), "o'neil and 3m", "O'neil And 3m");
        assertThatThrownBy(() -> create("title", "locale", "not a locale!"))
                .hasMessageContaining("'locale'");
    }

    @Test
    void stripPunctuationKeepsConfiguredCharacters() {
        assertNormalizes(create("strip-punctuation"), "„Acme“, Inc. (Berlin)!", "Acme Inc Berlin");
        assertNormalizes(create("strip-punctuation", "keep", "-&"), "Black & Decker - Tools.", "Black & Decker - Tools");
        assertNormalizes(create("strip-punctuation"), "A+B 5$", "A+B 5$");
    }

    @Test
    void mapUsesInlineEntriesAndReportsUnmappedWhenAsked() {
        Normalizer keep = create("map", "map.Stk", "H87", "map.kg", "KGM");
        assertNormalizes(keep, "Stk", "H87");
        assertNormalizes(keep, "stk", "stk");
        assertNormalizes(keep, "Box", "Box");

        Normalizer strict = create("map", "map.Stk", "H87", "case-insensitive", "true", "unmapped", "problem");
        assertNormalizes(strict, "STK", "H87");
        assertProblem(strict, "Box", "unmapped");
    }

    @Test
    void mapReadsCsvFileRelativeToBaseDirAndInlineOverrides(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("units.csv"), "from,to\nStk,H87\n\"Karton, groß\",XCT\n# comment\nkg,KGM\n");
        NormalizerRegistry registry = new NormalizerRegistry(dir);
        Normalizer n = registry.create("map", Map.of("file", "units.csv", "map.kg", "KGS"));
        assertNormalizes(n, "Stk", "H87");
        assertNormalizes(n, "Karton, groß", "XCT");
        assertNormalizes(n, "kg", "KGS");
    }

    @Test
    void mapRejectsMissingFileConflictingEntriesAndEmptyTable(@TempDir Path dir) throws Exception {
        NormalizerRegistry registry = new NormalizerRegistry(dir);
        assertThatThrownBy(() -> registry.create("map", Map.of("file", "missing.csv")))
                .hasMessageContaining("'file'").hasMessageContaining("missing.csv");
        Files.writeString(dir.resolve("dup.csv"), "a,b\nA,c\n");
        assertThatThrownBy(() -> registry.create("map", Map.of("file", "dup.csv", "case-insensitive", "true")))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> registry.create("map", Map.of()))
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> registry.create("map", Map.of("map.a", "b", "unmapped", "drop")))
                .hasMessageContaining("'unmapped'").hasMessageContaining("keep, problem");
    }

    @ParameterizedTest
    @CsvSource(value = {"n/a", "N/A", "-", "NULL", "null", " none ", "#N/A", "''", "'   '"}, emptyValue = "")
    void nullIfTurnsPlaceholdersIntoNull(String placeholder) {
        NormalizerResult r = create("null-if").apply(placeholder, RecordContext.empty());
        assertThat(r).isInstanceOf(NormalizerResult.Changed.class);
        assertThat(r.value()).isNull();
    }

    @Test
    void nullIfKeepsRealValuesAndHonoursConfiguredList() {
        assertNormalizes(create("null-if"), "NA", "NA"); // Namibia, not "not available"
        assertNormalizes(create("null-if"), "Acme", "Acme");
        Normalizer custom = create("null-if", "values", "unbekannt|k.A.", "blank", "false");
        assertThat(custom.apply("Unbekannt", RecordContext.empty()).value()).isNull();
        assertThat(custom.apply("k.a.", RecordContext.empty()).value()).isNull();
        assertNormalizes(custom, "n/a", "n/a");
        assertNormalizes(custom, "  ", "  ");
    }
}
