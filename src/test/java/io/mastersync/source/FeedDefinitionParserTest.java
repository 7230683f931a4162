package io.mastersync.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mastersync.canonical.EntityType;
import io.mastersync.yaml.DefinitionException;

class FeedDefinitionParserTest {

    @TempDir
    Path dir;

    private Path job(String yaml) throws IOException {
        Files.writeString(dir.resolve("data.csv"), "NR;NAME\n1;a\n");
        return Files.writeString(dir.resolve("feed.yml"), yaml);
    }

    private static final String VALID = """
            source-system: LEGACY
            entity: item
            source:
              kind: csv
              path: data.csv
              delimiter: ";"
            mapping:
              source-key: NR
              name: NAME
              currency: { value: EUR }
              sku: [NR, NAME]
            formats:
              decimal-separator: ","
              grouping-separator: "."
              timestamp: ["dd.MM.yyyy"]
            """;

    @Test
    void readsAFullDefinition() throws IOException {
        FeedDefinition def = FeedDefinitionParser.parse(job(VALID));

        assertThat(def.name()).isEqualTo("feed");
        assertThat(def.sourceSystem()).isEqualTo("LEGACY");
        assertThat(def.entity()).isEqualTo(EntityType.ITEM);
        assertThat(def.source()).isInstanceOf(CsvSourceSpec.class);
        assertThat(def.mapping().fields().get("currency")).isEqualTo(new ColumnMapping.Constant("EUR", 10));
        assertThat(def.mapping().fields().get("sku")).isInstanceOf(ColumnMapping.Columns.class)
                .extracting(s -> ((ColumnMapping.Columns) s).names()).asList().containsExactly("NR", "NAME");
        assertThat(def.formats().decimalSeparator()).isEqualTo(',');
        assertThat(def.formats().groupingSeparator()).isEqualTo('.');
        assertThat(def.chunkSize()).isPositive();
    }

    @Test
    void aQualityFileIsOptionalResolvedAgainstTheJobFileAndMustExist() throws IOException {
        assertThat(FeedDefinitionParser.parse(job(VALID)).qualityFile()).isEmpty();

        Files.writeString(dir.resolve("checks.yml"), "checks: []\n");
        assertThat(FeedDefinitionParser.parse(job(VALID + "quality: checks.yml\n")).qualityFile())
                .contains(dir.resolve("checks.yml").toAbsolutePath().normalize());

        Path missing = job(VALID + "quality: nowhere.yml\n");
        assertThatThrownBy(() -> FeedDefinitionParser.parse(missing))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining(missing + ":16:")
                .hasMessageContaining("quality-checks file not found");
    }

    @Test
    void aJdbcQueryWithAWatermarkIsAWatermarkSyncWithoutASyncBlock() throws IOException {
        String jdbc = """
                source-system: LEGACY
                entity: item
                source:
                  kind: jdbc
                  url: jdbc:postgresql://127.0.0.1/legacy
                  query: "SELECT nr, name, changed FROM items WHERE changed >= :watermark ORDER BY nr"
                mapping:
                  source-key: nr
                  name: name
                  last-changed: changed
                """;
        FeedDefinition def = FeedDefinitionParser.parse(job(jdbc));

        assertThat(def.sync().isWatermark()).as("the README's default: watermark for a :watermark query").isTrue();
        assertThat(def.sync().overlap()).isEqualTo(SyncSettings.DEFAULT.overlap());
        FeedDefinition snapshot = FeedDefinitionParser.parse(job(jdbc.replace(" WHERE changed >= :watermark", "")));
        assertThat(snapshot.sync().isWatermark()).isFalse();
        FeedDefinition block = FeedDefinitionParser.parse(job(jdbc + "sync:\n  overlap: 5m\n"));
        assertThat(block.sync().isWatermark()).isTrue();
    }

    @Test
    void anUnknownKeyNamesFileLineAndKey() throws IOException {
        Path job = job(VALID + "chunk-szie: 10\n");

        assertThatThrownBy(() -> FeedDefinitionParser.parse(job))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining(job + ":16:")
                .hasMessageContaining("unknown key 'chunk-szie'");
    }

    @Test
    void anUnknownCanonicalFieldIsRefusedWithItsLine() throws IOException {
        Path job = job(VALID.replace("  name: NAME", "  nmae: NAME"));

        assertThatThrownBy(() -> FeedDefinitionParser.parse(job))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining(":9:")
                .hasMessageContaining("unknown item field 'nmae'");
    }

    @Test
    void theSourceKeyMustBeMapped() throws IOException {
        Path job = job(VALID.replace("  source-key: NR\n", ""));

        assertThatThrownBy(() -> FeedDefinitionParser.parse(job)).hasMessageContaining("'source-key'");
    }

    @Test
    void anUnknownEntityAndABadTimestampPatternAreRefused() throws IOException {
        Path badEntity = job(VALID.replace("entity: item", "entity: vendor"));
        assertThatThrownBy(() -> FeedDefinitionParser.parse(badEntity)).hasMessageContaining(":2:")
                .hasMessageContaining("unknown entity 'vendor'");

        Path badPattern = job(VALID.replace("dd.MM.yyyy", "dd.MM.yyyy qq ppp {"));
        assertThatThrownBy(() -> FeedDefinitionParser.parse(badPattern)).hasMessageContaining("timestamp pattern");
    }

    @Test
    void aConstantAndAColumnTogetherAreRefused() throws IOException {
        Path job = job(VALID.replace("currency: { value: EUR }", "currency: { value: EUR, column: NR }"));

        assertThatThrownBy(() -> FeedDefinitionParser.parse(job)).hasMessageContaining("exactly one of");
    }
}
