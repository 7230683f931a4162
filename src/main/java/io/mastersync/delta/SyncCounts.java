package io.mastersync.delta;

/**
 * What a sync did with one feed. {@code read = inserted + updated + unchanged + tombstones + rejected +
 * superseded + filtered}; {@code deleted} counts tombstones (rows read that say "deleted") plus, for full
 * snapshots, staged keys the snapshot no longer has. {@code notCleansed} (not part of the sum) counts rows
 * read whose cleansing was skipped because their source values and rules were those of the staged row.
 */
public record SyncCounts(long read, long inserted, long updated, long unchanged, long deleted, long tombstones,
        long rejected, long superseded, long filtered, long liveBefore, long notCleansed) {

    public boolean balanced() {
        return read == inserted + updated + unchanged + tombstones + rejected + superseded + filtered;
    }

    /** Share of the feed's staged rows this sync would update or delete. */
    public double changeShare() {
        return liveBefore == 0 ? 0 : (double) (updated + deleted) / liveBefore;
    }

    @Override
    public String toString() {
        return "read=" + read + " inserted=" + inserted + " updated=" + updated + " unchanged=" + unchanged
                + " deleted=" + deleted + " rejected=" + (rejected + superseded) + " filtered=" + filtered;
    }
}
