package io.mastersync.cleanse.normalize;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code timestamp}: reads a date-time in one of several patterns and writes ISO-8601.
 *
 * <p>Options:
 * <ul>
 *   <li>{@code patterns}: {@code |}-separated patterns, default {@code yyyy-MM-dd'T'HH:mm:ss}, e.g.
 *       {@code dd.MM.yyyy HH:mm:ss|yyyyMMddHHmmss|yyyy-MM-dd HH:mm:ssXXX}. A date-only pattern gives
 *       midnight;</li>
 *   <li>{@code pivot-year} (default 1950), {@code locale} (default {@code en}), {@code zero-as-null}
 *       (default true): as for {@code date};</li>
 *   <li>{@code zone}: the time zone of the source system, e.g. {@code Europe/Berlin}. Values carrying an
 *       offset are converted to it for local output; values without one are taken to be in it;</li>
 *   <li>{@code output}: {@code local} (default) writes {@code 2024-03-01T12:00:00}; {@code utc} writes the
 *       instant {@code 2024-03-01T11:00:00Z} and needs {@code zone} (or an offset in every value).</li>
 * </ul>
 * A local time that does not exist in {@code zone} (DST gap) or exists twice (DST overlap) is a Problem
 * when converting to UTC, never a silent shift. Unparseable or ambiguous values are Problems as for
 * {@code date}. Seconds are always written; fractions only when present. Thread-safe.
 */
public final class TimestampNormalizer implements Normalizer {

    private static final DateTimeFormatter OUT_LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private final DatePatterns patterns;
    private final boolean zeroAsNull;
    private final ZoneId zone;
    private final boolean utc;

    TimestampNormalizer(DatePatterns patterns, boolean zeroAsNull, ZoneId zone, boolean utc) {
        this.patterns = patterns;
        this.zeroAsNull = zeroAsNull;
        this.zone = zone;
        this.utc = utc;
    }

    static TimestampNormalizer create(NormalizerOptions options) {
        List<String> list = options.list("patterns", List.of("yyyy-MM-dd'T'HH:mm:ss"));
        int pivot = options.integer("pivot-year", 1950);
        Locale locale = options.locale("locale", Locale.ENGLISH);
        boolean zero = options.bool("zero-as-null", true);
        String zoneName = options.string("zone", null);
        ZoneId zone = null;
        if (zoneName != null) {
            try {
                zone = ZoneId.of(zoneName.trim());
            } catch (DateTimeException e) {
                throw options.invalid("zone", "must be a time zone such as Europe/Berlin or UTC, not '" + zoneName + "'");
            }
        }
        boolean utc = options.choice("output", "local", "local", "utc").equals("utc");
        return new TimestampNormalizer(DatePatterns.compile(list, pivot, locale, options), zero, zone, utc);
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
        Set<String> results = new LinkedHashSet<>();
        NormalizerResult.Problem problem = null;
        for (DatePatterns.Compiled p : patterns.all()) {
            TemporalAccessor parsed = DatePatterns.tryParse(p.formatter(), text);
            if (parsed == null) {
                continue;
            }
            LocalDate date = parsed.query(TemporalQueries.localDate());
            if (date == null) {
                continue;
            }
            LocalTime time = parsed.query(TemporalQueries.localTime());
            LocalDateTime local = date.atTime(time == null ? LocalTime.MIDNIGHT : time);
            ZoneOffset offset = parsed.query(TemporalQueries.offset());
            String out;
            try {
                out = format(local, offset);
            } catch (DateTimeException e) {
                problem = new NormalizerResult.Problem(value, "invalid-timestamp", e.getMessage());
                continue;
            }
            results.add(out);
        }
        if (results.isEmpty() && problem == null) {
            // ISO whatever the patterns: how a JDBC source renders a typed timestamp
            try {
                results.add(format(LocalDateTime.parse(text), null));
            } catch (DateTimeException e) {
                // reported below
            }
        }
        if (results.isEmpty()) {
            return problem != null ? problem : NormalizerResult.problem(value, "invalid-timestamp",
                    "'" + value + "' is not a valid timestamp in "
                            + String.join(" | ", patterns.all().stream().map(DatePatterns.Compiled::pattern).toList()));
        }
        if (results.size() > 1) {
            return NormalizerResult.problem(value, "ambiguous-timestamp",
                    "ambiguous timestamp '" + value + "': " + String.join(" or ", results));
        }
        return NormalizerResult.of(value, results.iterator().next());
    }

    private String format(LocalDateTime local, ZoneOffset offset) {
        if (offset != null) {
            if (utc) {
                return local.atOffset(offset).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().format(OUT_LOCAL) + "Z";
            }
            return zone == null ? local.format(OUT_LOCAL)
                    : local.atOffset(offset).atZoneSameInstant(zone).toLocalDateTime().format(OUT_LOCAL);
        }
        if (!utc) {
            return local.format(OUT_LOCAL);
        }
        if (zone == null) {
            throw new DateTimeException("timestamp '" + local + "' has no offset and option 'zone' is not set");
        }
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            throw new DateTimeException("local time '" + local + "' does not exist in " + zone + " (daylight saving gap)");
        }
        if (offsets.size() > 1) {
            throw new DateTimeException("local time '" + local + "' occurs twice in " + zone + " (daylight saving overlap)");
        }
        return local.atOffset(offsets.get(0)).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().format(OUT_LOCAL) + "Z";
    }
}
