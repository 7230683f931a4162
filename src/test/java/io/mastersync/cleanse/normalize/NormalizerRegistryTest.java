package io.mastersync.cleanse.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NormalizerRegistryTest {

    private final NormalizerRegistry registry = new NormalizerRegistry();

    @Test
    void knowsAllDocumentedNames() {
        assertThat(registry.names()).containsExactlyInAnyOrder("trim", "collapse-whitespace", "unicode",
                "remove-control", "upper", "lower", "title", "strip-punctuation", "map", "null-if", "country-iso2",
                "phone-e164", "decimal", "date", "timestamp", "sku", "gtin", "unit-of-measure", "weight-unit",
                "weight", "legal-form", "email", "vat-id");
    }

    @Test
    void everyNameThatNeedsNoOptionsCanBeCreatedWithDefaults() {
        for (String name : registry.names()) {
            if (name.equals("map") || name.equals("weight")) {
                continue; // these require options
            }
            assertThat(registry.create(name, Map.of())).as(name).isNotNull();
            assertThat(registry.create(name, null)).as(name).isNotNull();
        }
    }

    @Test
    void unknownNameListsKnownNames() {
        assertThatThrownBy(() -> registry.create("contry-iso2", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown normalizer 'contry-iso2'")
                .hasMessageContaining("country-iso2").hasMessageContaining("trim");
    }

    @Test
    void unknownOptionIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> registry.create("decimal", Map.of("locale", "de-DE", "grouping", ".")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("normalizer 'decimal'")
                .hasMessageContaining("unknown option 'grouping'")
                .hasMessageContaining("grouping-separator");
        assertThatThrownBy(() -> registry.create("trim", Map.of("locale", "de")))
                .hasMessageContaining("unknown option 'locale'").hasMessageContaining("takes no options");
    }

    @Test
    void invalidOptionValueIsNamed() {
        assertThatThrownBy(() -> registry.create("gtin", Map.of("output", "ean")))
                .hasMessageContaining("normalizer 'gtin': option 'output'").hasMessageContaining("ean");
    }

    @Test
    void resultsTellChangesAndProblemsApart() {
        NormalizerResult changed = NormalizerResult.of("a ", "a");
        assertThat(changed).isEqualTo(new NormalizerResult.Changed("a ", "a"));
        assertThat(changed.changed()).isTrue();
        assertThat(changed.isProblem()).isFalse();
        assertThat(NormalizerResult.of("a", "a")).isEqualTo(new NormalizerResult.Unchanged("a"));
        NormalizerResult problem = NormalizerResult.problem("x", "code", "bad 'x'");
        assertThat(problem.value()).isEqualTo("x");
        assertThat(problem.changed()).isFalse();
        assertThat(problem.isProblem()).isTrue();
        assertThatThrownBy(() -> new NormalizerResult.Changed("a", "a")).isInstanceOf(IllegalArgumentException.class);
        Map<String, String> withNull = new java.util.HashMap<>();
        withNull.put("legal-form", null);
        assertThat(NormalizerResult.of("a", "b", withNull).outputs()).containsEntry("legal-form", null);
    }

    @Test
    void recordContextOfCopiesTheMap() {
        Map<String, String> m = new java.util.HashMap<>(Map.of("country", "DE"));
        RecordContext ctx = RecordContext.of(m);
        m.put("country", "AT");
        assertThat(ctx.get("country")).isEqualTo("DE");
        assertThat(ctx.get("missing")).isNull();
        assertThat(RecordContext.empty().get("country")).isNull();
    }
}
