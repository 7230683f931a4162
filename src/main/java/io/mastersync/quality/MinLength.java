package io.mastersync.quality;

/** Shortest text length (in code points) of the present values of a column; {@code NaN} when none. */
public record MinLength(String column) implements LengthAnalyzer {

    @Override
    public String metricName() {
        return "min-length";
    }

    @Override
    public Metric metric(String dataset, LengthState state) {
        return metric(dataset, state.min());
    }
}
