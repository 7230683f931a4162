package io.mastersync.cleanse.normalize;

import java.time.DateTimeException;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compiles the {@code patterns} option of {@code date} and {@code timestamp} into strict formatters.
 *
 * <p>Patterns use {@link DateTimeFormatter} letters. Two adjustments make them do what a rules author means:
 * {@code y} is read as {@code u} (proleptic year), because with {@link ResolverStyle#STRICT} a {@code yyyy}
 * year-of-era needs an era and would never resolve; and a two-letter year {@code yy} is read with the
 * configured pivot year instead of the JDK's fixed 2000-2099. An optional fraction of a second ({@code [.SSS]})
 * accepts 1 to 9 digits ({@link OptionalFraction}). Immutable and thread-safe.
 */
final class DatePatterns {

    /** One compiled pattern with its source text for messages. */
    record Compiled(String pattern, DateTimeFormatter formatter) {
    }

    private final List<Compiled> compiled;

    private DatePatterns(List<Compiled> compiled) {
        this.compiled = List.copyOf(compiled);
    }

    /**
     * @param pivotYear first year of the 100-year window two-digit years fall into: with 1950, {@code 49} is
     *                  2049 and {@code 50} is 1950
     */
    static DatePatterns compile(List<String> patterns, int pivotYear, Locale locale, NormalizerOptions options) {
        List<Compiled> out = new ArrayList<>();
        for (String p : patterns) {
            try {
                out.add(new Compiled(p, formatter(p, pivotYear, locale)));
            } catch (IllegalArgumentException e) {
                throw options.invalid("patterns", "contains an invalid pattern '" + p + "': " + e.getMessage());
            }
        }
        return new DatePatterns(out);
    }

    List<Compiled> all() {
        return compiled;
    }

    private static DateTimeFormatter formatter(String pattern, int pivotYear, Locale locale) {
        DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive();
        StringBuilder pending = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
                pending.append(c);
                i++;
                continue;
            }
            if (!quoted && (c == 'y' || c == 'u')) {
                int run = 1;
                while (i + run < pattern.length() && pattern.charAt(i + run) == c) {
                    run++;
                }
                if (run == 2) {
                    OptionalFraction.appendPattern(b, pending.toString());
                    pending.setLength(0);
                    // Reduced value: the base date makes 'yy' the unique year in [pivot, pivot + 99].
                    b.appendValueReduced(ChronoField.YEAR, 2, 2, pivotYear);
                } else {
                    pending.append("u".repeat(run));
                }
                i += run;
                continue;
            }
            pending.append(c);
            i++;
        }
        if (quoted) {
            throw new IllegalArgumentException("unclosed quote");
        }
        OptionalFraction.appendPattern(b, pending.toString());
        return b.toFormatter(locale).withResolverStyle(ResolverStyle.STRICT);
    }

    /** Parses with one formatter; null when the text does not match it completely. */
    static TemporalAccessor tryParse(DateTimeFormatter f, String text) {
        try {
            return f.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** True for SAP-style empty dates such as {@code 00000000}, {@code 00.00.0000}, {@code 0000-00-00 00:00:00}. */
    static boolean isZeroDate(String text) {
        boolean digit = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '0') {
                digit = true;
            } else if (Character.isDigit(c) || Character.isLetter(c)) {
                return false;
            }
        }
        return digit;
    }
}
