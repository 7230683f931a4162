package io.mastersync.load;

import io.mastersync.canonical.EntityType;

/**
 * Where a chunk's accepted rows go. Migrate stages every row straight into {@code stg_*} and replaces a
 * key repeated in a later chunk; a delta sync writes only the rows its {@link ChangeFilter} says changed
 * into a pending table (same columns as staging) and records every key it saw, to find deletions.
 *
 * @param table            table for accepted rows, with the staging table's columns
 * @param changes          decides which rows are written; null writes all
 * @param recordSeenKeys   also write each accepted key's hash to {@code sync_seen}
 * @param replaceRepeated  a key repeated in a later chunk replaces the row written before (staging);
 *                         otherwise both are written and the later wins when the sync is applied
 */
public record StagingTarget(String table, ChangeFilter changes, boolean recordSeenKeys, boolean replaceRepeated) {

    public static StagingTarget staging(EntityType entity) {
        return new StagingTarget(entity.stagingTable(), null, false, true);
    }

    /** Decides, from a record's key and content fingerprints, whether it must be written. */
    public interface ChangeFilter {
        boolean changed(long keyHash, long contentHash);
    }
}
