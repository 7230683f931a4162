package io.mastersync.cleanse.normalize;

import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optional fractions of a second in java.time patterns. Exports and databases drop trailing zeros
 * ({@code 12:00:05.1355}), while java.time's {@code S} letters are fixed-width: a run of optional sections of
 * a separator and S letters ({@code [.SSS]}, {@code [.SSSSSS][.SSS]}, {@code [,SSS]}) is read as one optional
 * fraction of 1 to 9 digits. Stateless.
 */
public final class OptionalFraction {

    private static final Pattern SECTIONS = Pattern.compile("(?:\\[([.,])S{1,9}\\])+");

    private OptionalFraction() {
    }

    /** Appends {@code pattern} to {@code builder}, with its optional fractions as described above. */
    public static DateTimeFormatterBuilder appendPattern(DateTimeFormatterBuilder builder, String pattern) {
        Matcher fraction = SECTIONS.matcher(pattern);
        int from = 0;
        while (fraction.find()) {
            if (fraction.start() > from) {
                builder.appendPattern(pattern.substring(from, fraction.start()));
            }
            builder.optionalStart().appendLiteral(fraction.group(1))
                    .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, false).optionalEnd();
            from = fraction.end();
        }
        if (from < pattern.length()) {
            builder.appendPattern(pattern.substring(from));
        }
        return builder;
    }
}
