package io.mastersync.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The files under src/test/resources/bad-input: each defect is named precisely, nothing crashes, no row is lost. */
class BadInputTest {

    private static Path corpus() {
        try {
            return Path.of(BadInputTest.class.getResource("/bad-input").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<SourceRow> read(String file, String... options) {
        String yaml = "kind: csv\npath: " + file + "\n" + String.join("\n", options);
        try {
            return SourceTestSupport.readAll(SourceTestSupport.spec(corpusCopy(), yaml));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The job file goes to a temp dir; data paths point absolutely into the corpus. */
    @org.junit.jupiter.api.io.TempDir
    static Path jobDir;

    private static Path corpusCopy() {
        return jobDir;
    }

    private static String path(String name) {
        return corpus().resolve(name).toString();
    }

    @Test
    void anUnclosedQuoteCostsOnlyItsLineAndReadingResumesOnTheNext() {
        List<SourceRow> rows = read(path("unclosed-quote.csv"));

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).isClean()).isTrue();
        SourceRow broken = rows.get(1);
        assertThat(broken.lineage().line()).isEqualTo(3);
        assertThat(broken.lineage().recordNumber()).isEqualTo(2);
        assertThat(broken.lineage().raw()).isEqualTo("A2,\"Nut");
        assertThat(broken.values()[0]).as("the values before the quote, so the reject names its key").isEqualTo("A2");
        assertThat(broken.values()[1]).isNull();
        assertThat(broken.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("unclosed-quote");
            assertThat(p.message()).contains("line 3", "not closed", "resumes on line 4");
        });
        assertThat(rows.get(2).isClean()).isTrue();
        assertThat(rows.get(2).values()).containsExactly("A3", "Washer");
        assertThat(rows.get(2).lineage().line()).isEqualTo(4);
    }

    @Test
    void withNoLineLimitAnUnclosedQuoteTakesTheRestOfTheFileAsOneRejectedRow() {
        List<SourceRow> rows = read(path("unclosed-quote.csv"), "max-record-lines: 0");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).lineage().raw()).isEqualTo("A2,\"Nut\nA3,Washer");
        assertThat(rows.get(1).problems()).singleElement().satisfies(p -> assertThat(p.code()).isEqualTo("unclosed-quote"));
    }

    @Test
    void tooManyColumns() {
        List<SourceRow> rows = read(path("too-many-columns.csv"));

        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).problems()).containsExactly(
                new RowProblem(null, "column-count", "expected 3 columns, found 4"));
        assertThat(rows.get(1).lineage().line()).isEqualTo(3);
        assertThat(rows.get(1).lineage().raw()).isEqualTo("A2,Nut,2,extra");
        assertThat(rows.get(2).isClean()).isTrue();
    }

    @Test
    void tooFewColumns() {
        List<SourceRow> rows = read(path("too-few-columns.csv"));

        assertThat(rows.get(1).problems()).extracting(RowProblem::code, RowProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("column-count", "expected 3 columns, found 2"));
        assertThat(rows.get(1).values()).containsExactly("A2", "Nut", null);
        assertThat(rows.get(1).lineage().line()).isEqualTo(3);
    }

    @Test
    void undecodableBytesNameTheColumnAndTheEncoding() {
        List<SourceRow> rows = read(path("undecodable-utf8.csv"));

        assertThat(rows.get(0).isClean()).isTrue();
        assertThat(rows.get(1).problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("undecodable");
            assertThat(p.column()).isEqualTo("name");
            assertThat(p.message()).contains("name").contains("UTF-8");
        });
        assertThat(rows.get(1).lineage().line()).isEqualTo(3);
    }

    @Test
    void nulByteNamesTheColumn() {
        List<SourceRow> rows = read(path("nul-byte.csv"));

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("nul-byte");
            assertThat(p.column()).isEqualTo("name");
        });
        assertThat(rows.get(1).isClean()).isTrue();
    }

    @Test
    void emptyFileIsAnErrorNamingTheFileUnlessAllowed() {
        assertThatThrownBy(() -> read(path("empty.csv")))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("empty.csv")
                .hasMessageContaining("file is empty");
        assertThat(read(path("empty.csv"), "allow-empty: true")).isEmpty();
    }

    @Test
    void headerOnlyFileIsZeroRows() {
        try (SourceReader reader = SourceReaders.create(spec("header-only.csv"))) {
            reader.open(SourcePosition.START);
            assertThat(reader.layout().names()).containsExactly("sku", "name");
            assertThat(reader.read()).isNull();
        }
    }

    @Test
    void missingFileNamesThePath() {
        assertThatThrownBy(() -> read(path("no-such-file.csv")))
                .isInstanceOf(SourceException.class).hasMessageContaining("no-such-file.csv").hasMessageContaining("not found");
    }

    @Test
    void duplicateHeaderNameNamesFileLineAndColumn() {
        assertThatThrownBy(() -> read(path("duplicate-header.csv")))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("duplicate-header.csv:1:")
                .hasMessageContaining("column 3")
                .hasMessageContaining("'sku'");
    }

    @Test
    void aBlankHeaderNameIsNamedByPositionSoNoRowIsLost() {
        List<SourceRow> rows = read(path("blank-header.csv"));

        assertThat(rows).isNotEmpty();
        assertThat(rows.get(0).layout().names()).contains("column-2");
    }

    private static SourceSpec spec(String file) {
        try {
            return SourceTestSupport.spec(corpusCopy(), "kind: csv\npath: " + path(file));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
