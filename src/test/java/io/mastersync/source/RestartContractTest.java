package io.mastersync.source;

import static io.mastersync.source.SourceTestSupport.assertRestartMatches;
import static io.mastersync.source.SourceTestSupport.readAll;
import static io.mastersync.source.SourceTestSupport.spec;
import static io.mastersync.source.SourceTestSupport.write;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link SourceReader} restart contract for the file readers, at every interesting position. */
class RestartContractTest {

    @TempDir
    Path dir;

    @Test
    void csvGlobRestartsAtEveryPositionIncludingTheSecondFileAndAfterAMultiLineRecord() throws Exception {
        write(dir, "in/a.csv", "sku,text\r\nA1,\"two\r\nlines\"\r\nA2,x\r\n\r\nA3,y\r\n", UTF_8);
        write(dir, "in/b.csv", "sku,text\nB1,\"multi\nline\"\nB2,z\nB3,\"broken\n", UTF_8);
        SourceSpec spec = spec(dir, "kind: csv\npath: in/*.csv");

        assertThat(readAll(spec)).hasSize(6);
        for (int n = 0; n <= 6; n++) {
            assertRestartMatches(spec, n);
        }
    }

    @Test
    void csvPositionsNameFileAndRecord() throws Exception {
        write(dir, "in/a.csv", "sku\nA1\nA2\n", UTF_8);
        write(dir, "in/b.csv", "sku\nB1\nB2\n", UTF_8);
        try (SourceReader reader = SourceReaders.create(spec(dir, "kind: csv\npath: in/*.csv"))) {
            reader.open(SourcePosition.START);
            reader.read();
            reader.read();
            assertThat(reader.position()).isEqualTo(new SourcePosition(0, 2, 2));
            reader.read();
            assertThat(reader.position()).isEqualTo(new SourcePosition(1, 1, 3));
        }
        SourceRow resumed = SourceTestSupport.readFrom(spec(dir, "kind: csv\npath: in/*.csv"), new SourcePosition(1, 1, 3)).get(0);
        assertThat(resumed.value("sku")).isEqualTo("B2");
        assertThat(resumed.lineage().recordNumber()).isEqualTo(4);
        assertThat(resumed.lineage().line()).isEqualTo(3);
    }

    @Test
    void headerlessAndSkipLinesRestart() throws Exception {
        write(dir, "h.csv", "junk\njunk\n1,a\n2,b\n3,\"c\nc\"\n4,d\n", UTF_8);
        SourceSpec spec = spec(dir, "kind: csv\npath: h.csv\nheader: false\nskip-lines: 2");
        for (int n = 0; n <= 4; n++) {
            assertRestartMatches(spec, n);
        }
    }

    @Test
    void resumingBeyondTheEndOfAFileThatShrankIsAnError() throws Exception {
        write(dir, "s.csv", "sku\nA1\n", UTF_8);
        assertThatThrownBy(() -> SourceTestSupport.readFrom(spec(dir, "kind: csv\npath: s.csv"), new SourcePosition(0, 5, 5)))
                .isInstanceOf(SourceException.class).hasMessageContaining("s.csv").hasMessageContaining("only 1")
                .hasMessageContaining("--fresh");
    }

    @Test
    void aFileAddedBeforeTheInterruptedOneIsNamedAsTheFileNowAtThatPlaceOfTheGlob() throws Exception {
        write(dir, "g/part-0.csv", "sku\nA0\n", UTF_8); // sorts before part-a.csv, which the run was reading
        write(dir, "g/part-a.csv", "sku\nA1\nA2\nA3\n", UTF_8);
        assertThatThrownBy(() -> SourceTestSupport.readFrom(spec(dir, "kind: csv\npath: g/part-*.csv"),
                new SourcePosition(0, 3, 3)))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("had read 3 records of the file that was number 1")
                .hasMessageContaining("number 1 of the 2 files matching now is")
                .hasMessageContaining("part-0.csv").hasMessageContaining("--fresh");
    }

    @Test
    void fixedWidthGlobRestartsAtEveryPosition() throws Exception {
        write(dir, "fw/1.txt", "HEADER LINE\nA1  Bolt  \nA2  Nut   \n", UTF_8);
        write(dir, "fw/2.txt", "HEADER LINE\r\nB1  Müller\r\n\r\nB2  x\r\n", UTF_8);
        SourceSpec spec = spec(dir, """
                kind: fixed-width
                path: fw/*.txt
                skip-lines: 1
                fields:
                  - {name: sku, start: 1, length: 4}
                  - {name: name, start: 5, end: 10}
                """);
        assertThat(readAll(spec)).hasSize(4);
        for (int n = 0; n <= 4; n++) {
            assertRestartMatches(spec, n);
        }
    }
}
