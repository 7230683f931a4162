package io.mastersync.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A comparison with a unit field compares amounts only in the same unit: 100 EUR is not 100 GBP. */
class UnitFieldComparisonTest {

    @TempDir
    Path dir;

    private static final String[] FIELDS = {"list-price", "currency"};

    private static MatchRecord rec(String key, String price, String currency) {
        return MatchRecord.of("S", key, FIELDS, new String[] {price, currency});
    }

    @Test
    void pricesInDifferentCurrenciesAreNotComparedWhateverTheirAmounts() {
        List<MatchRecord> records = List.of(rec("1", "100.00", "EUR"), rec("2", "100.00", "GBP"),
                rec("3", "100.00", "eur "), rec("4", "100.00", null), rec("5", "250.00", "EUR"));
        ComparisonSpec spec = new ComparisonSpec("price", "list-price", "numeric", List.of(), false, Map.of(),
                "currency");
        Comparison priced = new Comparison(spec, records);
        Comparison plain = new Comparison(new ComparisonSpec("price", "list-price", "numeric"), records);

        assertThat(plain.level(0, 1)).as("without a unit the amounts agree").isZero();
        assertThat(priced.level(0, 1)).as("EUR against GBP").isEqualTo(Comparison.NULL_LEVEL);
        assertThat(priced.level(records.get(0), records.get(1))).isEqualTo(Comparison.NULL_LEVEL);
        assertThat(priced.level(0, 2)).as("units compare without case and blanks").isZero();
        assertThat(priced.level(0, 3)).as("a missing unit does not stop the comparison").isZero();
        assertThat(priced.level(0, 4)).as("same unit, other amount").isEqualTo(plain.level(0, 4)).isPositive();
    }

    @Test
    void theMatchFileKeyIsUnitField() throws Exception {
        Path f = Files.writeString(dir.resolve("m.yml"), """
                match:
                  blocking:
                    - id: name
                      key: [ {field: name} ]
                  comparisons:
                    - { id: price, field: list-price, method: numeric, unit-field: currency }
                """);

        MatchSettings s = MatchSettings.read(f);

        assertThat(s.comparisons().get(0).unitField()).isEqualTo("currency");
    }
}
