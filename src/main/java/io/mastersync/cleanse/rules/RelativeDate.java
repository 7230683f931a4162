package io.mastersync.cleanse.rules;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date bound of a {@code date-range} check: an ISO date ({@code 1990-01-01}) or a date relative to the
 * day of the run ({@code today}, {@code today+1d}, {@code today-10y}; units d, w, m, y). Relative dates are
 * resolved on every use against the clock. Immutable.
 */
record RelativeDate(String text, LocalDate fixed, int amount, char unit) {

    private static final Pattern RELATIVE = Pattern.compile("today(?:\\s*([+-])\\s*(\\d{1,5})\\s*([dwmy]))?");

    /** @throws IllegalArgumentException when the text is neither an ISO date nor a relative date */
    static RelativeDate parse(String text) {
        String t = text.trim();
        Matcher m = RELATIVE.matcher(t);
        if (m.matches()) {
            if (m.group(1) == null) {
                return new RelativeDate(t, null, 0, 'd');
            }
            int n = Integer.parseInt(m.group(2));
            return new RelativeDate(t, null, "-".equals(m.group(1)) ? -n : n, m.group(3).charAt(0));
        }
        try {
            return new RelativeDate(t, LocalDate.parse(t), 0, 'd');
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date: write an ISO date such as 1990-01-01 or "
                    + "today, today+1d, today-10y (units d, w, m, y)");
        }
    }

    LocalDate resolve(Clock clock) {
        if (fixed != null) {
            return fixed;
        }
        LocalDate today = LocalDate.now(clock);
        switch (unit) {
            case 'w':
                return today.plusWeeks(amount);
            case 'm':
                return today.plusMonths(amount);
            case 'y':
                return today.plusYears(amount);
            default:
                return today.plusDays(amount);
        }
    }
}
