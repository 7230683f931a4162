package io.mastersync.source;

import static io.mastersync.source.SourceTestSupport.sourceBlock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mastersync.yaml.DefinitionException;

class SourceSpecParserTest {

    @TempDir
    Path dir;

    private SourceSpec parse(String yaml) throws Exception {
        return SourceSpecParser.parse(sourceBlock(dir, yaml), dir, Map.of("DB_PASSWORD", "s3cret!", "DB_HOST", "db1")::get);
    }

    @Test
    void csvDefaults() throws Exception {
        CsvSourceSpec spec = (CsvSourceSpec) parse("source:\n  kind: csv\n  path: items.csv\n");
        assertThat(spec).isEqualTo(CsvSourceSpec.defaults(new SourceFiles("items.csv", dir)));
    }

    @Test
    void csvAllKeys() throws Exception {
        CsvSourceSpec spec = (CsvSourceSpec) parse("""
                source:
                  kind: csv
                  path: exports/items-*.csv
                  encoding: windows-1252
                  delimiter: tab
                  quote: none
                  escape: '\\'
                  header: false
                  columns: [sku, name]
                  skip-lines: 3
                  trim: false
                  null-values: ['', 'NULL']
                  comment-marker: '#'
                  allow-empty: true
                  ignore-empty-lines: false
                  allow-missing-trailing: true
                """);
        assertThat(spec.encoding()).isEqualTo(Charset.forName("windows-1252"));
        assertThat(spec.delimiter()).isEqualTo('\t');
        assertThat(spec.quote()).isNull();
        assertThat(spec.escape()).isEqualTo('\\');
        assertThat(spec.columns()).containsExactly("sku", "name");
        assertThat(spec.nullValues()).containsExactlyInAnyOrder("", "NULL");
        assertThat(spec.commentMarker()).isEqualTo('#');
        assertThat(spec.skipLines()).isEqualTo(3);
        assertThat(spec.files().baseDir()).isEqualTo(dir);
        assertThat(spec.header() || spec.trim() || !spec.allowEmpty() || spec.ignoreEmptyLines() || !spec.allowMissingTrailing()).isFalse();
    }

    @Test
    void unknownKeyNamesItsLine() throws Exception {
        assertThatThrownBy(() -> parse("name: x\nsource:\n  kind: csv\n  path: a.csv\n  delimeter: ';'\n"))
                .isInstanceOfSatisfying(DefinitionException.class, e -> {
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.getMessage()).contains("unknown key 'delimeter'").contains("delimiter");
                });
    }

    @Test
    void keyOfAnotherKindIsUnknown() throws Exception {
        assertThatThrownBy(() -> parse("source:\n  kind: csv\n  path: a.csv\n  fields: []\n"))
                .isInstanceOfSatisfying(DefinitionException.class, e -> assertThat(e.line()).isEqualTo(4));
    }

    @Test
    void badDelimiter() throws Exception {
        assertThatThrownBy(() -> parse("source:\n  kind: csv\n  path: a.csv\n  delimiter: ';;'\n"))
                .isInstanceOfSatisfying(DefinitionException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.getMessage()).contains("'delimiter' must be a single character");
                });
        assertThatThrownBy(() -> parse("source:\n  kind: csv\n  path: a.csv\n  delimiter: '\"'\n"))
                .isInstanceOf(DefinitionException.class).hasMessageContaining("differ from the delimiter");
    }

    @Test
    void missingPathAndUnknownKindAndEncoding() throws Exception {
        assertThatThrownBy(() -> parse("source:\n  kind: csv\n  header: true\n"))
                .isInstanceOfSatisfying(DefinitionException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("missing required key 'path'");
                });
        assertThatThrownBy(() -> parse("source:\n  kind: excel\n  path: a.xlsx\n"))
                .isInstanceOf(DefinitionException.class).hasMessageContaining("unknown source kind 'excel'");
        assertThatThrownBy(() -> parse("source:\n  kind: csv\n  path: a.csv\n  encoding: klingon\n"))
                .isInstanceOf(DefinitionException.class).hasMessageContaining("unknown encoding 'klingon'");
    }

    @Test
    void fixedWidthFields() throws Exception {
        FixedWidthSourceSpec spec = (FixedWidthSourceSpec) parse("""
                source:
                  kind: fixed-width
                  path: items.txt
                  fields:
                    - {name: sku, start: 1, length: 6}
                    - {name: name, start: 7, end: 36}
                """);
        assertThat(spec.fields()).containsExactly(new FixedWidthSourceSpec.Field("sku", 1, 6),
                new FixedWidthSourceSpec.Field("name", 7, 36));
        assertThat(spec.recordLength()).isEqualTo(36);

        assertThatThrownBy(() -> parse("source:\n  kind: fixed-width\n  path: a\n  fields:\n    - {name: a, start: 0, length: 2}\n"))
                .isInstanceOfSatisfying(DefinitionException.class, e -> assertThat(e.line()).isEqualTo(5));
        assertThatThrownBy(() -> parse("source:\n  kind: fixed-width\n  path: a\n  fields:\n    - {name: a, start: 1, length: 2, end: 2}\n"))
                .isInstanceOf(DefinitionException.class).hasMessageContaining("exactly one of 'length' or 'end'");
        assertThatThrownBy(() -> parse("source:\n  kind: fixed-width\n  path: a\n  fields:\n    - {name: a, start: 1, width: 2}\n"))
                .isInstanceOf(DefinitionException.class).hasMessageContaining("length");
    }

    @Test
    void jdbcPlaceholdersAndPasswordNeverShown() throws Exception {
        JdbcSourceSpec spec = (JdbcSourceSpec) parse("""
                source:
                  kind: jdbc
                  url: jdbc:mariadb://${DB_HOST}:3306/erp
                  username: reader
                  password: ${DB_PASSWORD}
                  query: SELECT * FROM items ORDER BY id
                """);
        assertThat(spec.url()).isEqualTo("jdbc:mariadb://db1:3306/erp");
        assertThat(spec.password()).isEqualTo("s3cret!");
        assertThat(spec.fetchSize()).isEqualTo(1000);
        assertThat(spec.toString()).doesNotContain("s3cret!").contains("***");

        assertThatThrownBy(() -> parse("source:\n  kind: jdbc\n  url: x\n  password: ${NOPE}\n  query: q\n"))
                .isInstanceOfSatisfying(DefinitionException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.getMessage()).contains("'NOPE'");
                });
    }

    @Test
    void jdbcUrlsLoseTheirCredentials() {
        assertThat(JdbcUrls.sanitize("jdbc:mariadb://127.0.0.1:3306/test?user=root&password=pw1234&useSsl=false", null))
                .isEqualTo("jdbc:mariadb://127.0.0.1:3306/test?useSsl=false");
        assertThat(JdbcUrls.sanitize("jdbc:postgresql://h/db?password=pw1234", null)).isEqualTo("jdbc:postgresql://h/db");
        assertThat(JdbcUrls.sanitize("jdbc:mysql://root:pw1234@h/db", null)).isEqualTo("jdbc:mysql://h/db");
        assertThat(JdbcUrls.sanitize("jdbc:sqlserver://h;databaseName=erp;user=sa;password=pw1234", null))
                .isEqualTo("jdbc:sqlserver://h;databaseName=erp");
        assertThat(new JdbcSourceSpec("jdbc:x://h/db?password=pw1234", null, null, "q", 10).toString()).doesNotContain("pw1234");
        assertThat(JdbcUrls.scrubMessage("bad login to jdbc:x://h/db?password=pw1234 (pw1234)", "jdbc:x://h/db?password=pw1234", null))
                .doesNotContain("pw1234");
    }
}
