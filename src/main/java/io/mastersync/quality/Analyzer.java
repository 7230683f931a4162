package io.mastersync.quality;

/**
 * Computes one statistic of a dataset or column in a single pass: start from {@link #initial()}, feed
 * every value with {@link #update}, {@link State#merge merge} the states of partitions, then turn the
 * final state into a {@link Metric}. Asserting on the metric is the job of a check, not of the analyzer.
 *
 * <p>Implementations are immutable value objects (records), so equal analyzers can share one state.
 */
public interface Analyzer<S extends State<S>> {

    /** The column read, or {@code null} for a dataset-level analyzer (it then sees every row). */
    String column();

    /**
     * The metric name as stored in the history, e.g. {@code completeness}; parameterised analyzers
     * add their parameter ({@code pattern-match:^\d+$}) so that two of them on one column stay apart.
     */
    String metricName();

    /** The state of an empty partition. */
    S initial();

    /**
     * Adds one value (the column's value, possibly {@code null}). May change {@code state} in place and
     * return it; the caller always continues with the returned state.
     */
    S update(S state, Object value);

    /** The metric of a final state; the value is {@code NaN} when it is undefined (e.g. mean of nothing). */
    Metric metric(String dataset, S state);

    /** Helper for implementations. */
    default Metric metric(String dataset, double value) {
        return new Metric(dataset, column(), metricName(), value);
    }
}
