package io.mastersync.quality;

/**
 * Largest numeric values of a column (dates as epoch day, date-times as epoch seconds; see
 * {@link Values#toDouble}). Values that are not numbers or dates are ignored; {@code NaN} when none.
 */
public record Maximum(String column) implements MomentsAnalyzer {

    @Override
    public String metricName() {
        return "maximum";
    }

    @Override
    public Metric metric(String dataset, MomentsState state) {
        return metric(dataset, state.max());
    }
}
