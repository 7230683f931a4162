package io.mastersync.load;

import java.nio.charset.StandardCharsets;

/**
 * A value repeated on many rows of a chunk (feed name, source file, load time) with its COPY text encoded
 * once. Bulk inserters that do not use COPY bind {@link #value()}.
 */
record Encoded(Object value, byte[] copyText) {

    static Encoded of(Object value) {
        StringBuilder text = new StringBuilder();
        String s = value.toString();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
        return new Encoded(value, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
