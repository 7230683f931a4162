package io.mastersync.quality;

/** Longest text length (in code points) of the present values of a column; {@code NaN} when none. */
public record MaxLength(String column) implements LengthAnalyzer {

    @Override
    public String metricName() {
        return "max-length";
    }

    @Override
    public Metric metric(String dataset, LengthState state) {
        return metric(dataset, state.max());
    }
}
