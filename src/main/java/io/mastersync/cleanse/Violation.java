package io.mastersync.cleanse;

/**
 * One rule outcome against one row: which field, which rule, how bad, and the offending value.
 *
 * @param field    canonical field (or source column for read problems); null for a record-level rule
 * @param rule     the rule id: a constraint name ({@code NotBlank}, {@code Gtin}), a rules-file check id,
 *                 or a read-problem code ({@code column-count})
 * @param severity error rejects the row; warning loads it and flags it
 * @param message  human-readable, names the field and the value
 * @param value    the offending value as text, null when there was none
 */
public record Violation(String field, String rule, Severity severity, String message, String value) {

    public enum Severity {
        ERROR, WARNING;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static Violation error(String field, String rule, String message, String value) {
        return new Violation(field, rule, Severity.ERROR, message, value);
    }

    public static Violation warning(String field, String rule, String message, String value) {
        return new Violation(field, rule, Severity.WARNING, message, value);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
