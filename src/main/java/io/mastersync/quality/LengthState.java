package io.mastersync.quality;

/** Shortest and longest text length of non-missing values. */
public final class LengthState implements State<LengthState> {

    private long n;
    private int min = Integer.MAX_VALUE;
    private int max = Integer.MIN_VALUE;

    public LengthState() {
    }

    private LengthState(long n, int min, int max) {
        this.n = n;
        this.min = min;
        this.max = max;
    }

    public LengthState add(int length) {
        n++;
        min = Math.min(min, length);
        max = Math.max(max, length);
        return this;
    }

    public long n() {
        return n;
    }

    public double min() {
        return n == 0 ? Double.NaN : min;
    }

    public double max() {
        return n == 0 ? Double.NaN : max;
    }

    @Override
    public LengthState merge(LengthState o) {
        return new LengthState(n + o.n, Math.min(min, o.min), Math.max(max, o.max));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LengthState l && l.n == n && l.min == min && l.max == max;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(n) * 31 + min * 17 + max;
    }

    @Override
    public String toString() {
        return "LengthState[n=" + n + ", min=" + min + ", max=" + max + "]";
    }
}
