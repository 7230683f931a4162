package io.mastersync.delta;

/**
 * The source fingerprints of a feed's live staged rows (see {@code RowCleanser#sourceFingerprint}), each with
 * its row's key hash. A snapshot row whose fingerprint is here would cleanse to exactly the staged record, so
 * a sync need not cleanse it: most of a nightly full export. Rows staged with warnings have no fingerprint and
 * are always cleansed. Filled once (by {@link SyncTargets}), then read-only and safe to share between
 * processing threads.
 */
public final class StagedSources {

    private final LongLongMap keys = new LongLongMap();

    void put(long sourceFingerprint, long keyHash) {
        keys.put(sourceFingerprint, keyHash);
    }

    /** The key hash of the staged row with this source fingerprint, or 0 when there is none. */
    public long stagedKey(long sourceFingerprint) {
        return sourceFingerprint == 0 ? 0 : keys.get(sourceFingerprint);
    }

    public int size() {
        return keys.size();
    }
}
