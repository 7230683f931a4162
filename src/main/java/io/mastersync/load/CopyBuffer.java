package io.mastersync.load;

import java.math.BigDecimal;

/**
 * Rows in PostgreSQL's COPY text format, encoded straight into UTF-8 bytes: tab between columns,
 * {@code \N} for null, backslash escapes for the characters the format reserves. Writing bytes directly
 * avoids building a String per chunk and encoding it again. Reusable after {@link #clear()}; not
 * thread-safe.
 */
final class CopyBuffer extends CopyBytes {

    private static final byte[] NULL = {'\\', 'N'};
    private boolean firstInRow = true;

    CopyBuffer value(Object value) {
        if (!firstInRow) {
            put((byte) '\t');
        }
        firstInRow = false;
        if (value == null) {
            put(NULL);
        } else if (value instanceof String s) {
            text(s);
        } else if (value instanceof Encoded e) {
            put(e.copyText());
        } else if (value instanceof byte[] b) {
            // bytea in hex, its backslash escaped for the text format
            ensure(3 + 2 * b.length);
            bytes[length++] = '\\';
            bytes[length++] = '\\';
            bytes[length++] = 'x';
            for (byte x : b) {
                bytes[length++] = (byte) Character.forDigit((x >> 4) & 0xF, 16);
                bytes[length++] = (byte) Character.forDigit(x & 0xF, 16);
            }
        } else if (value instanceof BigDecimal d) {
            ascii(d.toPlainString());
        } else {
            // numbers and java.time values: their toString is the ISO/plain form PostgreSQL reads
            text(value.toString());
        }
        return this;
    }

    void endRow() {
        put((byte) '\n');
        firstInRow = true;
    }

    @Override
    void clear() {
        super.clear();
        firstInRow = true;
    }

    private void text(String s) {
        ensure(s.length() * 3 + 8);
        length = CopyUtf8.write(s, bytes, length, true);
    }

    private void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            bytes[length++] = (byte) s.charAt(i);
        }
    }
}
