package io.mastersync.source;

import static io.mastersync.source.SourceTestSupport.readAll;
import static io.mastersync.source.SourceTestSupport.spec;
import static io.mastersync.source.SourceTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixedWidthSourceReaderTest {

    private static final String FIELDS = """
            fields:
              - {name: sku, start: 1, length: 6}
              - {name: name, start: 7, length: 10}
              - {name: qty, start: 17, end: 20}
            """;

    @TempDir
    Path dir;

    @Test
    void readsFieldsTrimsAndKeepsTheLineAsRaw() throws Exception {
        write(dir, "items.txt", "A1    Müller       3\r\nA2    Señor     12  \r\n", Charset.forName("windows-1252"));
        List<SourceRow> rows = readAll(spec(dir, "kind: fixed-width\npath: items.txt\nencoding: windows-1252\n" + FIELDS));

        assertThat(rows).allMatch(SourceRow::isClean);
        assertThat(rows.get(0).values()).containsExactly("A1", "Müller", "3");
        assertThat(rows.get(1).values()).containsExactly("A2", "Señor", "12");
        assertThat(rows.get(1).lineage().raw()).isEqualTo("A2    Señor     12  ");
        assertThat(rows.get(1).lineage().line()).isEqualTo(2);
        assertThat(rows.get(0).layout().names()).containsExactly("sku", "name", "qty");
    }

    @Test
    void shortLineIsFineWhenOnlyPaddingIsMissingAndAProblemWhenAValueIsCut() throws Exception {
        // Ends at a field boundary / only blanks of the last field left / a value cut / a value cut mid-field.
        write(dir, "s.txt", "A1    Bolt      \nA2    Nut        \nA3    Washer    1\nA4    Wash\n", Charset.forName("UTF-8"));
        List<SourceRow> rows = readAll(spec(dir, "kind: fixed-width\npath: s.txt\n" + FIELDS));

        assertThat(rows.get(0).isClean()).isTrue();
        assertThat(rows.get(0).values()).containsExactly("A1", "Bolt", null);
        assertThat(rows.get(1).isClean()).isTrue();
        assertThat(rows.get(3).problems()).extracting(RowProblem::code, RowProblem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("line-length", "name"));
        assertThat(rows.get(2).problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("line-length");
            assertThat(p.column()).isEqualTo("qty");
            assertThat(p.message()).contains("17 characters").contains("20");
        });

        List<SourceRow> padded = readAll(spec(dir, "kind: fixed-width\npath: s.txt\npad-short-lines: true\n" + FIELDS));
        assertThat(padded).allMatch(SourceRow::isClean);
    }

    @Test
    void longLineIsFineUnlessStrict() throws Exception {
        write(dir, "l.txt", "A1    Bolt         1 trailing note\n", Charset.forName("UTF-8"));
        assertThat(readAll(spec(dir, "kind: fixed-width\npath: l.txt\n" + FIELDS)).get(0).isClean()).isTrue();
        assertThat(readAll(spec(dir, "kind: fixed-width\npath: l.txt\nstrict-length: true\n" + FIELDS)).get(0).problems())
                .extracting(RowProblem::code).containsExactly("line-length");
    }

    @Test
    void emptyFileAndNulByte() throws Exception {
        write(dir, "e.txt", "", Charset.forName("UTF-8"));
        assertThatThrownBy(() -> readAll(spec(dir, "kind: fixed-width\npath: e.txt\n" + FIELDS)))
                .isInstanceOf(SourceException.class).hasMessageContaining("e.txt").hasMessageContaining("empty");

        write(dir, "n.txt", "A1    " + "Bo\0lt     " + "   1\n", Charset.forName("UTF-8"));
        assertThat(readAll(spec(dir, "kind: fixed-width\npath: n.txt\n" + FIELDS)).get(0).problems())
                .extracting(RowProblem::code, RowProblem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("nul-byte", "name"));
    }
}
