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

/**
 * How analyzers see values: what counts as missing, the text of a value, its number and its type.
 * Values come either typed (canonical records: String, BigDecimal, LocalDateTime) or as legacy text.
 */
public final class Values {


    // Text values are tested as String (a final class: one compare) before any interface. On Java 17 a test
    // against an interface (CharSequence, Temporal) searches the class's interfaces unless a one-entry cache
    // per class answers, and threads testing one class against different interfaces contend on that cache
    // (JDK-8180450, fixed in Java 23). Profiling on two threads took some 15% less CPU this way.

    private Values() {
    }

    /** Null or blank text: what completeness counts as missing. */
    public static boolean isMissing(Object value) {
        if (value instanceof String s) {
            if (s.isEmpty()) {
                return true;
            }
            char first = s.charAt(0);
            // most values start with a visible ASCII character: no scan (every analyzer asks, for every value)
            return (first <= ' ' || first >= 0x7F) && s.isBlank();
        }
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
            return d.signum() == 0 ? "0" : withoutTrailingZeros(d.toPlainString());
        }
        return text(value);
    }

    /**
     * The plain text of a decimal without trailing fractional zeros ({@code 12.50} as {@code 12.5}, {@code 4500.00}
     * as {@code 4500}): what {@code stripTrailingZeros().toPlainString()} gives, without dividing by ten per zero.
     */
    private static String withoutTrailingZeros(String plain) {
        if (plain.indexOf('.') < 0) {
            return plain;
        }
        int end = plain.length();
        while (plain.charAt(end - 1) == '0') {
            end--;
        }
        if (plain.charAt(end - 1) == '.') {
            end--;
        }
        return end == plain.length() ? plain : plain.substring(0, end);
    }

    /**
     * A value as a number: numbers as they are, dates as epoch day, date-times as epoch seconds (UTC),
     * text when it parses as a decimal or ISO date; {@code NaN} when none of these.
     */
    public static double toDouble(Object value) {
        if (value == null) {
            return Double.NaN;
        }
        if (value instanceof String s) {
            return textToDouble(s);
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
            return textToDouble(cs.toString());
        }
        return Double.NaN;
    }

    private static double textToDouble(String text) {
        String s = text.trim();
        if (numberKind(s) != NOT_A_NUMBER) {
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
        return Double.NaN;
    }

    /** The type of a non-missing value; text is classified by what it parses as. */
    public static DataType typeOf(Object value) {
        if (value instanceof String s) {
            return typeOfText(s);
        }
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
        return typeOfText(text(value));
    }

    private static DataType typeOfText(String text) {
        String s = text.trim();
        int number = numberKind(s);
        if (number == INTEGER_NUMBER) {
            return DataType.INTEGER;
        }
        if (number == DECIMAL_NUMBER) {
            return DataType.DECIMAL;
        }
        if (isBooleanWord(s)) {
            return DataType.BOOLEAN;
        }
        if (parseDate(s) != null || parseDateTime(s) != null) {
            return DataType.DATE;
        }
        return DataType.TEXT;
    }

    /**
     * true, false, yes or no in any case. Country and currency codes are as short as these words: the length
     * and the first letter rule most text out before a case-insensitive comparison (a character outside ASCII
     * might still match one, so it is compared).
     */
    private static boolean isBooleanWord(String s) {
        if (s.isEmpty() || s.length() > 5) {
            return false;
        }
        char first = s.charAt(0);
        if (first < 128 && "nNyYtTfF".indexOf(first) < 0) {
            return false;
        }
        return switch (s.length()) {
            case 2 -> s.equalsIgnoreCase("no");
            case 3 -> s.equalsIgnoreCase("yes");
            case 4 -> s.equalsIgnoreCase("true");
            case 5 -> s.equalsIgnoreCase("false");
            default -> false;
        };
    }

    private static double epochSeconds(LocalDateTime dt) {
        return dt.toEpochSecond(ZoneOffset.UTC) + dt.getNano() / 1e9;
    }

    private static final int NOT_A_NUMBER = 0;
    private static final int INTEGER_NUMBER = 1;
    private static final int DECIMAL_NUMBER = 2;

    /**
     * Whether text is an integer ({@code [+-]?\d+}), a decimal ({@code [+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?})
     * or neither: a hand-written scan, as this runs for every value of every text column profiled.
     */
    static int numberKind(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int intDigits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            intDigits++;
        }
        if (i == n) {
            return intDigits > 0 ? INTEGER_NUMBER : NOT_A_NUMBER;
        }
        int fracDigits = 0;
        if (s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                fracDigits++;
            }
        }
        if (intDigits == 0 && fracDigits == 0) {
            return NOT_A_NUMBER;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return NOT_A_NUMBER;
            }
        }
        return i == n ? DECIMAL_NUMBER : NOT_A_NUMBER;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Cheap shape test before parsing, so text that is no date never costs an exception. */
    private static boolean looksLikeIsoDate(String s) {
        return s.length() >= 10 && isDigit(s.charAt(0)) && isDigit(s.charAt(3)) && s.charAt(4) == '-' && s.charAt(7) == '-';
    }

    private static LocalDate parseDate(String s) {
        if (s.length() != 10 || !looksLikeIsoDate(s)) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDateTime parseDateTime(String s) {
        if (s.length() < 16 || s.length() > 29 || !looksLikeIsoDate(s)) {
            return null;
        }
        try {
            return LocalDateTime.parse(s.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
