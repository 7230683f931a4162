package io.mastersync.load;

/**
 * Where every row of one feed in one run went. {@code read = loaded + rejected + superseded + filtered}
 * must hold; {@link #balanced()} says whether it does. Flagged rows are loaded rows with warnings.
 */
public record FeedAccounting(long read, long loaded, long rejected, long superseded, long filtered, long flagged) {

    public boolean balanced() {
        return read == loaded + rejected + superseded + filtered;
    }

    /** Rejected in the user-facing sense: not loaded because of a rule or a duplicate key. */
    public long notLoaded() {
        return rejected + superseded;
    }

    @Override
    public String toString() {
        return "read=" + read + " loaded=" + loaded + " rejected=" + notLoaded() + " (superseded=" + superseded
                + ") filtered=" + filtered + " flagged=" + flagged;
    }
}
