package io.mastersync.cleanse.normalize;

import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code date}: reads a date in one of several patterns and writes it as ISO {@code yyyy-MM-dd}.
 *
 * <p>Options:
 * <ul>
 *   <li>{@code patterns}: {@code |}-separated {@link java.time.format.DateTimeFormatter} patterns, default
 *       {@code yyyy-MM-dd}, e.g. {@code dd.MM.yyyy|MM/dd/yyyy|yyyyMMdd}. {@code d.M.yyyy} also reads
 *       {@code 01.02.2024};</li>
 *   <li>{@code pivot-year} (default 1950): first year of the window for two-digit years {@code yy}: a
 *       two-digit year becomes the year in [pivot, pivot + 99] with those last digits. With 1950,
 *       {@code 31.12.49} is 2049-12-31 and {@code 01.01.50} is 1950-01-01;</li>
 *   <li>{@code locale} (default {@code en}): language of month and day names ({@code MMM}, {@code EEE});</li>
 *   <li>{@code zero-as-null} (default true): SAP's empty date {@code 00000000} (any all-zero date) becomes
 *       null.</li>
 * </ul>
 * Resolution is strict ({@code 31.02.2024} is invalid). A value matching no pattern is a Problem
 * {@code invalid-date}; a value that two patterns read as different dates ({@code 01/02/2024} with both
 * {@code dd/MM/yyyy} and {@code MM/dd/yyyy}) is a Problem {@code ambiguous-date}, never a guess; if all
 * matching patterns agree ({@code 13/02/2024}) the date is used. Surrounding whitespace is ignored, blank
 * values pass unchanged. Thread-safe.
 */
public final class DateNormalizer implements Normalizer {

    private final DatePatterns patterns;
    private final boolean zeroAsNull;

    DateNormalizer(DatePatterns patterns, boolean zeroAsNull) {
        this.patterns = patterns;
        this.zeroAsNull = zeroAsNull;
    }

    static DateNormalizer create(NormalizerOptions options) {
        List<String> list = options.list("patterns", List.of("yyyy-MM-dd"));
        int pivot = options.integer("pivot-year", 1950);
        Locale locale = options.locale("locale", Locale.ENGLISH);
        boolean zero = options.bool("zero-as-null", true);
        return new DateNormalizer(DatePatterns.compile(list, pivot, locale, options), zero);
    }

    @Override
    public NormalizerResult apply(String value, RecordContext record) {
        if (value == null || value.isBlank()) {
            return new NormalizerResult.Unchanged(value);
        }
        String text = TextChars.trim(value);
        if (zeroAsNull && DatePatterns.isZeroDate(text)) {
            return new NormalizerResult.Changed(value, null);
        }
        Set<LocalDate> dates = new LinkedHashSet<>();
        List<String> matched = new ArrayList<>();
        for (DatePatterns.Compiled p : patterns.all()) {
            TemporalAccessor parsed = DatePatterns.tryParse(p.formatter(), text);
            LocalDate date = parsed == null ? null : parsed.query(TemporalQueries.localDate());
            if (date != null) {
                dates.add(date);
                matched.add(p.pattern());
            }
        }
        if (dates.isEmpty()) {
            return NormalizerResult.problem(value, "invalid-date", "'" + value + "' is not a valid date in "
                    + String.join(" | ", patterns.all().stream().map(DatePatterns.Compiled::pattern).toList()));
        }
        if (dates.size() > 1) {
            return NormalizerResult.problem(value, "ambiguous-date", "ambiguous date '" + value + "': "
                    + String.join(" or ", dates.stream().map(LocalDate::toString).toList())
                    + " (patterns " + String.join(", ", matched) + ")");
        }
        return NormalizerResult.of(value, dates.iterator().next().toString());
    }
}
