package io.mastersync.quality;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition on a metric value, written as {@code ">= 0.95"}, {@code "> 0"}, {@code "<= 10"},
 * {@code "< 5"}, {@code "== 1.0"} or {@code "between 900000 and 1100000"} (inclusive). Equality allows
 * a relative tolerance of 1e-9 so that computed shares compare as a steward expects.
 */
public record Assertion(String operator, double bound, double upper) {

    private static final double TOLERANCE = 1e-9;
    private static final String NUMBER = "([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)";
    private static final Pattern COMPARISON = Pattern.compile("\\s*(>=|<=|==|>|<)\\s*" + NUMBER + "\\s*");
    private static final Pattern BETWEEN = Pattern.compile("\\s*between\\s+" + NUMBER + "\\s+and\\s+" + NUMBER + "\\s*",
            Pattern.CASE_INSENSITIVE);

    /** @throws IllegalArgumentException naming what is wrong with the expression */
    public static Assertion parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("empty assertion; write e.g. \">= 0.95\" or \"between 1 and 10\"");
        }
        Matcher m = COMPARISON.matcher(expression);
        if (m.matches()) {
            return new Assertion(m.group(1), Double.parseDouble(m.group(2)), Double.NaN);
        }
        m = BETWEEN.matcher(expression);
        if (m.matches()) {
            double low = Double.parseDouble(m.group(1));
            double high = Double.parseDouble(m.group(2));
            if (low > high) {
                throw new IllegalArgumentException("'" + expression + "': lower bound is greater than upper bound");
            }
            return new Assertion("between", low, high);
        }
        throw new IllegalArgumentException("cannot read assertion '" + expression
                + "'; use >=, >, <=, <, == followed by a number, or 'between A and B'");
    }

    public boolean test(double value) {
        if (Double.isNaN(value)) {
            return false;
        }
        return switch (operator) {
            case ">=" -> value >= bound || equal(value, bound);
            case ">" -> value > bound && !equal(value, bound);
            case "<=" -> value <= bound || equal(value, bound);
            case "<" -> value < bound && !equal(value, bound);
            case "==" -> equal(value, bound);
            case "between" -> (value >= bound || equal(value, bound)) && (value <= upper || equal(value, upper));
            default -> throw new IllegalStateException("unknown operator " + operator);
        };
    }

    private static boolean equal(double a, double b) {
        return Math.abs(a - b) <= TOLERANCE * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
    }

    /** The expression in the form it is written in a rules file. */
    @Override
    public String toString() {
        if (operator.equals("between")) {
            return "between " + format(bound) + " and " + format(upper);
        }
        return operator + " " + format(bound);
    }

    /** For messages a steward reads: at most 4 decimals ({@code 0.9796}, not {@code 0.9795918367346939}). */
    static String display(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        return java.math.BigDecimal.valueOf(v).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
