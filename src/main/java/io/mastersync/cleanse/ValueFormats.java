package io.mastersync.cleanse;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a feed writes typed values as text: decimal and grouping separators for numbers, and the
 * accepted patterns for timestamps (a date-only pattern means midnight). Immutable, thread-safe.
 *
 * @param decimalSeparator  the decimal mark, {@code .} by default
 * @param groupingSeparator the thousands separator, or null when numbers carry none
 * @param timestampPatterns java.time patterns tried in order
 */
public record ValueFormats(char decimalSeparator, Character groupingSeparator, List<String> timestampPatterns) {

    public static final List<String> DEFAULT_TIMESTAMP_PATTERNS = List.of(
            "yyyy-MM-dd'T'HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS]",
            "yyyy-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS]",
            "yyyy-MM-dd");

    public static final ValueFormats DEFAULT = new ValueFormats('.', null, DEFAULT_TIMESTAMP_PATTERNS);

    public ValueFormats {
        timestampPatterns = List.copyOf(timestampPatterns);
    }

    /** Compiled formatters, strict (no 31 February), defaulting a missing time to midnight. */
    public List<DateTimeFormatter> timestampFormatters() {
        return timestampPatterns.stream().map(ValueFormats::formatter).toList();
    }

    /**
     * Fails with IllegalArgumentException naming the pattern when it is not a valid java.time pattern.
     * An optional fraction of a second ({@code [.SSS]}, or several in a row such as {@code [.SSSSSS][.SSS]})
     * accepts 1 to 9 digits: databases and exports drop trailing zeros ({@code 10:11:12.13554}), which java.time's
     * fixed-width {@code S} fields would reject.
     */
    public static DateTimeFormatter formatter(String pattern) {
        String java = pattern.replace("yyyy", "uuuu").replace("yy", "uu");
        DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder();
        Matcher fraction = OPTIONAL_FRACTION.matcher(java);
        int from = 0;
        while (fraction.find()) {
            if (fraction.start() > from) {
                builder.appendPattern(java.substring(from, fraction.start()));
            }
            builder.optionalStart().appendLiteral(fraction.group(1))
                    .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, false).optionalEnd();
            from = fraction.end();
        }
        if (from < java.length()) {
            builder.appendPattern(java.substring(from));
        }
        return builder.parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
                .toFormatter()
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /** One or more optional sections holding only a separator and S letters, such as [.SSSSSS][.SSS]. */
    private static final Pattern OPTIONAL_FRACTION = Pattern.compile("(?:\\[([.,])S{1,9}\\])+");
}
