package io.mastersync.cleanse.rules;

import io.mastersync.cleanse.Violation;

/**
 * A declared {@code unique: true} check: no two rows of the feed may share a (non-empty) value of the
 * field. It is not decided row by row (a restarted run has not seen the rows of its first attempt), so
 * {@link DeclaredRules#apply} skips it; the job runs it set-based in SQL after loading and flags or
 * rejects the rows involved.
 *
 * @param id       the check id
 * @param field    the canonical field (kebab-case); its staging column is {@code field.replace('-', '_')}
 * @param severity error or warning
 * @param message  the message template as written (placeholders {@code {field}}, {@code {value}}), or null
 *                 for the default
 */
public record UniqueCheck(String id, String field, Violation.Severity severity, String message) {

    /** The message for one duplicate value. */
    public String messageFor(String value) {
        String v = value == null ? "(empty)" : value;
        if (message == null) {
            return field + " '" + v + "' occurs more than once in the feed";
        }
        return message.replace("{field}", field).replace("{value}", v);
    }
}
