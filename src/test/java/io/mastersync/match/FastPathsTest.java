package io.mastersync.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.api.Test;

/**
 * The hand-written fast paths compute exactly what they replace: Jaro-Winkler as Commons Text computes it,
 * ASCII normalisation as the Unicode normaliser and regular expressions do, prepared comparisons as raw ones.
 */
class FastPathsTest {

    private static final String ALPHABET = "aabcdeeilmnorstuxAZ09 -.,'&äöüéßÅ";

    private static String random(Random rnd, int maxLength) {
        int n = rnd.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    @Test
    void jaroWinklerEqualsCommonsTextBitForBit() {
        JaroWinklerSimilarity reference = new JaroWinklerSimilarity();
        Random rnd = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            // short strings share characters often; some beyond 64 characters take the array path
            String a = random(rnd, i % 50 == 0 ? 90 : 14);
            String b = rnd.nextInt(4) == 0 ? mutate(a, rnd) : random(rnd, i % 50 == 0 ? 90 : 14);
            assertThat(JaroWinkler.similarity(a, b)).as("'%s' vs '%s'", a, b).isEqualTo(reference.apply(a, b));
        }
        for (String[] p : List.of(new String[] {"martha", "marhta"}, new String[] {"dixon", "dicksonx"},
                new String[] {"", ""}, new String[] {"", "a"}, new String[] {"ab", "ba"})) {
            assertThat(JaroWinkler.similarity(p[0], p[1])).isEqualTo(reference.apply(p[0], p[1]));
        }
    }

    private static String mutate(String s, Random rnd) {
        if (s.isEmpty()) {
            return "x";
        }
        StringBuilder sb = new StringBuilder(s);
        int at = rnd.nextInt(s.length());
        switch (rnd.nextInt(3)) {
            case 0 -> sb.setCharAt(at, ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
            case 1 -> sb.deleteCharAt(at);
            default -> {
                if (at + 1 < sb.length()) {
                    char c = sb.charAt(at);
                    sb.setCharAt(at, sb.charAt(at + 1));
                    sb.setCharAt(at + 1, c);
                }
            }
        }
        return sb.toString();
    }

    @Test
    void latin1NormalisationEqualsTheUnicodePath() {
        Random rnd = new Random(11);
        StringBuilder alphabet = new StringBuilder("aAzZ09 -.,'&/\t_!\u0100\u0301\u03a3\u2003");
        for (char c = 0x80; c < 0x100; c++) {
            alphabet.append(c);
        }
        for (int i = 0; i < 100_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = rnd.nextInt(20); j > 0; j--) {
                // mostly ASCII, as names are, with every Latin-1 character and a few beyond
                sb.append(rnd.nextInt(3) == 0 ? alphabet.charAt(rnd.nextInt(alphabet.length()))
                        : alphabet.charAt(rnd.nextInt(16)));
            }
            String s = sb.toString();
            assertThat(Text.normalize(s)).as("'%s'", s).isEqualTo(slowNormalize(s));
            assertThat(Text.normalizeDroppingPunctuation(s)).as("'%s'", s).isEqualTo(slowDroppingPunctuation(s));
        }
        assertThat(Text.normalize("  Café de l'Époque ")).isEqualTo("cafe de l epoque");
        assertThat(Text.normalizeDroppingPunctuation(" O'Brien,  Ærø ½ ")).isEqualTo("obrien ærø 1⁄2".replace("⁄", ""));
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    private static String slowNormalize(String s) {
        return fold(s).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    private static String slowDroppingPunctuation(String s) {
        return fold(s).replaceAll("[^\\p{L}\\p{N}\\s]+", "").replaceAll("\\s+", " ").trim();
    }

    @Test
    void preparedComparisonsEqualRawOnes() {
        preparedComparisonsEqualRawOnes(300); // few distinct values: a similarity table
        preparedComparisonsEqualRawOnes(Comparison.SMALL_TABLE + 500); // many: compared pair by pair
        preparedComparisonsEqualRawOnes(25_000); // hardly repeating: prepared per record
    }

    private static void preparedComparisonsEqualRawOnes(int size) {
        Random rnd = new Random(3);
        List<MatchRecord> recs = new java.util.ArrayList<>();
        for (int i = 0; i < size; i++) {
            recs.add(new MatchRecord("s", "k" + i, Map.of("v", i % 7 == 0 ? " " : random(rnd, 12) + "x")));
        }
        for (String method : List.of("exact", "exact-normalized", "jaro-winkler", "levenshtein", "jaccard-tokens",
                "token-set", "tfidf-cosine", "double-metaphone")) {
            Comparison c = new Comparison(new ComparisonSpec(method, "v", method, Comparators.defaultLevels(method),
                    false, Map.of()), recs);
            for (int a = 0; a < recs.size(); a += 3 * size / 300) {
                for (int b = 1; b < recs.size(); b += 7 * size / 300) {
                    Double raw = c.similarity(recs.get(a), recs.get(b));
                    double fast = c.similarity(a, b);
                    assertThat(Double.isNaN(fast) ? null : fast).as(method).isEqualTo(raw);
                    assertThat(c.level(a, b)).isEqualTo(c.level(recs.get(a), recs.get(b)));
                }
            }
        }
    }
}
