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
        return new Partition();
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

        private final State<?>[] states = new State<?>[analyzers.size()];
        private final String[] errors = new String[analyzers.size()];
        private final List<List<Map<String, String>>> examples = new ArrayList<>();

        private Partition() {
            for (int i = 0; i < states.length; i++) {
                states[i] = analyzers.get(i).initial();
                examples.add(new ArrayList<>());
            }
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
            Partition merged = new Partition();
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
