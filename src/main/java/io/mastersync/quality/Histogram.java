package io.mastersync.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * Count of every distinct present value (detail, most frequent first); the value is the number of
 * buckets. At most {@code maxDistinct} buckets are kept; values beyond go to a final "(other)" bucket.
 */
public record Histogram(String column, int maxDistinct) implements Analyzer<FrequencyState> {

    public static final String OTHER = "(other)";

    public Histogram(String column) {
        this(column, TopValues.DEFAULT_MAX_DISTINCT);
    }

    @Override
    public String metricName() {
        return "histogram";
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
        List<Metric.Bucket> buckets = new ArrayList<>(state.top(Integer.MAX_VALUE));
        if (state.overflowed()) {
            buckets.add(new Metric.Bucket(OTHER, state.otherCount(), state.share(state.otherCount())));
        }
        return metric(dataset, (double) state.distinct()).withDetail(buckets);
    }
}
