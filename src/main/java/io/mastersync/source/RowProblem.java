package io.mastersync.source;

/**
 * A defect of a single source row found while reading it (wrong column count, NUL byte, undecodable
 * bytes, unclosed quote). The row is still delivered so that it can be rejected with this reason.
 *
 * @param column the source column concerned, or null when the problem is the whole row
 * @param code   short stable code, e.g. {@code column-count}, {@code nul-byte}, {@code undecodable}
 * @param message human-readable explanation naming what was found
 */
public record RowProblem(String column, String code, String message) {
}
