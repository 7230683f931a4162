package io.mastersync.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AnalyzerTest {

    static <S extends State<S>> S stateOf(Analyzer<S> analyzer, List<?> values) {
        S state = analyzer.initial();
        for (Object v : values) {
            state = analyzer.update(state, v);
        }
        return state;
    }

    static <S extends State<S>> Metric metricOf(Analyzer<S> analyzer, List<?> values) {
        return analyzer.metric("ds", stateOf(analyzer, values));
    }

    static List<Object> randomValues(long seed, int n) {
        Random random = new Random(seed);
        String[] words = {"DE", "FR", "AT", "ch", "x@y.de", "Müller & Söhne", "", " ", "12", "-3", "4.50", "true", "2024-01-31"};
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(7)) {
                case 0 -> values.add(null);
                case 1 -> values.add(words[random.nextInt(words.length)]);
                case 2 -> values.add(BigDecimal.valueOf(random.nextInt(100_000), 2));
                case 3 -> values.add(LocalDate.of(2000, 1, 1).plusDays(random.nextInt(9000)));
                case 4 -> values.add("SKU-" + random.nextInt(n));
                case 5 -> values.add(random.nextGaussian() * 1e6);
                default -> values.add(LocalDateTime.of(2020, 1, 1, 0, 0).plusSeconds(random.nextInt(1_000_000)));
            }
        }
        return values;
    }

    static Stream<Analyzer<?>> analyzers() {
        return Stream.of(new Size(), new Completeness("c"), new DistinctCount("c"), new Uniqueness("c"),
                new ApproxDistinct("c"), new ApproxDistinct("c", 6), new Minimum("c"), new Maximum("c"), new Mean("c"),
                new StandardDeviation("c"), new MinLength("c"), new MaxLength("c"), new PatternMatch("c", "[A-Z]{2}"),
                new TopValues("c", 3, 1000), new Histogram("c"), new DataTypeShare("c"),
                new DataTypeShare("c", DataType.DATE), new ContainedIn("c", "countries", List.of("DE", "FR", "AT")));
    }

    @ParameterizedTest
    @MethodSource("analyzers")
    void mergeOfPartsEqualsStateOfUnion(Analyzer<?> analyzer) {
        for (long seed = 1; seed <= 5; seed++) {
            List<Object> a = randomValues(seed, 300 + (int) seed * 37);
            List<Object> b = randomValues(seed * 1000, 200);
            assertMergeProperty(analyzer, a, b);
            assertMergeProperty(analyzer, List.of(), b);
            assertMergeProperty(analyzer, a, List.of());
        }
    }

    private static <S extends State<S>> void assertMergeProperty(Analyzer<S> analyzer, List<Object> a, List<Object> b) {
        S stateA = stateOf(analyzer, a);
        S stateB = stateOf(analyzer, b);
        List<Object> union = new ArrayList<>(a);
        union.addAll(b);
        S whole = stateOf(analyzer, union);

        S merged = stateA.merge(stateB);
        S mergedOtherWay = stateB.merge(stateA);

        if (merged instanceof MomentsState m) {
            assertThat(m.approximatelyEquals((MomentsState) whole, 1e-9)).as("%s vs %s", m, whole).isTrue();
            assertThat(((MomentsState) mergedOtherWay).approximatelyEquals((MomentsState) whole, 1e-9)).isTrue();
            Metric expected = analyzer.metric("ds", whole);
            assertThat(analyzer.metric("ds", merged).value()).isCloseTo(expected.value(),
                    within(1e-9 * Math.max(1, Math.abs(expected.value()))));
        } else {
            assertThat(merged).isEqualTo(whole);
            assertThat(mergedOtherWay).isEqualTo(whole);
            assertThat(analyzer.metric("ds", merged)).isEqualTo(analyzer.metric("ds", whole));
        }
        // merging does not change its inputs
        assertThat(stateA.toString()).isEqualTo(stateOf(analyzer, a).toString());
    }

    @Test
    void hllRegistersOfMergeAreIdenticalToRegistersOfUnion() {
        ApproxDistinct hll = new ApproxDistinct("c");
        List<Object> a = new ArrayList<>();
        List<Object> b = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            a.add("A" + i);
            b.add("A" + (i + 25_000));
        }
        List<Object> union = new ArrayList<>(a);
        union.addAll(b);
        HllState merged = stateOf(hll, a).merge(stateOf(hll, b));
        assertThat(merged.registers()).isEqualTo(stateOf(hll, union).registers());
        // 75,000 distinct values; precision 14 has a standard error of about 0.8%
        assertThat(hll.metric("ds", merged).value()).isCloseTo(75_000, within(75_000 * 0.03));
    }

    @Test
    void hllIsExactEnoughForSmallAndLargeCardinalitiesAndPrecisionIsConfigurable() {
        assertThat(metricOf(new ApproxDistinct("c"), List.of("a", "b", "c", "a", "b")).value()).isEqualTo(3);
        assertThat(metricOf(new ApproxDistinct("c"), Arrays.asList(null, "", null)).value()).isZero();
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 1_000_000; i++) {
            many.add("customer-" + i);
        }
        assertThat(metricOf(new ApproxDistinct("c"), many).value()).isCloseTo(1_000_000, within(30_000.0));
        assertThat(metricOf(new ApproxDistinct("c", 10), many).value()).isCloseTo(1_000_000, within(150_000.0));
        assertThat(new HllState(10).registers()).hasSize(1024);
        assertThatThrownBy(() -> new ApproxDistinct("c", 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HllState(10).merge(new HllState(12))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sizeAndCompleteness() {
        List<Object> values = Arrays.asList("a", null, "", "  ", "b", BigDecimal.ONE, "c", null);
        assertThat(metricOf(new Size(), values)).isEqualTo(new Metric("ds", null, "size", 8));
        assertThat(metricOf(new Completeness("c"), values)).isEqualTo(new Metric("ds", "c", "completeness", 4 / 8.0));
        assertThat(metricOf(new Completeness("c"), List.of()).value()).isNaN();
    }

    @Test
    void distinctCountAndUniqueness() {
        List<Object> values = Arrays.asList("a", "b", "b", null, "c", new BigDecimal("1.50"), new BigDecimal("1.5"), "");
        assertThat(metricOf(new DistinctCount("c"), values).value()).isEqualTo(4); // a, b, c, 1.5
        assertThat(metricOf(new Uniqueness("c"), values).value()).isEqualTo(2 / 6.0); // a and c once, of 6 present
        assertThat(metricOf(new Uniqueness("c"), List.of("k1", "k2", "k3")).value()).isEqualTo(1.0);
        assertThat(metricOf(new Uniqueness("c"), Arrays.asList(null, "")).value()).isNaN();
    }

    @Test
    void exactCountsRefuseToAnswerBeyondTheMemoryGuard() {
        List<Object> values = List.of("a", "b", "c", "d");
        FrequencyState state = stateOf(new DistinctCount("c", 3), values);
        assertThat(state.overflowed()).isTrue();
        assertThat(state.distinct()).isEqualTo(3);
        assertThatThrownBy(() -> new DistinctCount("c", 3).metric("ds", state))
                .isInstanceOf(MetricException.class).hasMessageContaining("more than 3 distinct values");
        assertThatThrownBy(() -> metricOf(new Uniqueness("c", 2), values)).isInstanceOf(MetricException.class);
        // merging two partitions that fit alone but not together trips the guard as well
        FrequencyState merged = stateOf(new DistinctCount("c", 3), List.of("a", "b"))
                .merge(stateOf(new DistinctCount("c", 3), List.of("c", "d")));
        assertThat(merged.overflowed()).isTrue();
        assertThat(merged.nonMissing()).isEqualTo(4);
    }

    @Test
    void uniquenessStateAgreesWithExactCountsUpToItsGuard() {
        Random random = new Random(11);
        for (int cap : new int[] {1, 50, 3000, 100_000}) {
            // given values with repeats, more distinct ones than the smaller guards allow
            UniqueHashState state = new UniqueHashState(cap);
            Map<String, Integer> counts = new HashMap<>();
            boolean overflowed = false;
            for (int i = 0; i < 20_000; i++) {
                String value = "v" + random.nextInt(12_000);

                // when
                state.add(value);

                // then it tracks what an exact count tracks (first come, first tracked)
                if (counts.containsKey(value)) {
                    counts.merge(value, 1, Integer::sum);
                } else if (counts.size() < cap) {
                    counts.put(value, 1);
                } else {
                    overflowed = true;
                }
            }
            assertThat(state.distinct()).isEqualTo(counts.size());
            assertThat(state.singletons()).isEqualTo(counts.values().stream().filter(c -> c == 1).count());
            assertThat(state.overflowed()).isEqualTo(overflowed);
            assertThat(state.nonMissing()).isEqualTo(20_000);
        }
    }

    @Test
    void decimalKeysAreThePlainTextWithoutTrailingZeros() {
        assertThat(Values.key(new BigDecimal("12.500"))).isEqualTo("12.5");
        assertThat(Values.key(new BigDecimal("4500.0000"))).isEqualTo("4500");
        assertThat(Values.key(new BigDecimal("-0.0100"))).isEqualTo("-0.01");
        assertThat(Values.key(new BigDecimal("0.000"))).isEqualTo("0");
        assertThat(Values.key(new BigDecimal("4.5E+3"))).isEqualTo("4500");
        Random random = new Random(3);
        for (int i = 0; i < 100_000; i++) {
            BigDecimal d = new BigDecimal(new java.math.BigInteger(1 + random.nextInt(90), random)
                    .multiply(java.math.BigInteger.valueOf(random.nextBoolean() ? 1 : -1)), random.nextInt(30) - 8);
            String expected = d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
            assertThat(Values.key(d)).as("%s", d).isEqualTo(expected);
        }
    }

    @Test
    void momentsOfNumbersAndDates() {
        List<Object> values = Arrays.asList(new BigDecimal("2"), 4, 4L, "4", 5.0, "5", "7", 9, null, "n/a", "");
        assertThat(metricOf(new Minimum("c"), values).value()).isEqualTo(2);
        assertThat(metricOf(new Maximum("c"), values).value()).isEqualTo(9);
        assertThat(metricOf(new Mean("c"), values).value()).isEqualTo(5);
        assertThat(metricOf(new StandardDeviation("c"), values).value()).isCloseTo(2.0, within(1e-12));
        assertThat(metricOf(new Mean("c"), Arrays.asList(null, "x")).value()).isNaN();

        List<Object> dates = List.of(LocalDate.of(2024, 1, 1), "2024-01-03", LocalDateTime.of(2024, 1, 2, 0, 0));
        assertThat(metricOf(new Minimum("c"), List.of(LocalDate.of(2024, 1, 1), "2024-01-03")).value())
                .isEqualTo(LocalDate.of(2024, 1, 1).toEpochDay());
        assertThat(metricOf(new Maximum("c"), dates.subList(0, 2)).value()).isEqualTo(LocalDate.of(2024, 1, 3).toEpochDay());
    }

    @Test
    void chanMergeIsStableForLargeOffsets() {
        MomentsState a = new MomentsState();
        MomentsState b = new MomentsState();
        MomentsState all = new MomentsState();
        for (int i = 0; i < 1000; i++) {
            double x = 1e9 + (i % 7);
            (i < 400 ? a : b).add(x);
            all.add(x);
        }
        assertThat(a.merge(b).approximatelyEquals(all, 1e-9)).isTrue();
        assertThat(a.merge(b).stddev()).isCloseTo(all.stddev(), within(1e-6));
    }

    @Test
    void lengths() {
        List<Object> values = Arrays.asList("ab", "Müller", null, "", "€", new BigDecimal("12.50"));
        assertThat(metricOf(new MinLength("c"), values).value()).isEqualTo(1);
        assertThat(metricOf(new MaxLength("c"), values).value()).isEqualTo(6);
        assertThat(metricOf(new MaxLength("c"), Arrays.asList((Object) null)).value()).isNaN();
    }

    @Test
    void patternMatchIsTheShareOfPresentValuesMatchingTheWholeText() {
        List<Object> values = Arrays.asList("a@b.de", "not an email", null, "x@y.com", "", "pre a@b.de");
        Metric m = metricOf(new PatternMatch("email", "[^@\\s]+@[^@\\s]+\\.[a-z]+"), values);
        assertThat(m.value()).isEqualTo(2 / 4.0);
        assertThat(m.name()).isEqualTo("pattern-match:[^@\\s]+@[^@\\s]+\\.[a-z]+");
        assertThat(new PatternMatch("c", "a+")).isEqualTo(new PatternMatch("c", "a+"));
    }

    @Test
    void topValuesAndHistogram() {
        List<Object> values = Arrays.asList("DE", "DE", "DE", "FR", "FR", "AT", null, "");
        Metric top = metricOf(new TopValues("country", 2, 100), values);
        assertThat(top.value()).isEqualTo(0.5);
        assertThat(top.detail()).containsExactly(new Metric.Bucket("DE", 3, 0.5), new Metric.Bucket("FR", 2, 2 / 6.0));

        Metric histogram = metricOf(new Histogram("country"), values);
        assertThat(histogram.value()).isEqualTo(3);
        assertThat(histogram.detail()).extracting(Metric.Bucket::value).containsExactly("DE", "FR", "AT");

        Metric capped = metricOf(new Histogram("country", 2), values);
        assertThat(capped.detail()).containsExactly(new Metric.Bucket("DE", 3, 0.5), new Metric.Bucket("FR", 2, 2 / 6.0),
                new Metric.Bucket(Histogram.OTHER, 1, 1 / 6.0));
    }

    @Test
    void dataTypeShares() {
        List<Object> values = Arrays.asList("12", "-3", "4.5", "1e3", "2024-02-29", "2024-02-30", "true", "No", "abc",
                7, new BigDecimal("1.2"), LocalDate.of(2024, 1, 1), null, "");
        Metric all = metricOf(new DataTypeShare("c"), values);
        assertThat(all.name()).isEqualTo("data-type");
        Map<String, Long> counts = new HashMap<>();
        all.detail().forEach(b -> counts.put(b.value(), b.count()));
        assertThat(counts).containsEntry("integer", 3L).containsEntry("decimal", 3L).containsEntry("date", 2L)
                .containsEntry("boolean", 2L).containsEntry("text", 2L);
        assertThat(all.detail().get(0).value()).isEqualTo("integer"); // ties go to the first declared type
        assertThat(all.value()).isEqualTo(3 / 12.0);
        Metric integers = metricOf(new DataTypeShare("c", DataType.INTEGER), List.of("1", "2", "x", "3"));
        assertThat(integers.name()).isEqualTo("data-type-share:integer");
        assertThat(integers.value()).isEqualTo(0.75);
    }

    @Test
    void textThatIsNoStringCountsLikeAString() {
        for (String s : List.of("", "  ", "12", " 4.5 ", "yes", "2024-01-31", "2024-01-31 10:00:00", "abc")) {
            StringBuilder text = new StringBuilder(s);
            assertThat(Values.isMissing(text)).as(s).isEqualTo(Values.isMissing(s));
            assertThat(Double.compare(Values.toDouble(text), Values.toDouble(s))).as(s).isZero();
            if (!Values.isMissing(s)) {
                assertThat(Values.typeOf(text)).as(s).isEqualTo(Values.typeOf(s));
            }
        }
    }

    @Test
    void booleanWordsAreTrueFalseYesNoInAnyCaseAndNothingElse() {
        assertThat(Stream.of("true", "FALSE", "Yes", "nO", " no ", "tRuE").map(Values::typeOf)).containsOnly(DataType.BOOLEAN);
        assertThat(Stream.of("n", "nope", "DE", "EUR", "truer", "tru", "ja", "oui", "yes!", "T").map(Values::typeOf))
                .containsOnly(DataType.TEXT);
        // the shortcut agrees with the plain case-insensitive comparison, characters outside ASCII included
        Random random = new Random(7);
        String alphabet = "nNoOyYeEsStTrRuUfFaAlLxDE\u017f\u0131\u0130\u212a\u00ff";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = 1 + random.nextInt(6); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = text.toString();
            boolean plain = s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false") || s.equalsIgnoreCase("yes")
                    || s.equalsIgnoreCase("no");
            assertThat(Values.typeOf(s) == DataType.BOOLEAN).as(s).isEqualTo(plain);
        }
    }

    @Test
    void containedInWithReferenceFile(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("countries.csv");
        Files.writeString(csv, "\uFEFFcode,name\n# comment\nDE,Germany\n\nFR , France\n\"AT\",\"Austria, Republic of\"\n");
        Set<String> withHeader = ContainedIn.readReference(csv, true);
        assertThat(withHeader).containsExactly("DE", "FR", "AT");
        assertThat(ContainedIn.readReference(csv, false)).containsExactly("code", "DE", "FR", "AT");

        ContainedIn analyzer = new ContainedIn("country", "countries.csv", withHeader);
        List<Object> values = Arrays.asList("DE", "FR", "XX", null, "", "AT", "de");
        assertThat(metricOf(analyzer, values).value()).isEqualTo(3 / 5.0);
        assertThat(analyzer.violates("XX")).isTrue();
        assertThat(analyzer.violates(null)).isFalse();
    }
}
