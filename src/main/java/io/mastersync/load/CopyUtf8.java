package io.mastersync.load;

/**
 * Text as UTF-8 bytes for COPY, written straight into a buffer: NUL (which PostgreSQL text cannot hold) as the
 * NUL symbol U+2400, an unpaired surrogate as {@code ?}, and, for the text format, the characters it reserves
 * escaped with a backslash. The caller makes room for three bytes per char.
 */
final class CopyUtf8 {

    private CopyUtf8() {
    }

    /** Writes {@code s} into {@code b} from {@code n}; returns the index after the last byte written. */
    static int write(String s, byte[] b, int n, boolean escapeForText) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (escapeForText && (c == '\\' || c == '\t' || c == '\n' || c == '\r')) {
                    b[n++] = '\\';
                    b[n++] = (byte) (c == '\\' ? '\\' : c == '\t' ? 't' : c == '\n' ? 'n' : 'r');
                } else if (c == '\0') {
                    b[n++] = (byte) 0xE2;
                    b[n++] = (byte) 0x90;
                    b[n++] = (byte) 0x80;
                } else {
                    b[n++] = (byte) c;
                }
            } else if (c < 0x800) {
                b[n++] = (byte) (0xC0 | (c >> 6));
                b[n++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[n++] = (byte) (0xF0 | (cp >> 18));
                b[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[n++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                b[n++] = '?';
            } else {
                b[n++] = (byte) (0xE0 | (c >> 12));
                b[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[n++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return n;
    }
}
