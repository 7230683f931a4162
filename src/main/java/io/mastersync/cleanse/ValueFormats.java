package io.mastersync.cleanse;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.List;

import io.mastersync.cleanse.normalize.OptionalFraction;

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
     * An optional fraction of a second ({@code [.SSS]}) accepts 1 to 9 digits, see {@link OptionalFraction}.
     */
    public static DateTimeFormatter formatter(String pattern) {
        return OptionalFraction.appendPattern(new DateTimeFormatterBuilder(),
                        pattern.replace("yyyy", "uuuu").replace("yy", "uu"))
                .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
                .toFormatter()
                .withResolverStyle(ResolverStyle.STRICT);
    }
}
