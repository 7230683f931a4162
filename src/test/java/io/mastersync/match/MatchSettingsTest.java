package io.mastersync.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mastersync.yaml.DefinitionException;

class MatchSettingsTest {

    @TempDir
    Path dir;

    static final String CUSTOMERS = """
            match:
              link: dedupe
              one-to-one: false
              blocking:
                - id: postcode-name
                  key: [ {field: postal-code}, {field: name, first: 3} ]
                - id: phone
                  key: [ {field: phone} ]
                - id: surname-sound
                  key: [ {field: name, token: last, phonetic: double-metaphone} ]
                - id: name-window
                  key: [ {field: name} ]
                  window: 5
              max-block-size: 500
              max-pairs-per-rule: 1000000
              comparisons:
                - id: name
                  field: name
                  method: jaro-winkler
                  levels: [1.0, 0.92, 0.80]
                  term-frequency: true
                - id: postal
                  field: postal-code
                  method: exact
                - { id: revenue, field: revenue, method: numeric, tolerance: 0.05, levels: [1.0, 0.8] }
              thresholds: { match: 0.9, review: 0.5 }
              em: { max-iterations: 30, tolerance: 0.001, sample-pairs: 100000 }
              clusters: { max-size: 20, min-density: 0.4 }
            """;

    @Test
    void parsesTheDocumentedShape() throws Exception {
        MatchSettings s = MatchSettings.read(write(CUSTOMERS));
        assertThat(s.link()).isEqualTo(LinkMode.DEDUPE);
        assertThat(s.blocking()).extracting(BlockingRule::id).containsExactly("postcode-name", "phone", "surname-sound",
                "name-window");
        assertThat(s.blocking().get(3).window()).isEqualTo(5);
        assertThat(s.blocking().get(0).key().describe()).isEqualTo("postal-code + name first=3");
        assertThat(s.maxBlockSize()).isEqualTo(500);
        assertThat(s.maxPairsPerRule()).isEqualTo(1_000_000L);
        assertThat(s.comparisons()).hasSize(3);
        assertThat(s.comparisons().get(0).termFrequency()).isTrue();
        assertThat(s.comparisons().get(1).levels()).containsExactly(1.0);
        assertThat(s.comparisons().get(2).params()).containsEntry("tolerance", "0.05");
        assertThat(s.thresholds()).isEqualTo(new Thresholds(0.9, 0.5));
        assertThat(s.em().maxIterations()).isEqualTo(30);
        assertThat(s.em().samplePairs()).isEqualTo(100_000);
        assertThat(s.clusters().maxSize()).isEqualTo(20);
        assertThat(s.clusters().minDensity()).isEqualTo(0.4);

        MatchRecord r = rec("1", "Anna Smith", "10115");
        assertThat(s.blocking().get(2).key().keys(r)).containsExactly("SM0");
    }

    @Test
    void tokenHouseReadsAStreetLine() throws Exception {
        MatchSettings s = MatchSettings.read(write(CUSTOMERS.replace("key: [ {field: phone} ]",
                "key: [ {field: street-1, token: house}, {field: name, first: 3} ]")));
        assertThat(s.blocking().get(1).key().describe()).isEqualTo("street-1 token=house + name first=3");
        MatchRecord r = new MatchRecord("s", "1", Map.of("street-1", "37 West 47th Street", "name", "Firman House"));
        assertThat(s.blocking().get(1).key().keys(r)).containsExactly("37 47th|fir");
    }

    @Test
    void unknownKeyIsAnErrorWithFileAndLine() throws Exception {
        Path f = write(CUSTOMERS.replace("      term-frequency: true", "      term-frequncy: true"));
        assertThatThrownBy(() -> MatchSettings.read(f)).isInstanceOf(DefinitionException.class)
                .hasMessageContaining(f.toString() + ":21:").hasMessageContaining("unknown key 'term-frequncy'");
    }

    @Test
    void aMisspeltRequiredKeyIsAnUnknownKeyOnItsLineNotAMissingOne() throws Exception {
        String text = CUSTOMERS.replaceFirst("(?m)^  comparisons:", "  comparison:");
        Path f = write(text);
        int line = (int) text.substring(0, text.indexOf("  comparison:")).lines().count() + 1;
        assertThatThrownBy(() -> MatchSettings.read(f)).isInstanceOf(DefinitionException.class)
                .hasMessageContaining(f.toString() + ":" + line + ":").hasMessageContaining("unknown key 'comparison'")
                .hasMessageContaining("comparisons");
    }

    @Test
    void unknownMethodAndBadLevelsAreErrors() throws Exception {
        Path f = write(CUSTOMERS.replace("method: exact", "method: soundex"));
        assertThatThrownBy(() -> MatchSettings.read(f)).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("unknown method 'soundex'").hasMessageContaining("jaro-winkler");
        Path g = write(CUSTOMERS.replace("[1.0, 0.92, 0.80]", "[0.8, 0.92]"));
        assertThatThrownBy(() -> MatchSettings.read(g)).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("descending");
        Path h = write(CUSTOMERS.replace("{ match: 0.9, review: 0.5 }", "{ match: 0.5, review: 0.9 }"));
        assertThatThrownBy(() -> MatchSettings.read(h)).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("review <= match");
        Path i = write(CUSTOMERS.replace("tolerance: 0.05", "tolerance: lots"));
        assertThatThrownBy(() -> MatchSettings.read(i)).isInstanceOf(DefinitionException.class);
    }

    @Test
    void defaultsApplyWhenSectionsAreLeftOut() throws Exception {
        MatchSettings s = MatchSettings.read(write("""
                match:
                  blocking:
                    - id: zip
                      key: [ {field: postal-code} ]
                  comparisons:
                    - { id: name, method: jaro-winkler }
                """));
        assertThat(s.link()).isEqualTo(LinkMode.DEDUPE);
        assertThat(s.maxBlockSize()).isEqualTo(1000);
        assertThat(s.thresholds()).isEqualTo(new Thresholds(0.95, 0.60));
        assertThat(s.comparisons().get(0).field()).isEqualTo("name");
        assertThat(s.comparisons().get(0).levels()).containsExactly(1.0, 0.92, 0.80);
        assertThat(s.em()).isEqualTo(EmSettings.DEFAULTS);
        assertThat(s.clusters()).isEqualTo(ClusterSettings.DEFAULTS);
    }

    @Test
    void endToEndOnSmallCustomerListExplainsTheScore() throws Exception {
        MatchSettings s = MatchSettings.read(write("""
                match:
                  blocking:
                    - id: zip
                      key: [ {field: postal-code} ]
                  comparisons:
                    - { id: name, method: jaro-winkler }
                    - { id: postal, field: postal-code, method: exact }
                  em: { u-sample-pairs: 0 }
                """));
        List<MatchRecord> recs = List.of(rec("1", "Anna Smith", "10115"), rec("2", "Anna Smyth", "10115"),
                rec("3", "Bernd Maier", "10115"), rec("4", "Carla Jones", "20095"), rec("5", "Carla Jonas", "20095"));
        MatchResult result = new Matcher(s).run(recs);
        assertThat(result.candidates().size()).isEqualTo(4);
        ScoredPair explained = result.model().score(0, 1, recs.get(0), recs.get(1));
        assertThat(explained.evidence()).extracting(Evidence::comparisonId).containsExactly("name", "postal");
        assertThat(explained.evidence().get(0).level()).isEqualTo(">=0.92");
        assertThat(explained.weight()).isCloseTo(result.model().priorWeight()
                + explained.evidence().stream().mapToDouble(Evidence::weight).sum(), org.assertj.core.data.Offset.offset(1e-9));
        double anna = explained.probability();
        double annaBernd = result.model().score(0, 2, recs.get(0), recs.get(2)).probability();
        assertThat(anna).isGreaterThan(annaBernd);
    }

    private Path write(String yaml) throws Exception {
        Path f = Files.createTempFile(dir, "match", ".yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private static MatchRecord rec(String key, String name, String zip) {
        Map<String, String> f = new HashMap<>();
        f.put("name", name);
        f.put("postal-code", zip);
        return new MatchRecord("crm", key, f);
    }
}
