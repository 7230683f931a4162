package io.mastersync.delta;

import java.sql.Connection;
import java.sql.SQLException;

import io.mastersync.load.RunFeed;
import io.mastersync.load.StagingTarget;

/** The staging target of a sync's read step: new and changed rows to the pending table, every key to sync_seen. */
public final class SyncTargets {

    private SyncTargets() {
    }

    public static StagingTarget pending(Connection c, RunFeed feed) throws SQLException {
        KeyStateMap staged = KeyStateMap.load(c, feed.entity(), feed.sourceSystem());
        return new StagingTarget(FeedSync.pendingTable(feed.entity()), staged, true, false);
    }
}
