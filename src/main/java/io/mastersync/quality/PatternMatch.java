package io.mastersync.quality;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Share of present values whose whole text matches a regular expression; {@code NaN} when there is no
 * present value. Equal when column and expression are equal.
 */
public final class PatternMatch implements Analyzer<CountState>, RowLevel {

    private final String column;
    private final String regex;
    private final Pattern pattern;

    /** @throws PatternSyntaxException when the expression is not valid */
    public PatternMatch(String column, String regex) {
        this.column = Objects.requireNonNull(column, "column");
        this.regex = Objects.requireNonNull(regex, "regex");
        this.pattern = Pattern.compile(regex);
    }

    @Override
    public String column() {
        return column;
    }

    public String regex() {
        return regex;
    }

    @Override
    public String metricName() {
        return "pattern-match:" + regex;
    }

    @Override
    public CountState initial() {
        return new CountState();
    }

    @Override
    public CountState update(CountState state, Object value) {
        return Values.isMissing(value) ? state : state.add(matches(value));
    }

    private boolean matches(Object value) {
        return pattern.matcher(Values.text(value)).matches();
    }

    @Override
    public boolean violates(Object value) {
        return !Values.isMissing(value) && !matches(value);
    }

    @Override
    public Metric metric(String dataset, CountState state) {
        return metric(dataset, state.ratio());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PatternMatch p && p.column.equals(column) && p.regex.equals(regex);
    }

    @Override
    public int hashCode() {
        return Objects.hash(column, regex);
    }

    @Override
    public String toString() {
        return "PatternMatch[" + column + " ~ " + regex + "]";
    }
}
