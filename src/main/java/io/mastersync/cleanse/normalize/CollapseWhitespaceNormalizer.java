package io.mastersync.cleanse.normalize;

/**
 * {@code collapse-whitespace}: replaces every run of whitespace (spaces, tabs, line breaks, no-break spaces)
 * by one ordinary space and trims both ends, so {@code "Acme \t  GmbH\n"} becomes {@code "Acme GmbH"}.
 * No options. Null stays null. Thread-safe.
 */
public final class CollapseWhitespaceNormalizer implements Normalizer {

    @Override
    public NormalizerResult apply(String value, RecordContext record) {
        if (value == null) {
            return new NormalizerResult.Unchanged(null);
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
}
