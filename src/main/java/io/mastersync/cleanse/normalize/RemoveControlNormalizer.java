package io.mastersync.cleanse.normalize;

/**
 * {@code remove-control}: deletes control characters (Unicode category Cc: NUL, BEL, ESC, DEL, C1 controls
 * ...) that legacy exports leave in text fields and that PostgreSQL rejects (NUL) or that break reports.
 *
 * <p>Options: {@code keep-tab} (default false) keeps U+0009; {@code keep-newline} (default false) keeps
 * CR and LF, for multi-line fields such as notes. Null stays null. Thread-safe.
 */
public final class RemoveControlNormalizer implements Normalizer {

    private final boolean keepTab;
    private final boolean keepNewline;

    public RemoveControlNormalizer(boolean keepTab, boolean keepNewline) {
        this.keepTab = keepTab;
        this.keepNewline = keepNewline;
    }

    static RemoveControlNormalizer create(NormalizerOptions options) {
        return new RemoveControlNormalizer(options.bool("keep-tab", false), options.bool("keep-newline", false));
    }

    @Override
    public NormalizerResult apply(String value, RecordContext record) {
        if (value == null || !hasRemovable(value)) {
            return new NormalizerResult.Unchanged(value);
        }
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.getType(c) != Character.CONTROL || keeps(c)) {
                sb.append(c);
            }
        }
        return NormalizerResult.of(value, sb.toString());
    }

    private boolean hasRemovable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < ' ' || c >= 0x7F) && Character.getType(c) == Character.CONTROL && !keeps(c)) {
                return true;
            }
        }
        return false;
    }

    private boolean keeps(char c) {
        return (keepTab && c == '\t') || (keepNewline && (c == '\n' || c == '\r'));
    }
}
