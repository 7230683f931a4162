package io.mastersync.quality;

/**
 * Count, mean, sum of squared deviations (m2), minimum and maximum of numbers. Updated with Welford's
 * method and merged with Chan et al.'s parallel formula, so partitions combine without losing precision.
 */
public final class MomentsState implements State<MomentsState> {

    private long n;
    private double mean;
    private double m2;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    public MomentsState() {
    }

    private MomentsState(long n, double mean, double m2, double min, double max) {
        this.n = n;
        this.mean = mean;
        this.m2 = m2;
        this.min = min;
        this.max = max;
    }

    /** Adds a number; {@code NaN} (not a number) is ignored. */
    public MomentsState add(double x) {
        if (Double.isNaN(x)) {
            return this;
        }
        n++;
        double delta = x - mean;
        mean += delta / n;
        m2 += delta * (x - mean);
        min = Math.min(min, x);
        max = Math.max(max, x);
        return this;
    }

    public long n() {
        return n;
    }

    public double mean() {
        return n == 0 ? Double.NaN : mean;
    }

    public double m2() {
        return m2;
    }

    public double min() {
        return n == 0 ? Double.NaN : min;
    }

    public double max() {
        return n == 0 ? Double.NaN : max;
    }

    /** Population standard deviation. */
    public double stddev() {
        return n == 0 ? Double.NaN : Math.sqrt(m2 / n);
    }

    @Override
    public MomentsState merge(MomentsState o) {
        if (o.n == 0) {
            return new MomentsState(n, mean, m2, min, max);
        }
        if (n == 0) {
            return new MomentsState(o.n, o.mean, o.m2, o.min, o.max);
        }
        long total = n + o.n;
        double delta = o.mean - mean;
        double newMean = mean + delta * o.n / total;
        double newM2 = m2 + o.m2 + delta * delta * ((double) n * o.n / total);
        return new MomentsState(total, newMean, newM2, Math.min(min, o.min), Math.max(max, o.max));
    }

    /** Equal counts and extremes; mean and m2 within {@code tolerance} (relative for large values). */
    public boolean approximatelyEquals(MomentsState o, double tolerance) {
        return n == o.n && min == o.min && max == o.max && close(mean, o.mean, tolerance) && close(m2, o.m2, tolerance);
    }

    private static boolean close(double a, double b, double tolerance) {
        return Math.abs(a - b) <= tolerance * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
    }

    @Override
    public String toString() {
        return "MomentsState[n=" + n + ", mean=" + mean + ", m2=" + m2 + ", min=" + min + ", max=" + max + "]";
    }
}
