package io.mastersync.quality;

/**
 * Smallest numeric values of a column (dates as epoch day, date-times as epoch seconds; see
 * {@link Values#toDouble}). Values that are not numbers or dates are ignored; {@code NaN} when none.
 */
public record Minimum(String column) implements MomentsAnalyzer {

    @Override
    public String metricName() {
        return "minimum";
    }

    @Override
    public Metric metric(String dataset, MomentsState state) {
        return metric(dataset, state.min());
    }
}
