package io.mastersync.cleanse.rules;

/**
 * A filter: rows for which {@code when} holds are left out of the load (counted as filtered, neither
 * loaded nor rejected). Immutable.
 *
 * @param message the reason recorded for filtered rows, null for the default
 */
record RowFilter(String id, RuleExpression when, MessageTemplate message) {
}
