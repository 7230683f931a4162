package io.mastersync.quality;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Computes many analyzers in one pass over rows. A chunked or partitioned job calls
 * {@link #newPartition()} per chunk, {@link Partition#accept accepts} its rows, {@link Partition#merge
 * merges} the partitions and asks for the {@link #result}. Equal analyzers are computed once.
 *
 * <p>An analyzer that fails (its column does not exist, its metric is refused) is reported in the result
 * with a message instead of failing the whole profile. For {@link RowLevel} analyzers the first few
 * violating rows are kept as examples (the example columns plus the analyzed column).
 */
public final class ProfileRunner {

    public static final int DEFAULT_MAX_EXAMPLES = 5;

    private final String dataset;
    private final List<Analyzer<?>> analyzers;
    private final List<String> exampleColumns;
    private final int maxExamples;

    public ProfileRunner(String dataset, Collection<? extends Analyzer<?>> analyzers) {
        this(dataset, analyzers, List.of(), DEFAULT_MAX_EXAMPLES);
    }

    /**
     * @param exampleColumns columns that identify a row in examples (e.g. {@code source-key})
     * @param maxExamples    violating rows kept per row-level analyzer
     */
    public ProfileRunner(String dataset, Collection<? extends Analyzer<?>> analyzers, List<String> exampleColumns,
            int maxExamples) {
        this.dataset = dataset;
        this.analyzers = List.copyOf(new LinkedHashSet<>(analyzers));
        this.exampleColumns = List.copyOf(exampleColumns);
        this.maxExamples = maxExamples;
    }

    public String dataset() {
        return dataset;
    }

    public List<Analyzer<?>> analyzers() {
        return analyzers;
    }

    public Partition newPartition() {
        return new Partition(null);
    }

    /**
     * A partition that also {@link Partition#accept(Object[]) accepts} rows as arrays of values in the order
     * of {@code columns}: each analyzer's column is looked up here once instead of by name for every value
     * (a million rows of twenty columns make some hundred million lookups).
     */
    public Partition newPartition(List<String> columns) {
        return new Partition(List.copyOf(columns));
    }

    /** One partition over all rows. */
    public AnalysisResult run(Iterable<? extends Map<String, ?>> rows) {
        Partition partition = newPartition();
        for (Map<String, ?> row : rows) {
            partition.accept(row);
        }
        return result(partition);
    }

    /** The metrics of the (merged) partition; failures become errors of their analyzer. */
    public AnalysisResult result(Partition partition) {
        Map<Analyzer<?>, Metric> metrics = new LinkedHashMap<>();
        Map<Analyzer<?>, String> errors = new LinkedHashMap<>();
        Map<Analyzer<?>, List<Map<String, String>>> examples = new LinkedHashMap<>();
        for (int i = 0; i < analyzers.size(); i++) {
            Analyzer<?> analyzer = analyzers.get(i);
            if (partition.errors[i] != null) {
                errors.put(analyzer, partition.errors[i]);
                continue;
            }
            try {
                metrics.put(analyzer, metricOf(analyzer, partition.states[i]));
            } catch (RuntimeException e) {
                errors.put(analyzer, e.getMessage() == null ? e.toString() : e.getMessage());
            }
            if (analyzer instanceof RowLevel) {
                examples.put(analyzer, List.copyOf(partition.examples.get(i)));
            }
        }
        return new AnalysisResult(dataset, metrics, errors, examples);
    }

    @SuppressWarnings("unchecked")
    private static <S extends State<S>> S update(Analyzer<S> analyzer, State<?> state, Object value) {
        return analyzer.update((S) state, value);
    }

    @SuppressWarnings("unchecked")
    private static <S extends State<S>> S merge(State<?> a, State<?> b) {
        return ((S) a).merge((S) b);
    }

    @SuppressWarnings("unchecked")
    private <S extends State<S>> Metric metricOf(Analyzer<S> analyzer, State<?> state) {
        return analyzer.metric(dataset, (S) state);
    }

    /** The states of all analyzers over one partition of the rows. Not thread-safe. */
    public final class Partition {

        /** Index of an analyzer's column in {@link #columns}: none (dataset level) or not there (an error). */
        private static final int NO_COLUMN = -1;
        private static final int UNKNOWN_COLUMN = -2;

        private final State<?>[] states = new State<?>[analyzers.size()];
        private final String[] errors = new String[analyzers.size()];
        private final List<List<Map<String, String>>> examples = new ArrayList<>();
        private final List<String> columns;
        private final int[] columnIndex;
        private final int[] exampleIndex;

        private Partition(List<String> columns) {
            for (int i = 0; i < states.length; i++) {
                states[i] = analyzers.get(i).initial();
                examples.add(new ArrayList<>());
            }
            this.columns = columns;
            this.columnIndex = columns == null ? null : new int[states.length];
            this.exampleIndex = columns == null ? null : new int[exampleColumns.size()];
            if (columns != null) {
                for (int i = 0; i < states.length; i++) {
                    String column = analyzers.get(i).column();
                    columnIndex[i] = column == null ? NO_COLUMN : indexOrUnknown(column);
                }
                for (int e = 0; e < exampleIndex.length; e++) {
                    exampleIndex[e] = indexOrUnknown(exampleColumns.get(e));
                }
            }
        }

        private int indexOrUnknown(String column) {
            int index = columns.indexOf(column);
            return index < 0 ? UNKNOWN_COLUMN : index;
        }

        public Partition accept(Map<String, ?> row) {
            return accept(RowAccessor.of(row));
        }

        public Partition accept(RowAccessor row) {
            for (int i = 0; i < states.length; i++) {
                if (errors[i] != null) {
                    continue;
                }
                Analyzer<?> analyzer = analyzers.get(i);
                String column = analyzer.column();
                Object value = null;
                if (column != null) {
                    value = row.get(column);
                    if (value == null && !row.has(column)) {
                        errors[i] = "column '" + column + "' does not exist in " + dataset;
                        continue;
                    }
                }
                try {
                    states[i] = update(analyzer, states[i], value);
                    if (analyzer instanceof RowLevel rowLevel && examples.get(i).size() < maxExamples
                            && rowLevel.violates(value)) {
                        examples.get(i).add(example(row, column, value));
                    }
                } catch (RuntimeException e) {
                    errors[i] = analyzer.metricName() + " of '" + column + "' failed: " + e.getMessage();
                }
            }
            return this;
        }

        /**
         * Adds a row given as its values in the order of the columns this partition was {@linkplain
         * ProfileRunner#newPartition(List) created with}; the same as {@link #accept(RowAccessor)} with those
         * names. The array is only read during the call.
         */
        public Partition accept(Object[] row) {
            requireColumns();
            for (int i = 0; i < states.length; i++) {
                if (errors[i] == null) {
                    acceptValue(i, row);
                }
            }
            return this;
        }

        /**
         * Adds {@code rows[0..count)} (as {@link #accept(Object[])} would, row after row) for some analyzers
         * (indexes into {@link #analyzers()}), one analyzer at a time over all the rows: each analyzer sees the
         * values in row order as before, and the processor sees one analyzer's code many times in a row instead
         * of a hundred different ones per row (a hundred mispredicted calls per row cost more than the work).
         */
        void accept(Object[][] rows, int count, int[] analyzerIndexes) {
            requireColumns();
            if (count == 0) {
                return;
            }
            for (int i : analyzerIndexes) {
                if (errors[i] == null) {
                    acceptColumn(i, rows, count);
                }
            }
        }

        private void acceptColumn(int i, Object[][] rows, int count) {
            Analyzer<?> analyzer = analyzers.get(i);
            int index = columnIndex[i];
            if (index == UNKNOWN_COLUMN) {
                errors[i] = "column '" + analyzer.column() + "' does not exist in " + dataset;
                return;
            }
            RowLevel rowLevel = analyzer instanceof RowLevel r ? r : null;
            List<Map<String, String>> found = examples.get(i);
            State<?> state = states[i];
            try {
                for (int r = 0; r < count; r++) {
                    Object value = index == NO_COLUMN ? null : rows[r][index];
                    state = update(analyzer, state, value);
                    if (rowLevel != null && found.size() < maxExamples && rowLevel.violates(value)) {
                        found.add(example(rows[r], analyzer.column(), value));
                    }
                }
            } catch (RuntimeException e) {
                errors[i] = analyzer.metricName() + " of '" + analyzer.column() + "' failed: " + e.getMessage();
            }
            states[i] = state;
        }

        /**
         * Takes over the state, error and examples of some analyzers from a partition that computed them (on
         * another thread): no merge, so the result is exactly that partition's.
         */
        void adopt(Partition from, int[] analyzerIndexes) {
            for (int i : analyzerIndexes) {
                states[i] = from.states[i];
                errors[i] = from.errors[i];
                examples.set(i, from.examples.get(i));
            }
        }

        private void requireColumns() {
            if (columnIndex == null) {
                throw new IllegalStateException("this partition was created without columns: accept rows by name");
            }
        }

        private void acceptValue(int i, Object[] row) {
            Analyzer<?> analyzer = analyzers.get(i);
            int index = columnIndex[i];
            if (index == UNKNOWN_COLUMN) {
                errors[i] = "column '" + analyzer.column() + "' does not exist in " + dataset;
                return;
            }
            Object value = index == NO_COLUMN ? null : row[index];
            try {
                states[i] = update(analyzer, states[i], value);
                if (analyzer instanceof RowLevel rowLevel && examples.get(i).size() < maxExamples
                        && rowLevel.violates(value)) {
                    examples.get(i).add(example(row, analyzer.column(), value));
                }
            } catch (RuntimeException e) {
                errors[i] = analyzer.metricName() + " of '" + analyzer.column() + "' failed: " + e.getMessage();
            }
        }

        private Map<String, String> example(Object[] row, String column, Object value) {
            Map<String, String> example = new LinkedHashMap<>();
            for (int e = 0; e < exampleIndex.length; e++) {
                if (exampleIndex[e] != UNKNOWN_COLUMN) {
                    example.put(exampleColumns.get(e), Values.text(row[exampleIndex[e]]));
                }
            }
            example.put(column, Values.text(value));
            return Collections.unmodifiableMap(example);
        }

        private Map<String, String> example(RowAccessor row, String column, Object value) {
            Map<String, String> example = new LinkedHashMap<>();
            for (String c : exampleColumns) {
                if (row.has(c)) {
                    example.put(c, Values.text(row.get(c)));
                }
            }
            example.put(column, Values.text(value));
            return Collections.unmodifiableMap(example);
        }

        /** This partition and {@code other} together (rows of this one first); neither is changed. */
        public Partition merge(Partition other) {
            Partition merged = new Partition(columns);
            for (int i = 0; i < states.length; i++) {
                merged.states[i] = ProfileRunner.merge(states[i], other.states[i]);
                merged.errors[i] = errors[i] != null ? errors[i] : other.errors[i];
                List<Map<String, String>> ex = merged.examples.get(i);
                ex.addAll(examples.get(i));
                for (Map<String, String> e : other.examples.get(i)) {
                    if (ex.size() < maxExamples) {
                        ex.add(e);
                    }
                }
            }
            return merged;
        }

        /** The current state of an analyzer of this runner (for tests and diagnostics). */
        public State<?> state(Analyzer<?> analyzer) {
            int i = analyzers.indexOf(analyzer);
            if (i < 0) {
                throw new IllegalArgumentException("not an analyzer of this runner: " + analyzer);
            }
            return states[i];
        }
    }
}
