package io.mastersync.delta;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.mastersync.canonical.EntityType;

/**
 * The source fingerprints of a feed's live staged rows (see {@code RowCleanser#sourceFingerprint}), each with
 * its row's key hash. A snapshot row whose fingerprint is here would cleanse to exactly the staged record, so
 * a sync need not cleanse it: most of a nightly full export. Rows staged with warnings have no fingerprint and
 * are always cleansed. Filled once, then read-only and safe to share between processing threads.
 */
public final class StagedSources {

    private final LongLongMap keys = new LongLongMap();

    public static StagedSources load(Connection c, EntityType entity, String sourceSystem) throws SQLException {
        StagedSources sources = new StagedSources();
        try (PreparedStatement ps = c.prepareStatement("SELECT source_hash, key_hash FROM " + entity.stagingTable()
                + " WHERE source_system = ? AND deleted_at IS NULL AND source_hash IS NOT NULL")) {
            ps.setFetchSize(10_000);
            ps.setString(1, sourceSystem);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sources.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        return sources;
    }

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
