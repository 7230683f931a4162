package io.mastersync.quality;

/**
 * Exact number of distinct present values. Keeps every distinct value in memory up to
 * {@code maxDistinct}; beyond that it refuses to answer (use {@link ApproxDistinct}).
 */
public record DistinctCount(String column, int maxDistinct) implements Analyzer<FrequencyState> {

    public static final int DEFAULT_MAX_DISTINCT = 1_000_000;

    public DistinctCount(String column) {
        this(column, DEFAULT_MAX_DISTINCT);
    }

    @Override
    public String metricName() {
        return "distinct-count";
    }

    @Override
    public FrequencyState initial() {
        return new FrequencyState(maxDistinct);
    }

    @Override
    public FrequencyState update(FrequencyState state, Object value) {
        return Values.isMissing(value) ? state : state.add(Values.key(value));
    }

    @Override
    public Metric metric(String dataset, FrequencyState state) {
        if (state.overflowed()) {
            throw new MetricException("more than " + maxDistinct + " distinct values in '" + column
                    + "': exact count refused to protect memory; use approx-distinct");
        }
        return metric(dataset, (double) state.distinct());
    }
}
