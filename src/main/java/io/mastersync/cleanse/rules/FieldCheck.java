package io.mastersync.cleanse.rules;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.mastersync.cleanse.FieldValues;
import io.mastersync.cleanse.Violation;

/**
 * One declared check of one field. Every kind but {@code required} passes an empty value. Immutable and
 * thread-safe.
 */
abstract class FieldCheck {

    final String id;
    final String field;
    final int index;
    final Violation.Severity severity;
    final MessageTemplate message;
    final RuleExpression when;

    FieldCheck(Common c) {
        this.id = c.id();
        this.field = c.field();
        this.index = c.index();
        this.severity = c.severity();
        this.message = c.message();
        this.when = c.when();
    }

    /** What every check kind has in common, as read from the rules file. */
    record Common(String id, String field, int index, Violation.Severity severity, MessageTemplate message,
            RuleExpression when) {
    }

    /** Adds a violation when the field's current value breaks the check. */
    final void check(FieldValues values, List<Violation> violations) {
        if (values.isUnreadable(index) || (when != null && values.anyUnreadable(when.fields()))) {
            return; // the row is rejected for that value already: one reason for one cause
        }
        String value = values.get(index);
        if (value != null && value.isEmpty()) {
            value = null;
        }
        if (value == null && !(this instanceof Required)) {
            return;
        }
        if (when != null) {
            try {
                if (!when.test(values)) {
                    return;
                }
            } catch (RuleExpression.EvaluationException e) {
                violations.add(new Violation(field, id, severity, id + ": condition 'when' cannot be evaluated: "
                        + e.getMessage(), value));
                return;
            }
        }
        String problem = problem(value);
        if (problem != null) {
            String text = message == null ? problem : message.render(values, field, value);
            violations.add(new Violation(field, id, severity, text, value));
        }
    }

    /** The default message when the value breaks the check, otherwise null. */
    abstract String problem(String value);

    String quoted(String value) {
        return field + " '" + value + "'";
    }

    static final class Required extends FieldCheck {
        Required(Common c) {
            super(c);
        }

        @Override
        String problem(String value) {
            return value == null || value.isBlank() ? field + " is missing" : null;
        }
    }

    static final class Matches extends FieldCheck {
        private final Pattern pattern;

        Matches(Common c, Pattern pattern) {
            super(c);
            this.pattern = pattern;
        }

        @Override
        String problem(String value) {
            return pattern.matcher(value).matches() ? null
                    : quoted(value) + " does not match the pattern " + pattern.pattern();
        }
    }

    static final class AllowedValues extends FieldCheck {
        private final Set<String> allowed;
        private final boolean caseInsensitive;
        private final String source;

        /**
         * @param allowed values, upper-cased with the root locale when case-insensitive
         * @param source  for messages: the file name or the inline list
         */
        AllowedValues(Common c, Set<String> allowed, boolean caseInsensitive, String source) {
            super(c);
            this.allowed = allowed;
            this.caseInsensitive = caseInsensitive;
            this.source = source;
        }

        @Override
        String problem(String value) {
            String v = caseInsensitive ? value.toUpperCase(Locale.ROOT) : value;
            return allowed.contains(v) ? null : quoted(value) + " is not one of the allowed values (" + source + ")";
        }
    }

    static final class Length extends FieldCheck {
        private final Integer min;
        private final Integer max;

        Length(Common c, Integer min, Integer max) {
            super(c);
            this.min = min;
            this.max = max;
        }

        @Override
        String problem(String value) {
            int n = value.codePointCount(0, value.length());
            if (min != null && n < min) {
                return quoted(value) + " has " + n + " characters, fewer than " + min;
            }
            if (max != null && n > max) {
                return quoted(value) + " has " + n + " characters, more than " + max;
            }
            return null;
        }
    }

    static final class Range extends FieldCheck {
        private final BigDecimal min;
        private final BigDecimal max;

        Range(Common c, BigDecimal min, BigDecimal max) {
            super(c);
            this.min = min;
            this.max = max;
        }

        @Override
        String problem(String value) {
            BigDecimal n = RuleExpression.number(value);
            if (n == null) {
                return quoted(value) + " is not a number";
            }
            if (min != null && n.compareTo(min) < 0) {
                return quoted(value) + " is less than " + min.toPlainString();
            }
            if (max != null && n.compareTo(max) > 0) {
                return quoted(value) + " is greater than " + max.toPlainString();
            }
            return null;
        }
    }

    static final class DateRange extends FieldCheck {
        private final RelativeDate min;
        private final RelativeDate max;
        private final Clock clock;

        DateRange(Common c, RelativeDate min, RelativeDate max, Clock clock) {
            super(c);
            this.min = min;
            this.max = max;
            this.clock = clock;
        }

        @Override
        String problem(String value) {
            LocalDate date = date(value);
            if (date == null) {
                return quoted(value) + " is not an ISO date or timestamp";
            }
            if (min != null && date.isBefore(min.resolve(clock))) {
                return quoted(value) + " is before " + min.resolve(clock) + describe(min);
            }
            if (max != null && date.isAfter(max.resolve(clock))) {
                return quoted(value) + " is after " + max.resolve(clock) + describe(max);
            }
            return null;
        }

        private static String describe(RelativeDate bound) {
            return bound.fixed() == null ? " (" + bound.text() + ")" : "";
        }

        /** The date of an ISO date, local timestamp ({@code T} or space) or offset timestamp; else null. */
        static LocalDate date(String value) {
            String v = value.trim();
            try {
                if (v.length() == 10) {
                    return LocalDate.parse(v);
                }
                String t = v.length() > 10 && v.charAt(10) == ' ' ? v.substring(0, 10) + 'T' + v.substring(11) : v;
                char last = t.charAt(t.length() - 1);
                if (last == 'Z' || t.lastIndexOf('+') > 10 || t.lastIndexOf('-') > 10) {
                    return OffsetDateTime.parse(t).toLocalDate();
                }
                return LocalDateTime.parse(t).toLocalDate();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
