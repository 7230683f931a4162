package io.mastersync.quality;

/** Estimated number of distinct present values with HyperLogLog (relative error about 1.04/sqrt(2^p)). */
public record ApproxDistinct(String column, int precision) implements Analyzer<HllState> {

    public static final int DEFAULT_PRECISION = 14;

    public ApproxDistinct {
        if (precision < HllState.MIN_PRECISION || precision > HllState.MAX_PRECISION) {
            throw new IllegalArgumentException("precision must be " + HllState.MIN_PRECISION + ".." + HllState.MAX_PRECISION);
        }
    }

    public ApproxDistinct(String column) {
        this(column, DEFAULT_PRECISION);
    }

    @Override
    public String metricName() {
        return "approx-distinct";
    }

    @Override
    public HllState initial() {
        return new HllState(precision);
    }

    @Override
    public HllState update(HllState state, Object value) {
        return Values.isMissing(value) ? state : state.add(Values.key(value));
    }

    @Override
    public Metric metric(String dataset, HllState state) {
        return metric(dataset, Math.rint(state.estimate()));
    }
}
