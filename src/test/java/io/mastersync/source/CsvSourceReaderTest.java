package io.mastersync.source;

import static io.mastersync.source.SourceTestSupport.readAll;
import static io.mastersync.source.SourceTestSupport.spec;
import static io.mastersync.source.SourceTestSupport.write;
import static io.mastersync.source.SourceTestSupport.writeBytes;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSourceReaderTest {

    @TempDir
    Path dir;

    @Test
    void semicolonWindows1252DecodesUmlautsAccentsAndEuro() throws Exception {
        write(dir, "items.csv", "sku;name;price\r\nA1;Müller Schraube;3,50 €\r\nA2;Señor Dübel;1,00 €\r\n",
                Charset.forName("windows-1252"));
        List<SourceRow> rows = readAll(spec(dir, "kind: csv\npath: items.csv\nencoding: windows-1252\ndelimiter: ';'"));

        assertThat(rows).hasSize(2).allMatch(SourceRow::isClean);
        assertThat(rows.get(0).value("name")).isEqualTo("Müller Schraube");
        assertThat(rows.get(0).value("price")).isEqualTo("3,50 €");
        assertThat(rows.get(1).value("name")).isEqualTo("Señor Dübel");
        assertThat(rows.get(1).lineage().raw()).isEqualTo("A2;Señor Dübel;1,00 €");
        assertThat(rows.get(1).lineage().line()).isEqualTo(3);
    }

    @Test
    void tabAndPipeDelimiters() throws Exception {
        write(dir, "tab.tsv", "sku\tname\nA1\tBolt\n", UTF_8);
        write(dir, "pipe.txt", "sku|name\nA1|Nut\n", UTF_8);

        assertThat(readAll(spec(dir, "kind: csv\npath: tab.tsv\ndelimiter: tab")).get(0).value("name")).isEqualTo("Bolt");
        assertThat(readAll(spec(dir, "kind: csv\npath: tab.tsv\ndelimiter: \"\\t\"")).get(0).value("name")).isEqualTo("Bolt");
        assertThat(readAll(spec(dir, "kind: csv\npath: pipe.txt\ndelimiter: '|'")).get(0).value("name")).isEqualTo("Nut");
    }

    @Test
    void iso88591() throws Exception {
        write(dir, "c.csv", "id,city\n1,Zürich\n2,Ålesund\n", ISO_8859_1);
        List<SourceRow> rows = readAll(spec(dir, "kind: csv\npath: c.csv\nencoding: ISO-8859-1"));
        assertThat(rows).extracting(r -> r.value("city")).containsExactly("Zürich", "Ålesund");
        assertThat(rows).allMatch(SourceRow::isClean);
    }

    @Test
    void utf8ByteOrderMarkIsNotPartOfTheFirstColumnName() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write("sku,name\nA1,Größe\n".getBytes(UTF_8));
        writeBytes(dir, "bom.csv", bytes.toByteArray());

        List<SourceRow> rows = readAll(spec(dir, "kind: csv\npath: bom.csv"));
        assertThat(rows.get(0).layout().names()).containsExactly("sku", "name");
        assertThat(rows.get(0).value("sku")).isEqualTo("A1");
        assertThat(rows.get(0).value("name")).isEqualTo("Größe");
    }

    @Test
    void crlfAndLfGiveTheSameRowsAndRawWithoutTerminator() throws Exception {
        write(dir, "crlf.csv", "a,b\r\n1,2\r\n3,4\r\n", UTF_8);
        write(dir, "lf.csv", "a,b\n1,2\n3,4", UTF_8);
        for (String file : List.of("crlf.csv", "lf.csv")) {
            List<SourceRow> rows = readAll(spec(dir, "kind: csv\npath: " + file));
            assertThat(rows).extracting(r -> r.lineage().raw()).containsExactly("1,2", "3,4");
            assertThat(rows).extracting(r -> r.lineage().line()).containsExactly(2L, 3L);
        }
    }

    @Test
    void multiLineQuotedValueKeepsLineNumbersOfFollowingRecordsRight() throws Exception {
        write(dir, "m.csv", "sku,text\r\nA1,\"first line\r\nsecond \"\"quoted\"\" line\r\nthird\"\r\nA2,plain\r\n\r\nA3,\"x\"\r\n", UTF_8);
        List<SourceRow> rows = readAll(spec(dir, "kind: csv\npath: m.csv"));

        assertThat(rows).extracting(r -> r.value("sku")).containsExactly("A1", "A2", "A3");
        assertThat(rows.get(0).value("text")).isEqualTo("first line\r\nsecond \"quoted\" line\r\nthird");
        assertThat(rows.get(0).lineage().raw()).isEqualTo("A1,\"first line\r\nsecond \"\"quoted\"\" line\r\nthird\"");
        assertThat(rows).extracting(r -> r.lineage().line()).containsExactly(2L, 5L, 7L);
        assertThat(rows).extracting(r -> r.lineage().recordNumber()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aStrayQuoteClosedLinesLaterIsCaughtByTheLineLimitAndTheSwallowedRowsAreReadAfterAll() throws Exception {
        // a stray quote in line 3 is "closed" by the one in line 6: without a limit rows A3-A5 vanish into A2's name
        write(dir, "s.csv", "sku;name;brand\nA1;Bolt;X\nA2;\"Nut;X\nA3;Washer;X\nA4;Screw;X\nA5;\"Pin\";X\nA6;Rivet;X\n",
                UTF_8);

        List<SourceRow> unlimited = readAll(spec(dir, "kind: csv\npath: s.csv\ndelimiter: ';'\nmax-record-lines: 0"));
        List<SourceRow> rows = readAll(spec(dir, "kind: csv\npath: s.csv\ndelimiter: ';'\nmax-record-lines: 1"));

        assertThat(unlimited).hasSize(3);
        assertThat(rows).extracting(r -> r.value("sku")).containsExactly("A1", "A2", "A3", "A4", "A5", "A6");
        assertThat(rows.get(1).lineage().raw()).isEqualTo("A2;\"Nut;X");
        assertThat(rows.get(1).problems()).extracting(RowProblem::code).containsExactly("unclosed-quote");
        assertThat(rows.get(4).value("name")).isEqualTo("Pin");
        assertThat(rows).extracting(r -> r.lineage().line()).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(rows).extracting(r -> r.lineage().recordNumber()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        // the same positions on restart
        for (int n = 0; n <= rows.size(); n++) {
            SourceTestSupport.assertRestartMatches(spec(dir, "kind: csv\npath: s.csv\ndelimiter: ';'\nmax-record-lines: 1"), n);
        }
    }

    @Test
    void aBlankHeaderNameIsNamedByItsPosition() throws Exception {
        // pandas writes its index as a first column without a name
        write(dir, "p.csv", ",StockItemID,StockItemName\n0,1,USB missile launcher\n1,2,DBA joke mug\n", UTF_8);

        List<SourceRow> rows = readAll(spec(dir, "kind: csv\npath: p.csv"));

        assertThat(rows.get(0).layout().names()).containsExactly("column-1", "StockItemID", "StockItemName");
        assertThat(rows).allMatch(SourceRow::isClean);
        assertThat(rows.get(1).value("column-1")).isEqualTo("1");
    }

    @Test
    void aMultiLineValueWithinTheLineLimitStaysOneRecord() throws Exception {
        write(dir, "a.csv", "sku,address\nA1,\"Main St 1\nBuilding B\nFloor 3\"\nA2,x\n", UTF_8);

        List<SourceRow> rows = readAll(spec(dir, "kind: csv\npath: a.csv\nmax-record-lines: 3"));

        assertThat(rows).allMatch(SourceRow::isClean).extracting(r -> r.value("sku")).containsExactly("A1", "A2");
        assertThat(rows.get(0).value("address")).isEqualTo("Main St 1\nBuilding B\nFloor 3");
        assertThat(readAll(spec(dir, "kind: csv\npath: a.csv\nmax-record-lines: 2")).get(0).problems())
                .extracting(RowProblem::code).containsExactly("unclosed-quote");
    }

    @Test
    void trailingEmptyColumnsAreNullsAndATrailingDelimiterOnTheHeaderIsNoColumn() throws Exception {
        write(dir, "t.csv", "sku;name;color;size;\nA1;Bolt;;;\nA2;Nut;red;;\n", UTF_8);
        List<SourceRow> rows = readAll(spec(dir, "kind: csv\npath: t.csv\ndelimiter: ';'"));

        assertThat(rows.get(0).layout().names()).containsExactly("sku", "name", "color", "size");
        assertThat(rows).allMatch(SourceRow::isClean);
        assertThat(rows.get(0).values()).containsExactly("A1", "Bolt", null, null);
        assertThat(rows.get(1).values()).containsExactly("A2", "Nut", "red", null);
        assertThat(rows.get(0).lineage().raw()).isEqualTo("A1;Bolt;;;");
    }

    @Test
    void quoteEscapeAndQuoteNone() throws Exception {
        write(dir, "q.csv", "id,text\n1,'it''s; fine'\n", UTF_8);
        assertThat(readAll(spec(dir, "kind: csv\npath: q.csv\nquote: \"'\"")).get(0).value("text")).isEqualTo("it's; fine");

        write(dir, "e.csv", "id,text\n1,\"say \\\"hi\\\"\"\n", UTF_8);
        assertThat(readAll(spec(dir, "kind: csv\npath: e.csv\nescape: '\\'")).get(0).value("text")).isEqualTo("say \"hi\"");

        write(dir, "n.csv", "id,text\n1,\"inch\n", UTF_8);
        SourceRow row = readAll(spec(dir, "kind: csv\npath: n.csv\nquote: none")).get(0);
        assertThat(row.value("text")).isEqualTo("\"inch");
        assertThat(row.isClean()).isTrue();
    }

    @Test
    void positionalColumnsWithoutHeaderAndNamedColumns() throws Exception {
        write(dir, "p.csv", "A1,Bolt,3\nA2,Nut,4\n", UTF_8);

        List<SourceRow> positional = readAll(spec(dir, "kind: csv\npath: p.csv\nheader: false"));
        assertThat(positional.get(0).layout().names()).containsExactly("1", "2", "3");
        assertThat(positional.get(1).value("2")).isEqualTo("Nut");
        assertThat(positional.get(0).lineage().line()).isEqualTo(1);

        List<SourceRow> named = readAll(spec(dir, "kind: csv\npath: p.csv\nheader: false\ncolumns: [sku, name, qty]"));
        assertThat(named).extracting(r -> r.value("qty")).containsExactly("3", "4");
    }

    @Test
    void globReadsFilesInNameOrderWithContinuousRecordNumbers() throws Exception {
        write(dir, "exports/items-2.csv", "sku\nC\nD\n", UTF_8);
        write(dir, "exports/items-1.csv", "sku\nA\nB\n", UTF_8);
        write(dir, "exports/other.csv", "sku\nX\n", UTF_8);

        List<SourceRow> rows = readAll(spec(dir, "kind: csv\npath: exports/items-*.csv"));
        assertThat(rows).extracting(r -> r.value("sku")).containsExactly("A", "B", "C", "D");
        assertThat(rows).extracting(r -> r.lineage().recordNumber()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(rows).extracting(r -> r.lineage().line()).containsExactly(2L, 3L, 2L, 3L);
        assertThat(rows.get(2).lineage().origin()).endsWith("items-2.csv");
    }

    @Test
    void globMatchingNothingNamesThePattern() throws Exception {
        assertThatThrownBy(() -> readAll(spec(dir, "kind: csv\npath: exports/nothing-*.csv")))
                .isInstanceOf(SourceException.class).hasMessageContaining("exports/nothing-*.csv");
    }

    @Test
    void skipLinesTrimNullValuesAndComments() throws Exception {
        write(dir, "s.csv", "Export from ERP 7.1\nrun 2024-12-31\nsku , name\n# a comment\n A1 , n/a \n\n  \nA2,\" padded \"\n", UTF_8);
        List<SourceRow> rows = readAll(spec(dir,
                "kind: csv\npath: s.csv\nskip-lines: 2\nnull-values: ['', 'n/a']\ncomment-marker: '#'"));

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).values()).containsExactly("A1", null);
        assertThat(rows.get(0).lineage().line()).isEqualTo(5);
        assertThat(rows.get(0).lineage().raw()).isEqualTo(" A1 , n/a ");
        assertThat(rows.get(1).values()).containsExactly("A2", "padded");
        assertThat(rows.get(1).lineage().line()).isEqualTo(8);
    }

    @Test
    void trimFalseKeepsBlanks() throws Exception {
        write(dir, "k.csv", "a,b\n x , y\n", UTF_8);
        assertThat(readAll(spec(dir, "kind: csv\npath: k.csv\ntrim: false")).get(0).values()).containsExactly(" x ", " y");
    }

    @Test
    void missingTrailingValuesAreAllowedWhenAsked() throws Exception {
        write(dir, "f.csv", "a,b,c\n1,2\n", UTF_8);
        SourceRow row = readAll(spec(dir, "kind: csv\npath: f.csv\nallow-missing-trailing: true")).get(0);
        assertThat(row.isClean()).isTrue();
        assertThat(row.values()).containsExactly("1", "2", null);
    }

    @Test
    void progressCountsBytesOfAllFiles() throws Exception {
        write(dir, "g/1.csv", "a\n1\n", UTF_8);
        write(dir, "g/2.csv", "a\n2\n3\n", UTF_8);
        try (SourceReader reader = SourceReaders.create(spec(dir, "kind: csv\npath: g/*.csv"))) {
            reader.open(SourcePosition.START);
            assertThat(reader.progress().total()).isEqualTo(10);
            while (reader.read() != null) {
                assertThat(reader.progress().done()).isBetween(1L, 10L);
            }
            assertThat(reader.progress()).isEqualTo(new SourceReader.Progress(10, 10));
            assertThat(reader.position()).isEqualTo(new SourcePosition(1, 2, 3));
        }
    }

    @Test
    void largeFileStreamsWithExactRawAcrossBufferBoundaries() throws Exception {
        StringBuilder text = new StringBuilder("id,text\r\n");
        for (int i = 1; i <= 20_000; i++) {
            text.append(i).append(',').append(i % 7 == 0 ? "\"multi\nline " + i + "\"" : "value " + i).append("\r\n");
        }
        write(dir, "big.csv", text.toString(), UTF_8);
        List<SourceRow> rows = readAll(spec(dir, "kind: csv\npath: big.csv"));

        assertThat(rows).hasSize(20_000).allMatch(SourceRow::isClean);
        long line = 2;
        for (SourceRow row : rows) {
            assertThat(row.lineage().line()).isEqualTo(line);
            String id = row.value("id");
            assertThat(row.lineage().raw()).startsWith(id + ",").doesNotEndWith("\r").doesNotEndWith("\n");
            line += row.value("text").contains("\n") ? 2 : 1;
        }
    }
}
