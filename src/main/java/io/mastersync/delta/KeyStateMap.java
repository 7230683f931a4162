package io.mastersync.delta;

import io.mastersync.load.StagingTarget;

/**
 * What staging holds for a feed, as key hash to content hash: enough to tell, for each row of a new snapshot,
 * whether it is new, changed or unchanged, without a database round trip per row. Soft-deleted rows count as
 * absent, so a key that comes back is new again. Filled once (by {@link SyncTargets}), then read-only.
 */
final class KeyStateMap implements StagingTarget.ChangeFilter {

    private final LongLongMap contents = new LongLongMap();

    void put(long key, long content) {
        contents.put(key, content);
    }

    /** The staged content hash of a key, or 0 when staging has no live row with that key. */
    long content(long key) {
        return contents.get(key);
    }

    int size() {
        return contents.size();
    }

    @Override
    public boolean changed(long keyHash, long contentHash) {
        return content(keyHash) != contentHash;
    }
}
