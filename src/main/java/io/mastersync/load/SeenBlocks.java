package io.mastersync.load;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of one chunk's rows that a sync did not cleanse (their source is unchanged), packed per source file
 * into {@code sync_seen_block} rows of {@value #ENTRIES_PER_ROW}: key hash, record number and line of each, as three
 * big-endian int8. A snapshot sync of a million unchanged rows writes about 16,000 such rows instead of a million
 * {@code sync_seen} rows; the apply step unpacks them to find deletions and repeated keys. Not thread-safe.
 */
public final class SeenBlocks {

    public static final String TABLE = "sync_seen_block";
    static final List<String> COLUMNS = List.of("run_id", "feed", "source_file", "entries", "packed");
    private static final int ENTRY_BYTES = 24;
    /**
     * Entries per row: 1,536 bytes keep the row under PostgreSQL's TOAST threshold (about 2 kB). A larger value
     * is compressed first, and the record numbers and lines compress well but slowly: a row of 5,000 entries
     * took 10 to 20 ms to store.
     */
    static final int ENTRIES_PER_ROW = 64;

    private final Map<String, ByteBuffer> byFile = new LinkedHashMap<>();

    /** One unpacked entry. */
    public interface Entry {
        void accept(String sourceFile, long keyHash, long recordNo, long line) throws SQLException;
    }

    void add(String sourceFile, long keyHash, long recordNo, long line) {
        ByteBuffer b = byFile.get(sourceFile);
        if (b == null || b.remaining() < ENTRY_BYTES) {
            ByteBuffer bigger = ByteBuffer.allocate(b == null ? 64 * ENTRY_BYTES : b.capacity() * 2);
            if (b != null) {
                bigger.put(b.flip());
            }
            b = bigger;
            byFile.put(sourceFile, b);
        }
        b.putLong(keyHash).putLong(recordNo).putLong(line);
    }

    boolean isEmpty() {
        return byFile.isEmpty();
    }

    /** The rows to insert: per source file, {@value #ENTRIES_PER_ROW} entries a row. */
    List<Object[]> rows(Object runId, Object feed) {
        List<Object[]> rows = new ArrayList<>();
        byFile.forEach((file, b) -> {
            b.flip();
            while (b.hasRemaining()) {
                byte[] packed = new byte[Math.min(b.remaining(), ENTRIES_PER_ROW * ENTRY_BYTES)];
                b.get(packed);
                rows.add(new Object[] {runId, feed, file, packed.length / ENTRY_BYTES, packed});
            }
        });
        return rows;
    }

    /** Calls {@code entry} for every entry of a packed value, in the order they were added. */
    static void forEach(String sourceFile, byte[] packed, Entry entry) throws SQLException {
        ByteBuffer b = ByteBuffer.wrap(packed);
        while (b.remaining() >= ENTRY_BYTES) {
            entry.accept(sourceFile, b.getLong(), b.getLong(), b.getLong());
        }
    }

    /** Calls {@code entry} for every packed entry of the run's feed. */
    public static void read(Connection c, RunFeed feed, Entry entry) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT source_file, packed FROM " + TABLE
                + " WHERE run_id = ? AND feed = ?")) {
            ps.setLong(1, feed.runId());
            ps.setString(2, feed.feed());
            BinaryResults.prefer(ps);
            ps.setFetchSize(1_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    forEach(rs.getString(1), rs.getBytes(2), entry);
                }
            }
        }
    }
}
