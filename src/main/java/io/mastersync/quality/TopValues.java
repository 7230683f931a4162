package io.mastersync.quality;

import java.util.List;

/**
 * The {@code k} most frequent present values with counts and shares (detail); the value is the share
 * of the most frequent one (a column filled with one default value shows up near 1.0). Counts are exact
 * for the first {@code maxDistinct} distinct values; later new values are counted as "(other)".
 */
public record TopValues(String column, int k, int maxDistinct) implements Analyzer<FrequencyState> {

    public static final int DEFAULT_K = 10;
    public static final int DEFAULT_MAX_DISTINCT = 10_000;

    public TopValues(String column) {
        this(column, DEFAULT_K, DEFAULT_MAX_DISTINCT);
    }

    @Override
    public String metricName() {
        return "top-values";
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
        List<Metric.Bucket> top = state.top(k);
        double value = top.isEmpty() ? Double.NaN : top.get(0).share();
        return metric(dataset, value).withDetail(top);
    }
}
