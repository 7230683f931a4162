package io.mastersync.cleanse.normalize;

/**
 * {@code collapse-whitespace}: replaces every run of whitespace (spaces, tabs, line breaks, no-break spaces)
 * by one ordinary space and trims both ends, so {@code "Acme \t  GmbH\n"} becomes {@code "Acme GmbH"}.
 * No options. Null stays null. Thread-safe.
 */
public final class CollapseWhitespaceNormalizer implements Normalizer {

    @Override
    public NormalizerResult apply(String value, RecordContext record) {
        if (value == null || collapsed(value)) {
            return new NormalizerResult.Unchanged(value);
        }
        StringBuilder sb = new StringBuilder(value.length());
        boolean pendingSpace = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (TextChars.isSpace(c)) {
                pendingSpace = sb.length() > 0;
            } else {
                if (pendingSpace) {
                    sb.append(' ');
                    pendingSpace = false;
                }
                sb.append(c);
            }
        }
        return NormalizerResult.of(value, sb.toString());
    }

    /** True when the value has no whitespace but single ordinary spaces between other characters. */
    private static boolean collapsed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > ' ' && c < 0x7F) {
                continue; // printable ASCII: never whitespace
            }
            if (TextChars.isSpace(c) && (c != ' ' || i == 0 || i == value.length() - 1
                    || TextChars.isSpace(value.charAt(i - 1)))) {
                return false;
            }
        }
        return true;
    }
}
