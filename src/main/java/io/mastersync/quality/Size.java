package io.mastersync.quality;

/** Number of rows of the dataset. */
public record Size() implements Analyzer<CountState> {

    @Override
    public String column() {
        return null;
    }

    @Override
    public String metricName() {
        return "size";
    }

    @Override
    public CountState initial() {
        return new CountState();
    }

    @Override
    public CountState update(CountState state, Object value) {
        return state.add(true);
    }

    @Override
    public Metric metric(String dataset, CountState state) {
        return metric(dataset, (double) state.total());
    }
}
