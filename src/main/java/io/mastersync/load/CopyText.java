package io.mastersync.load;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * Appends values in PostgreSQL's COPY text format: tab between columns, {@code \N} for null, and
 * backslash escapes for the characters the format reserves. Not thread-safe (wraps a StringBuilder).
 */
final class CopyText {

    private final StringBuilder out;
    private boolean firstInRow = true;

    CopyText(StringBuilder out) {
        this.out = out;
    }

    CopyText value(Object value) {
        if (!firstInRow) {
            out.append('\t');
        }
        firstInRow = false;
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (value instanceof LocalDateTime t) {
            out.append(t);
        } else if (value instanceof Number n) {
            out.append(n);
        } else {
            escape(value.toString());
        }
        return this;
    }

    void endRow() {
        out.append('\n');
        firstInRow = true;
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append('\u2400'); // PostgreSQL text cannot hold NUL: show it as the NUL symbol
                default -> out.append(c);
            }
        }
    }
}
