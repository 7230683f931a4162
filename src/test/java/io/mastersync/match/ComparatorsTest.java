package io.mastersync.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ComparatorsTest {

    @Test
    void exactIsCaseSensitiveAndExactNormalizedIsNot() {
        FieldComparator exact = Comparators.create("exact");
        FieldComparator norm = Comparators.create("exact-normalized");
        assertThat(exact.similarity("ACME", "ACME")).isEqualTo(1.0);
        assertThat(exact.similarity("ACME", "Acme")).isEqualTo(0.0);
        assertThat(norm.similarity("Müller-Lüdenscheidt GmbH.", "muller ludenscheidt gmbh")).isEqualTo(1.0);
        assertThat(norm.similarity("O'Brien, Café", "obrien cafe")).isEqualTo(1.0);
        assertThat(norm.similarity("Acme Inc.", "Globex Inc")).isEqualTo(0.0);
        assertThat(exact.similarity(null, "x")).isNull();
        assertThat(norm.similarity("x", "  ")).isNull();
    }

    @Test
    void jaroWinklerAndLevenshteinOnCloseAndFarValues() {
        FieldComparator jw = Comparators.create("jaro-winkler");
        FieldComparator lev = Comparators.create("levenshtein");
        assertThat(jw.similarity("Martha", "MARHTA")).isCloseTo(0.961, within(0.001));
        assertThat(jw.similarity("jonathan", "zebedee")).isLessThan(0.5);
        assertThat(lev.similarity("kitten", "sitting")).isCloseTo(1 - 3.0 / 7, within(1e-9));
        assertThat(lev.similarity("1804974", "1804974")).isEqualTo(1.0);
        assertThat(lev.similarity("abc", "xyz")).isEqualTo(0.0);
        assertThat(jw.similarity(null, "a")).isNull();
        assertThat(lev.similarity("a", null)).isNull();
    }

    @Test
    void tokenMeasures() {
        FieldComparator jaccard = Comparators.create("jaccard-tokens");
        FieldComparator set = Comparators.create("token-set");
        assertThat(jaccard.similarity("Acme Corp Ltd", "acme corp")).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(set.similarity("Acme Corp Ltd", "acme corp")).isEqualTo(1.0);
        assertThat(jaccard.similarity("red chair", "blue table")).isEqualTo(0.0);
        assertThat(set.similarity("", "x")).isNull();
    }

    @Test
    void tfidfWeighsRareTokensAboveCommonOnes() {
        List<String> corpus = List.of("black chair xr-200", "black table", "black lamp", "black sofa", "black desk",
                "white chair xr-310", "black shelf", "acme black chair");
        FieldComparator tfidf = Comparators.create("tfidf-cosine", Map.of(), corpus);
        double sharedModel = tfidf.similarity("black chair xr 200", "xr-200 chair white");
        double sharedCommon = tfidf.similarity("black lamp", "black sofa");
        assertThat(sharedModel).isGreaterThan(0.6);
        assertThat(sharedCommon).isLessThan(0.2);
        assertThat(tfidf.similarity("black lamp", "black lamp")).isCloseTo(1.0, within(1e-9));
        assertThat(tfidf.similarity(null, "black lamp")).isNull();
    }

    @Test
    void numericUsesRelativeClosenessWithTolerance() {
        FieldComparator num = Comparators.create("numeric", Map.of("tolerance", "0.01"), List.of());
        assertThat(num.similarity("100.00", "100.5")).isEqualTo(1.0);
        assertThat(num.similarity("100", "90")).isCloseTo(0.9, within(1e-9));
        assertThat(num.similarity("1,000.00", "1000")).isEqualTo(1.0);
        assertThat(num.similarity("5", "500")).isLessThan(0.1);
        assertThat(num.similarity("n/a", "5")).isNull();
        assertThat(num.similarity(null, "5")).isNull();
    }

    @Test
    void dateByDaysApart() {
        FieldComparator date = Comparators.create("date", Map.of("max-days", "100"), List.of());
        assertThat(date.similarity("2024-01-01", "20240101")).isEqualTo(1.0);
        assertThat(date.similarity("2024-01-01", "2024-01-11")).isCloseTo(0.9, within(1e-9));
        assertThat(date.similarity("2024-01-01", "2025-01-01")).isEqualTo(0.0);
        assertThat(date.similarity("2024-13-45", "2024-01-01")).isNull();
    }

    @Test
    void doubleMetaphoneIsPhoneticEquality() {
        FieldComparator dm = Comparators.create("double-metaphone");
        assertThat(dm.similarity("Smith", "Smyth")).isEqualTo(1.0);
        assertThat(dm.similarity("Catherine", "Kathryn")).isEqualTo(1.0);
        assertThat(dm.similarity("Smith", "Jones")).isEqualTo(0.0);
        assertThat(dm.similarity("", "Jones")).isNull();
    }

    @Test
    void gtinEqualAfterStrippingAndPadding() {
        FieldComparator gtin = Comparators.create("gtin");
        assertThat(gtin.similarity("4006381333931", "04006381333931")).isEqualTo(1.0);
        assertThat(gtin.similarity("400-638133393-1", "4006381333931")).isEqualTo(1.0);
        assertThat(gtin.similarity("4006381333931", "4006381333932")).isEqualTo(0.0);
        assertThat(gtin.similarity("n/a", "4006381333931")).isNull();
    }

    @Test
    void unknownMethodIsRejectedWithTheKnownNames() {
        assertThatThrownBy(() -> Comparators.create("soundex")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jaro-winkler");
    }

    @Test
    void levelsCutSimilarityAndNullIsItsOwnLevel() {
        List<MatchRecord> recs = List.of(rec("1", "Jonathan"), rec("2", "Jonathon"), rec("3", "Jon"), rec("4", null));
        Comparison c = new Comparison(new ComparisonSpec("name", "name", "jaro-winkler", List.of(1.0, 0.92, 0.80)), recs);
        assertThat(c.levelCount()).isEqualTo(4);
        assertThat(c.level(recs.get(0), recs.get(0))).isEqualTo(0);
        assertThat(c.label(0)).isEqualTo("exact");
        assertThat(c.level(recs.get(0), recs.get(1))).isEqualTo(1);
        assertThat(c.label(1)).isEqualTo(">=0.92");
        assertThat(c.level(recs.get(0), recs.get(2))).isEqualTo(2);
        assertThat(c.level(0.1)).isEqualTo(3);
        assertThat(c.label(3)).isEqualTo("else");
        assertThat(c.level(recs.get(0), recs.get(3))).isEqualTo(Comparison.NULL_LEVEL);
        assertThat(c.label(Comparison.NULL_LEVEL)).isEqualTo("null");
    }

    @Test
    void termFrequencyRewardsRareValues() {
        List<MatchRecord> recs = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            recs.add(rec("s" + i, "Smith"));
        }
        for (int i = 0; i < 50; i++) {
            recs.add(rec("o" + i, "Other" + i));
        }
        recs.add(rec("z1", "Zbigniewski"));
        recs.add(rec("z2", "Zbigniewski"));
        Comparison c = new Comparison(new ComparisonSpec("surname", "name", "exact", List.of(1.0), true, Map.of()), recs);
        double smith = c.termFrequencyAdjustment(recs.get(0), recs.get(1), 0);
        double rare = c.termFrequencyAdjustment(recs.get(100), recs.get(101), 0);
        assertThat(smith).isNegative();
        assertThat(rare).isGreaterThan(2.0);
        assertThat(c.termFrequencyAdjustment(recs.get(0), recs.get(60), 1)).isZero();
    }

    private static MatchRecord rec(String key, String name) {
        java.util.Map<String, String> f = new java.util.HashMap<>();
        f.put("name", name);
        return new MatchRecord("s", key, f);
    }
}
