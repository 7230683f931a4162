package io.mastersync.cleanse.rules;

import java.util.List;

import io.mastersync.cleanse.FieldValues;
import io.mastersync.cleanse.Violation;

/**
 * A cross-field check: where {@code when} holds (or always, without it), {@code assertion} must hold.
 * Immutable and thread-safe.
 *
 * @param field optional field the violation is reported against (null: record level)
 * @param index the field's index, or -1
 */
record RecordCheck(String id, String field, int index, Violation.Severity severity, MessageTemplate message,
        RuleExpression when, RuleExpression assertion) {

    void check(FieldValues values, List<Violation> violations) {
        if (values.anyUnreadable(assertion.fields()) || (when != null && values.anyUnreadable(when.fields()))) {
            return; // the row is rejected for a value this check reads: one reason for one cause
        }
        String value = index < 0 ? null : values.get(index);
        try {
            if (when != null && !when.test(values)) {
                return;
            }
            if (assertion.test(values)) {
                return;
            }
        } catch (RuleExpression.EvaluationException e) {
            violations.add(new Violation(field, id, severity, id + ": cannot be evaluated: " + e.getMessage(), value));
            return;
        }
        String text = message != null ? message.render(values, field, value)
                : id + ": expected " + assertion + (when == null ? "" : " when " + when) + " " + show(values);
        violations.add(new Violation(field, id, severity, text, value));
    }

    /** The values of the fields the expressions read, e.g. {@code (country=US, postal-code=1234)}. */
    private String show(FieldValues values) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        if (when != null) {
            names.addAll(when.fields());
        }
        names.addAll(assertion.fields());
        StringBuilder sb = new StringBuilder("(");
        for (String name : names) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            String v = values.get(name);
            sb.append(name).append('=').append(v == null ? "(empty)" : v);
        }
        return sb.append(')').toString();
    }
}
