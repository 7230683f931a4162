package io.mastersync.quality;

/**
 * Share of present values that occur exactly once (1.0 for a key column). Exact up to 64-bit hash
 * collisions (see {@link UniqueHashState}: values are kept as hashes, so a key column of a million rows
 * costs tens of MB), with the same memory guard as {@link DistinctCount}. {@code NaN} when there is no
 * present value.
 */
public record Uniqueness(String column, int maxDistinct) implements Analyzer<UniqueHashState> {

    public Uniqueness(String column) {
        this(column, DistinctCount.DEFAULT_MAX_DISTINCT);
    }

    @Override
    public String metricName() {
        return "uniqueness";
    }

    @Override
    public UniqueHashState initial() {
        return new UniqueHashState(maxDistinct);
    }

    @Override
    public UniqueHashState update(UniqueHashState state, Object value) {
        return Values.isMissing(value) ? state : state.add(Values.key(value));
    }

    @Override
    public Metric metric(String dataset, UniqueHashState state) {
        if (state.overflowed()) {
            throw new MetricException("more than " + maxDistinct + " distinct values in '" + column
                    + "': exact uniqueness refused to protect memory");
        }
        return metric(dataset, state.nonMissing() == 0 ? Double.NaN : (double) state.singletons() / state.nonMissing());
    }
}
