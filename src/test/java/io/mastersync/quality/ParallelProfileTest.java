package io.mastersync.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ParallelProfileTest {

    static final List<String> COLUMNS = List.of("source-key", "email", "country", "credit-limit", "changed", "note");

    /** Analyzers of every kind, a column that does not exist and one analyzer that fails part-way. */
    static List<Analyzer<?>> analyzers() {
        List<Analyzer<?>> analyzers = new ArrayList<>();
        analyzers.add(new Size());
        for (String c : COLUMNS) {
            analyzers.add(new Completeness(c));
            analyzers.add(new ApproxDistinct(c));
            analyzers.add(new Uniqueness(c));
            analyzers.add(new DistinctCount(c));
            analyzers.add(new MinLength(c));
            analyzers.add(new MaxLength(c));
            analyzers.add(new DataTypeShare(c));
            analyzers.add(new Histogram(c, 20));
            analyzers.add(new TopValues(c, 3, 100));
            analyzers.add(new Minimum(c));
            analyzers.add(new Maximum(c));
            analyzers.add(new Mean(c));
            analyzers.add(new StandardDeviation(c));
        }
        analyzers.add(new PatternMatch("email", "[a-z0-9]+@[a-z]+\\.de"));
        analyzers.add(new ContainedIn("country", "countries", List.of("DE", "FR", "AT")));
        analyzers.add(new Completeness("no-such-column"));
        analyzers.add(new FailsAt("note", 1234));
        return analyzers;
    }

    /** Rows in the order of {@link #COLUMNS}; several batches and a partial last one. */
    static List<Object[]> rows(int n) {
        Random random = new Random(42);
        String[] countries = {"DE", "FR", "AT", "XX", "", null};
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Object[] {"K" + random.nextInt(n), random.nextInt(5) == 0 ? null : "user" + random.nextInt(n) + "@x.de",
                    countries[random.nextInt(countries.length)], BigDecimal.valueOf(random.nextInt(10_000_000), 4),
                    LocalDateTime.of(2020, 1, 1, 0, 0).plusSeconds(random.nextInt(100_000_000)),
                    random.nextBoolean() ? " " : "note " + random.nextGaussian()});
        }
        return rows;
    }

    static List<Map<String, Object>> asMaps(List<Object[]> rows) {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Object[] row : rows) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int c = 0; c < COLUMNS.size(); c++) {
                map.put(COLUMNS.get(c), row[c]);
            }
            maps.add(map);
        }
        return maps;
    }

    static ProfileRunner runner() {
        return new ProfileRunner("customers", analyzers(), List.of("source-key", "no-such-column"), 3);
    }

    static AnalysisResult parallel(ProfileRunner runner, List<Object[]> rows, int threads) {
        try (ParallelProfile profile = new ParallelProfile(runner, COLUMNS, threads)) {
            rows.forEach(profile::accept);
            return profile.finish();
        }
    }

    static void assertSameResult(AnalysisResult actual, AnalysisResult expected) {
        // exact equality, doubles included: each analyzer saw the same values in the same order
        assertThat(actual.metrics()).isEqualTo(expected.metrics());
        assertThat(actual.errors()).isEqualTo(expected.errors());
        assertThat(actual.examples()).isEqualTo(expected.examples());
    }

    @Test
    void onAnyNumberOfThreadsTheResultIsExactlyThatOfOneSequentialPassByName() {
        // given
        List<Object[]> rows = rows(5 * ParallelProfile.BATCH_ROWS + 17);
        AnalysisResult sequential = runner().run(asMaps(rows));

        for (int threads = 1; threads <= 5; threads++) {
            // when
            AnalysisResult parallel = parallel(runner(), rows, threads);

            // then
            assertSameResult(parallel, sequential);
        }
        assertThat(sequential.errors()).containsOnlyKeys(new Completeness("no-such-column"), new FailsAt("note", 1234));
        assertThat(sequential.errors().get(new FailsAt("note", 1234))).isEqualTo("fails-at of 'note' failed: row 1234");
        assertThat(sequential.examples(new Completeness("email"))).hasSize(3);
    }

    @Test
    void rowsAsArraysGiveTheSameResultAsRowsByName() {
        // given
        List<Object[]> rows = rows(2000);
        ProfileRunner runner = runner();
        ProfileRunner.Partition byIndex = runner.newPartition(COLUMNS);

        // when
        rows.forEach(byIndex::accept);

        // then
        assertSameResult(runner.result(byIndex), runner.run(asMaps(rows)));
    }

    @Test
    void partitionsByArrayMergeLikePartitionsByName() {
        // given
        List<Object[]> rows = rows(1000);
        ProfileRunner runner = runner();
        ProfileRunner.Partition a = runner.newPartition(COLUMNS);
        ProfileRunner.Partition b = runner.newPartition(COLUMNS);

        // when
        rows.subList(0, 400).forEach(a::accept);
        rows.subList(400, 1000).forEach(b::accept);

        // then
        AnalysisResult merged = runner.result(a.merge(b));
        AnalysisResult whole = runner.run(asMaps(rows));
        assertThat(merged.errors()).isEqualTo(whole.errors());
        assertThat(merged.examples()).isEqualTo(whole.examples());
        assertThat(merged.metric(new Uniqueness("source-key"))).isEqualTo(whole.metric(new Uniqueness("source-key")));
    }

    @Test
    void noRowsGivesTheResultOfAnEmptyDataset() {
        assertSameResult(parallel(runner(), List.of(), 2), runner().run(List.of()));
    }

    @Test
    void aPartitionWithoutColumnsDoesNotTakeArrays() {
        ProfileRunner.Partition byName = runner().newPartition();
        assertThatThrownBy(() -> byName.accept(new Object[COLUMNS.size()])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyAnalyzerHasOneWorkerAndAColumnStaysOnOne() {
        // given
        List<Analyzer<?>> analyzers = analyzers();

        for (int threads = 1; threads <= 8; threads++) {
            // when
            List<int[]> shares = ParallelProfile.shares(analyzers, threads);

            // then
            // the columns, the dataset level (size) and the column that does not exist
            assertThat(shares).hasSize(Math.min(threads, COLUMNS.size() + 2));
            Set<Integer> seen = new HashSet<>();
            Map<String, Integer> workerOfColumn = new LinkedHashMap<>();
            for (int w = 0; w < shares.size(); w++) {
                for (int i : shares.get(w)) {
                    assertThat(seen.add(i)).as("analyzer %d assigned twice", i).isTrue();
                    Integer before = workerOfColumn.put(String.valueOf(analyzers.get(i).column()), w);
                    assertThat(before == null || before == w).as("column of analyzer %d split", i).isTrue();
                }
            }
            assertThat(seen).hasSize(analyzers.size());
        }
    }

    @Test
    void sharesAreBalancedByWeight() {
        List<Analyzer<?>> analyzers = analyzers();
        List<int[]> shares = ParallelProfile.shares(analyzers, 2);
        int[] load = new int[2];
        for (int w = 0; w < 2; w++) {
            for (int i : shares.get(w)) {
                load[w] += ParallelProfile.weight(analyzers.get(i));
            }
        }
        Map<String, Integer> weightOfColumn = new LinkedHashMap<>();
        for (Analyzer<?> a : analyzers) {
            weightOfColumn.merge(String.valueOf(a.column()), ParallelProfile.weight(a), Integer::sum);
        }
        int heaviestColumn = weightOfColumn.values().stream().max(Integer::compare).orElseThrow();
        assertThat(Math.abs(load[0] - load[1])).isLessThanOrEqualTo(heaviestColumn);
    }

    @Test
    void anErrorOnAWorkerReachesTheCaller() {
        // given an analyzer that throws an Error (not a failure of its metric: those are reported per analyzer)
        ProfileRunner runner = new ProfileRunner("customers", List.of(new Size(), new Completeness("email"),
                new BreaksAt("country", 700)));

        // when, then
        try (ParallelProfile profile = new ParallelProfile(runner, COLUMNS, 2)) {
            assertThatThrownBy(() -> {
                rows(100 * ParallelProfile.BATCH_ROWS).forEach(profile::accept);
                profile.finish();
            }).isInstanceOf(AssertionError.class).hasMessage("broken at 700");
        }
    }

    @Test
    void closingEarlyStopsTheWorkersAndFinishingTwiceIsRefused() throws InterruptedException {
        // given
        ParallelProfile profile = new ParallelProfile(runner(), COLUMNS, 3);
        rows(3 * ParallelProfile.BATCH_ROWS).forEach(profile::accept);

        // when
        profile.close();

        // then
        Thread.sleep(50);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("profile-") && t.isAlive()
                && t.getState() != Thread.State.TERMINATED);
        ParallelProfile done = new ParallelProfile(runner(), COLUMNS, 2);
        done.finish();
        assertThatThrownBy(done::finish).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> done.accept(new Object[COLUMNS.size()])).isInstanceOf(IllegalStateException.class);
        done.close();
    }

    /** Counts values and fails (a reported analyzer failure) at one row. */
    record FailsAt(String column, long row) implements Analyzer<CountState> {

        @Override
        public String metricName() {
            return "fails-at";
        }

        @Override
        public CountState initial() {
            return new CountState();
        }

        @Override
        public CountState update(CountState state, Object value) {
            if (state.total() == row) {
                throw new IllegalArgumentException("row " + row);
            }
            return state.add(true);
        }

        @Override
        public Metric metric(String dataset, CountState state) {
            return metric(dataset, state.total());
        }
    }

    /** Throws an Error at one row: a bug, not a metric that cannot be computed. */
    record BreaksAt(String column, long row) implements Analyzer<CountState> {

        @Override
        public String metricName() {
            return "breaks-at";
        }

        @Override
        public CountState initial() {
            return new CountState();
        }

        @Override
        public CountState update(CountState state, Object value) {
            if (state.total() == row) {
                throw new AssertionError("broken at " + row);
            }
            return state.add(true);
        }

        @Override
        public Metric metric(String dataset, CountState state) {
            return metric(dataset, state.total());
        }
    }
}
