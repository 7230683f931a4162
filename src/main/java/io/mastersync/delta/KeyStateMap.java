package io.mastersync.delta;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.mastersync.canonical.EntityType;
import io.mastersync.load.StagingTarget;

/**
 * What staging holds for a feed, as key hash to content hash: enough to tell, for each row of a new snapshot,
 * whether it is new, changed or unchanged, without a database round trip per row. Soft-deleted rows count as
 * absent, so a key that comes back is new again. Filled once, then read-only.
 */
final class KeyStateMap implements StagingTarget.ChangeFilter {

    private final LongLongMap contents = new LongLongMap();

    static KeyStateMap load(Connection c, EntityType entity, String sourceSystem) throws SQLException {
        KeyStateMap map = new KeyStateMap();
        try (PreparedStatement ps = c.prepareStatement("SELECT key_hash, content_hash FROM " + entity.stagingTable()
                + " WHERE source_system = ? AND deleted_at IS NULL")) {
            ps.setFetchSize(10_000);
            ps.setString(1, sourceSystem);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    map.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        return map;
    }

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
