package io.mastersync.quality;

import java.util.List;

/** Decides whether a metric value is anomalous given the values of earlier runs. */
public sealed interface AnomalyStrategy permits AnomalyStrategy.RelativeChange, AnomalyStrategy.DeviationFromMean {

    /** How many earlier runs the strategy looks at. */
    int historyNeeded();

    /** The expectation in words. */
    String describe();

    /**
     * @param history values of earlier runs, oldest first, never empty
     * @return whether the value is normal, with the reason
     */
    Verdict judge(double current, List<Double> history);

    /** Whether the value is normal, with an explanation either way. */
    record Verdict(boolean normal, String message) {
    }

    /**
     * Relative change against the previous run: fails when the value dropped by more than
     * {@code maxDecrease} or grew by more than {@code maxIncrease} (fractions, e.g. 0.10; null = no limit).
     */
    record RelativeChange(Double maxDecrease, Double maxIncrease) implements AnomalyStrategy {

        public RelativeChange {
            if (maxDecrease == null && maxIncrease == null) {
                throw new IllegalArgumentException("relative-change needs max-decrease and/or max-increase");
            }
            if ((maxDecrease != null && maxDecrease < 0) || (maxIncrease != null && maxIncrease < 0)) {
                throw new IllegalArgumentException("max-decrease and max-increase must not be negative");
            }
        }

        @Override
        public int historyNeeded() {
            return 1;
        }

        @Override
        public String describe() {
            StringBuilder s = new StringBuilder("change vs previous run");
            if (maxDecrease != null) {
                s.append(", decrease at most ").append(percent(maxDecrease));
            }
            if (maxIncrease != null) {
                s.append(", increase at most ").append(percent(maxIncrease));
            }
            return s.toString();
        }

        @Override
        public Verdict judge(double current, List<Double> history) {
            double previous = history.get(history.size() - 1);
            String values = " (" + Assertion.format(previous) + " -> " + Assertion.format(current) + ")";
            if (previous == 0) {
                boolean normal = current == 0 || maxIncrease == null || current < 0 && maxDecrease == null;
                return new Verdict(normal, (current == 0 ? "unchanged" : "changed from 0") + values);
            }
            double change = (current - previous) / Math.abs(previous);
            String message = "changed by " + signedPercent(change) + values;
            if (maxDecrease != null && -change > maxDecrease + 1e-12) {
                return new Verdict(false, message + "; allowed decrease " + percent(maxDecrease));
            }
            if (maxIncrease != null && change > maxIncrease + 1e-12) {
                return new Verdict(false, message + "; allowed increase " + percent(maxIncrease));
            }
            return new Verdict(true, message);
        }
    }

    /**
     * Deviation from the mean of the last {@code window} runs: fails when the value is more than
     * {@code maxDeviations} sample standard deviations away. Needs at least two earlier runs.
     */
    record DeviationFromMean(int window, double maxDeviations) implements AnomalyStrategy {

        public DeviationFromMean {
            if (window < 2) {
                throw new IllegalArgumentException("window must be at least 2 runs, got " + window);
            }
            if (!(maxDeviations > 0)) {
                throw new IllegalArgumentException("max-deviations must be positive, got " + maxDeviations);
            }
        }

        @Override
        public int historyNeeded() {
            return window;
        }

        @Override
        public String describe() {
            return "within " + Assertion.format(maxDeviations) + " standard deviations of the mean of the last "
                    + window + " runs";
        }

        @Override
        public Verdict judge(double current, List<Double> history) {
            if (history.size() < 2) {
                return new Verdict(true, "only " + history.size() + " earlier run; need 2 to judge deviation");
            }
            double mean = history.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double ss = 0;
            for (double v : history) {
                ss += (v - mean) * (v - mean);
            }
            double sd = Math.sqrt(ss / (history.size() - 1));
            double distance = Math.abs(current - mean);
            String base = "mean of last " + history.size() + " runs " + round(mean) + ", standard deviation " + round(sd);
            if (sd <= 1e-12 * Math.max(1, Math.abs(mean))) {
                boolean normal = distance <= 1e-9 * Math.max(1, Math.abs(mean));
                return new Verdict(normal, base + (normal ? "; value unchanged" : "; history was constant and the value moved"));
            }
            double deviations = distance / sd;
            return new Verdict(deviations <= maxDeviations,
                    base + "; value is " + round(deviations) + " standard deviations away");
        }
    }

    private static String percent(double fraction) {
        return Assertion.format(Math.round(fraction * 10000) / 100.0) + "%";
    }

    private static String signedPercent(double fraction) {
        return (fraction >= 0 ? "+" : "") + percent(fraction);
    }

    private static String round(double v) {
        return Assertion.format(Math.round(v * 1000) / 1000.0);
    }
}
