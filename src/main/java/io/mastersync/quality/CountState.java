package io.mastersync.quality;

/** Two counters: how many values matched a condition out of how many were considered. */
public final class CountState implements State<CountState> {

    private long matched;
    private long total;

    public CountState() {
    }

    public CountState(long matched, long total) {
        this.matched = matched;
        this.total = total;
    }

    public long matched() {
        return matched;
    }

    public long total() {
        return total;
    }

    /** Counts one value, matched or not; returns this state. */
    public CountState add(boolean isMatch) {
        total++;
        if (isMatch) {
            matched++;
        }
        return this;
    }

    /** matched / total, or {@code NaN} when nothing was considered. */
    public double ratio() {
        return total == 0 ? Double.NaN : (double) matched / total;
    }

    @Override
    public CountState merge(CountState other) {
        return new CountState(matched + other.matched, total + other.total);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CountState c && c.matched == matched && c.total == total;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(matched) * 31 + Long.hashCode(total);
    }

    @Override
    public String toString() {
        return "CountState[" + matched + "/" + total + "]";
    }
}
