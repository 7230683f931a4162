package io.mastersync.delta;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.mastersync.load.BinaryResults;
import io.mastersync.load.RunFeed;
import io.mastersync.load.StagingTarget;

/**
 * The staging target of a sync's read step: new and changed rows to the pending table, every key to
 * sync_seen. A snapshot sync first reads what staging holds for the feed (key, content and source
 * fingerprints, in one pass), to write only changed rows and to skip cleansing unchanged ones. A watermark
 * sync reads few rows: it writes them all, and the apply step drops those equal to what is staged.
 */
public final class SyncTargets {

    private final KeyStateMap contents;
    private final StagedSources sources;

    private SyncTargets(KeyStateMap contents, StagedSources sources) {
        this.contents = contents;
        this.sources = sources;
    }

    /** @param snapshot true for a full-snapshot sync, false for a watermark sync */
    public static SyncTargets load(Connection c, RunFeed feed, boolean snapshot) throws SQLException {
        if (!snapshot) {
            return new SyncTargets(null, new StagedSources());
        }
        KeyStateMap contents = new KeyStateMap();
        StagedSources sources = new StagedSources();
        try (PreparedStatement ps = c.prepareStatement("SELECT key_hash, content_hash, source_hash FROM "
                + feed.entity().stagingTable() + " WHERE source_system = ? AND deleted_at IS NULL")) {
            ps.setFetchSize(10_000);
            BinaryResults.prefer(ps);
            ps.setString(1, feed.sourceSystem());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long key = rs.getLong(1);
                    contents.put(key, rs.getLong(2));
                    long source = rs.getLong(3);
                    if (source != 0) {
                        sources.put(source, key);
                    }
                }
            }
        }
        return new SyncTargets(contents, sources);
    }

    public StagingTarget pending(RunFeed feed) {
        return new StagingTarget(FeedSync.pendingTable(feed.entity()), contents, true, false);
    }

    /** The source fingerprints of the staged rows; empty for a watermark sync. */
    public StagedSources sources() {
        return sources;
    }
}
