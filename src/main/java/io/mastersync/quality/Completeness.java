package io.mastersync.quality;

/** Share of rows whose value is present (not null, not blank). {@code NaN} for an empty dataset. */
public record Completeness(String column) implements Analyzer<CountState>, RowLevel {

    @Override
    public String metricName() {
        return "completeness";
    }

    @Override
    public CountState initial() {
        return new CountState();
    }

    @Override
    public CountState update(CountState state, Object value) {
        return state.add(!Values.isMissing(value));
    }

    @Override
    public boolean violates(Object value) {
        return Values.isMissing(value);
    }

    @Override
    public Metric metric(String dataset, CountState state) {
        return metric(dataset, state.ratio());
    }
}
