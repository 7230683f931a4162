package io.mastersync.delta;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/** Reads {@code sync_feed_state}: what the last successful sync of a feed left behind. */
public final class SyncState {

    private SyncState() {
    }

    /** The feed's watermark after its last successful sync, or null when there was none. */
    public static LocalDateTime watermark(Connection c, String feed) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT watermark FROM sync_feed_state WHERE feed = ?")) {
            ps.setString(1, feed);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getTimestamp(1) != null ? rs.getTimestamp(1).toLocalDateTime() : null;
            }
        }
    }
}
