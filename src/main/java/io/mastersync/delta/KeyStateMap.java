package io.mastersync.delta;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.mastersync.canonical.EntityType;
import io.mastersync.load.StagingTarget;

/**
 * What staging holds for a feed, as key hash to content hash in open-addressing arrays (24 bytes a key):
 * enough to tell, for each row of a new snapshot, whether it is new, changed or unchanged, without a
 * database round trip per row. Soft-deleted rows count as absent, so a key that comes back is new again.
 * Filled once, then read-only; safe for one thread.
 */
final class KeyStateMap implements StagingTarget.ChangeFilter {

    private long[] keys = new long[1 << 16];
    private long[] contents = new long[1 << 16];
    private int size;

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
        if (size * 2 >= keys.length) {
            grow();
        }
        insert(keys, contents, key, content);
    }

    /** The staged content hash of a key, or 0 when staging has no live row with that key. */
    long content(long key) {
        int mask = keys.length - 1;
        for (int i = (int) key & mask; ; i = (i + 1) & mask) {
            if (keys[i] == 0) {
                return 0;
            }
            if (keys[i] == key) {
                return contents[i];
            }
        }
    }

    int size() {
        return size;
    }

    @Override
    public boolean changed(long keyHash, long contentHash) {
        return content(keyHash) != contentHash;
    }

    private void insert(long[] k, long[] v, long key, long content) {
        int mask = k.length - 1;
        for (int i = (int) key & mask; ; i = (i + 1) & mask) {
            if (k[i] == 0 || k[i] == key) {
                if (k[i] == 0) {
                    size++;
                }
                k[i] = key;
                v[i] = content;
                return;
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldContents = contents;
        keys = new long[oldKeys.length * 2];
        contents = new long[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                insert(keys, contents, oldKeys[i], oldContents[i]);
            }
        }
    }
}
