package io.mastersync.quality;

/** Longest text length (in code points) of the present values of a column; {@code NaN} when none. */
public record MaxLength(String column) implements Analyzer<LengthState> {

    @Override
    public String metricName() {
        return "max-length";
    }

    @Override
    public LengthState initial() {
        return new LengthState();
    }

    @Override
    public LengthState update(LengthState state, Object value) {
        if (Values.isMissing(value)) {
            return state;
        }
        String text = Values.text(value);
        return state.add(text.codePointCount(0, text.length()));
    }

    @Override
    public Metric metric(String dataset, LengthState state) {
        return metric(dataset, state.max());
    }
}
