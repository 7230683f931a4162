package io.mastersync.quality;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How analyzers see values: what counts as missing, the text of a value, its number and its type.
 * Values come either typed (canonical records: String, BigDecimal, LocalDateTime) or as legacy text.
 */
public final class Values {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][+-]?\\d+)?");

    private Values() {
    }

    /** Null or blank text: what completeness counts as missing. */
    public static boolean isMissing(Object value) {
        return value == null || (value instanceof CharSequence cs && cs.toString().isBlank());
    }

    /** The text of a value: plain notation for decimals, ISO for dates. */
    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toLocalDateTime().toString();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        return value.toString();
    }

    /**
     * The key two values are counted as equal by (distinct count, uniqueness, top values): decimals
     * compare by numeric value ({@code 1.50} equals {@code 1.5}), everything else by its text.
     */
    public static String key(Object value) {
        if (value instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        return text(value);
    }

    /**
     * A value as a number: numbers as they are, dates as epoch day, date-times as epoch seconds (UTC),
     * text when it parses as a decimal or ISO date; {@code NaN} when none of these.
     */
    public static double toDouble(Object value) {
        if (value == null) {
            return Double.NaN;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return epochSeconds(ts.toLocalDateTime());
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toEpochDay();
        }
        if (value instanceof LocalDate d) {
            return d.toEpochDay();
        }
        if (value instanceof LocalDateTime dt) {
            return epochSeconds(dt);
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toEpochSecond();
        }
        if (value instanceof ZonedDateTime zdt) {
            return zdt.toEpochSecond();
        }
        if (value instanceof Instant i) {
            return i.getEpochSecond() + i.getNano() / 1e9;
        }
        if (value instanceof Date d) {
            return d.getTime() / 1000.0;
        }
        if (value instanceof CharSequence cs) {
            String s = cs.toString().trim();
            if (DECIMAL.matcher(s).matches()) {
                return Double.parseDouble(s);
            }
            LocalDate date = parseDate(s);
            if (date != null) {
                return date.toEpochDay();
            }
            LocalDateTime dateTime = parseDateTime(s);
            if (dateTime != null) {
                return epochSeconds(dateTime);
            }
        }
        return Double.NaN;
    }

    /** The type of a non-missing value; text is classified by what it parses as. */
    public static DataType typeOf(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof java.math.BigInteger) {
            return DataType.INTEGER;
        }
        if (value instanceof Number) {
            return DataType.DECIMAL;
        }
        if (value instanceof Boolean) {
            return DataType.BOOLEAN;
        }
        if (value instanceof java.time.temporal.Temporal || value instanceof Date) {
            return DataType.DATE;
        }
        String s = text(value).trim();
        if (INTEGER.matcher(s).matches()) {
            return DataType.INTEGER;
        }
        if (DECIMAL.matcher(s).matches()) {
            return DataType.DECIMAL;
        }
        switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "false", "yes", "no" -> {
                return DataType.BOOLEAN;
            }
            default -> {
                // fall through to dates and text
            }
        }
        if (parseDate(s) != null || parseDateTime(s) != null) {
            return DataType.DATE;
        }
        return DataType.TEXT;
    }

    private static double epochSeconds(LocalDateTime dt) {
        return dt.toEpochSecond(ZoneOffset.UTC) + dt.getNano() / 1e9;
    }

    private static LocalDate parseDate(String s) {
        if (s.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDateTime parseDateTime(String s) {
        if (s.length() < 16 || s.length() > 29) {
            return null;
        }
        try {
            return LocalDateTime.parse(s.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
