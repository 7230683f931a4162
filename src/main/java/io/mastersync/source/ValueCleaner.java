package io.mastersync.source;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Set;

/**
 * Turns a value as found in a text file into the value handed on: strips surrounding blanks when asked,
 * maps the configured null markers to null, and reports the per-value defects that make a row
 * unusable (NUL bytes, bytes the encoding could not decode). Immutable and thread-safe.
 */
final class ValueCleaner {

    private static final char REPLACEMENT = '\uFFFD';

    private final boolean trim;
    private final Set<String> nullValues;
    /** The longest null marker: a longer value is no marker, without hashing it. */
    private final int longestNullValue;
    private final Charset encoding;

    ValueCleaner(boolean trim, Set<String> nullValues, Charset encoding) {
        this.trim = trim;
        this.nullValues = nullValues;
        this.longestNullValue = nullValues.stream().mapToInt(String::length).max().orElse(-1);
        this.encoding = encoding;
    }

    /**
     * The cleaned value, or null for a null marker; adds problems for the named column to {@code problems}.
     */
    String clean(String column, String value, List<RowProblem> problems) {
        if (value == null) {
            return null;
        }
        if (value.indexOf('\0') >= 0) {
            problems.add(new RowProblem(column, "nul-byte", "column '" + column + "' contains a NUL byte"));
        }
        if (value.indexOf(REPLACEMENT) >= 0) {
            // Decoding replaced bytes that are not valid in the encoding; a wrong 'encoding:' is the usual cause.
            problems.add(new RowProblem(column, "undecodable", "column '" + column + "' has bytes that are not valid "
                    + encoding.name() + " (shown as U+FFFD)"));
        }
        // Only blanks and tabs: String.trim() would also eat control characters such as NUL.
        String v = trim ? stripBlanks(value) : value;
        return v.length() <= longestNullValue && nullValues.contains(v) ? null : v;
    }

    static String stripBlanks(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isBlank(s.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(s.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
