package io.mastersync.delta;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.mastersync.canonical.CanonicalField;
import io.mastersync.canonical.EntityType;
import io.mastersync.canonical.RecordFingerprint;
import io.mastersync.cleanse.rules.UniqueCheck;
import io.mastersync.load.BinaryResults;
import io.mastersync.load.BulkRows;
import io.mastersync.load.RunFeed;
import io.mastersync.load.SeenBlocks;
import io.mastersync.load.SqlDialect;
import io.mastersync.load.StagingColumns;
import io.mastersync.load.StagingWriter;
import io.mastersync.load.UniqueValueChecker;
import io.mastersync.source.SyncSettings;

/**
 * Plans and applies one feed's delta, after its rows were read into the pending table: finds inserts,
 * updates, no-ops and deletions, stops at the safety valve, and applies the changes to staging with an
 * audit trail and change-feed entries. Everything runs on the caller's connection in one transaction, so
 * a sync killed while applying leaves staging as it was and simply applies again on restart.
 */
public final class FeedSync {

    /** The rule id under which a tombstone row (a row that says "deleted") is recorded as filtered. */
    public static final String TOMBSTONE_RULE = "tombstone";

    private final RunFeed feed;
    private final SyncSettings settings;
    private final List<UniqueCheck> uniqueChecks;
    private final String pending;
    private final String staging;

    public FeedSync(RunFeed feed, SyncSettings settings) {
        this(feed, settings, List.of());
    }

    /** @param uniqueChecks the rules file's {@code unique} checks, run over the new and changed rows */
    public FeedSync(RunFeed feed, SyncSettings settings, List<UniqueCheck> uniqueChecks) {
        this.feed = feed;
        this.settings = settings;
        this.uniqueChecks = List.copyOf(uniqueChecks);
        this.pending = pendingTable(feed.entity());
        this.staging = feed.entity().stagingTable();
    }

    public static String pendingTable(EntityType entity) {
        return "sync_pending_" + entity.code();
    }

    /**
     * Deletes what a run read into the working tables when it ends without applying it (stopped by the safety
     * valve, failed quality gate): the next sync reads the source again, and leftover rows would stay forever and
     * keep the pending table from being truncated after later syncs.
     */
    public static void discardRun(Connection c, long runId) throws SQLException {
        List<String> tables = new ArrayList<>();
        for (EntityType entity : EntityType.values()) {
            tables.add(pendingTable(entity));
        }
        tables.addAll(List.of("sync_seen", SeenBlocks.TABLE, "sync_repeat", "sync_gone"));
        for (String table : tables) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
                ps.setLong(1, runId);
                ps.executeUpdate();
            }
        }
    }

    /**
     * @param read  rows read for this feed in this run
     * @param force apply even when the change share exceeds the safety valve
     * @throws SafetyValveException before anything is changed, when the share is too high and not forced
     */
    public SyncCounts apply(Connection c, long read, boolean force) throws SQLException {
        boolean postgres = isPostgres(c);
        if (postgres) {
            // held to the end: this transaction may empty sync_seen, and taking the strongest lock first cannot
            // deadlock with another feed's apply
            execute(c, "LOCK TABLE sync_seen IN ACCESS EXCLUSIVE MODE");
            // staging is read again and again by key while a sync applies, so its pages are cached: with the
            // default cost of a random read (4) the planner scans a million staged rows to join a few thousand
            // changed ones, instead of probing the key index
            execute(c, "SET LOCAL random_page_cost = 1.1");
            // fresh statistics after the bulk writes of the read step, or the planner picks nested loops; only of
            // the columns the joins and filters use: all 30-odd columns of the pending rows took 0.2-0.3 s for
            // 22,000 rows, these 0.04 s
            execute(c, "ANALYZE " + pending + " (run_id, feed, source_system, source_key, content_hash, record_no),"
                    + " sync_seen (run_id, feed, key_hash, record_no, source_unchanged, source_hash), sync_repeat");
        }
        // counted before keepLatestPerKey unpacks some packed keys into sync_seen
        long[] seen = seenCounts(c);
        // rows superseded here (a key repeated across chunks) were seen keys; those superseded within a chunk not
        long supersededSeen = keepLatestPerKey(c);
        // a pending row equal to what is staged (a repeated key whose last row did not change) is no change
        update(c, "DELETE FROM " + pending + " p WHERE p.run_id = ? AND p.feed = ? AND EXISTS (SELECT 1 FROM " + staging
                + " s WHERE s.source_system = p.source_system AND s.source_key = p.source_key AND s.deleted_at IS NULL"
                + " AND s.content_hash = p.content_hash)");
        // before the unique checks: a value that a key this sync deletes held is free for a new row
        long deleted = findDeletions(c);
        if (postgres) {
            execute(c, "ANALYZE sync_gone");
        }
        // as in migrate, no two rows of the feed share a value of a unique field: a new or changed row that would
        // is rejected (error) or flagged (warning) before it is applied
        long uniqueRejected = uniqueChecks.isEmpty() ? 0
                : UniqueValueChecker.checkPending(c, feed, pending, uniqueChecks);
        long live = liveRows(c);
        long updated = count(c, "SELECT COUNT(*) FROM " + pending + " p WHERE p.run_id = ? AND p.feed = ? AND EXISTS"
                + " (SELECT 1 FROM " + staging + " s WHERE " + sameKey() + " AND s.deleted_at IS NULL)",
                feed.runId(), feed.feed());
        long inserted = count(c, "SELECT COUNT(*) FROM " + pending + " WHERE run_id = ? AND feed = ?", feed.runId(),
                feed.feed()) - updated;
        long tombstones = count(c, "SELECT COUNT(DISTINCT record_no) FROM rej_reason WHERE run_id = ? AND feed = ?"
                + " AND rule_id = ?", feed.runId(), feed.feed(), TOMBSTONE_RULE);
        long[] dispositions = dispositions(c);
        long unchanged = seen[0] - supersededSeen - inserted - updated - uniqueRejected;
        SyncCounts counts = new SyncCounts(read, inserted, updated, unchanged, deleted, tombstones, dispositions[0],
                dispositions[1], dispositions[2] - tombstones, live, seen[1]);
        if (!force && counts.changeShare() > settings.maxChangeShare()) {
            throw new SafetyValveException(String.format(java.util.Locale.ROOT, "feed %s: this sync would update %d"
                    + " and delete %d of %d staged rows (%.1f%%, more than the %.1f%% allowed by"
                    + " sync.max-change-share); nothing of this feed was applied. Check the export; run again with"
                    + " --force to apply anyway", feed.feed(), updated, deleted, live, counts.changeShare() * 100,
                    settings.maxChangeShare() * 100));
        }
        LocalDateTime now = LocalDateTime.now();
        refreshSourceFingerprints(c, postgres);
        auditUpdates(c, now);
        audit(c, "INSERT INTO sync_audit (run_id, feed, entity, source_system, source_key, change_kind, changed_at)"
                + " SELECT p.run_id, p.feed, ?, p.source_system, p.source_key, 'insert', ? FROM " + pending + " p"
                + " WHERE p.run_id = ? AND p.feed = ? AND NOT EXISTS (SELECT 1 FROM " + staging + " s WHERE " + sameKey()
                + " AND s.deleted_at IS NULL)", now);
        execute(c, "INSERT INTO sync_audit (run_id, feed, entity, source_system, source_key, change_kind, changed_at)"
                + " SELECT g.run_id, g.feed, ?, ?, g.source_key, 'delete', ? FROM sync_gone g WHERE g.run_id = ? AND"
                + " g.feed = ?", feed.entity().code(), feed.sourceSystem(), Timestamp.valueOf(now), feed.runId(),
                feed.feed());
        changeFeed(c, now);
        // apply: replace changed keys, insert new ones, soft-delete the missing
        update(c, "DELETE FROM " + staging + " s WHERE EXISTS (SELECT 1 FROM " + pending + " p WHERE p.run_id = ? AND"
                + " p.feed = ? AND " + sameKey() + ")");
        String columns = String.join(", ", StagingColumns.all(feed.entity()));
        update(c, "INSERT INTO " + staging + " (" + columns + ") SELECT " + columns + " FROM " + pending
                + " WHERE run_id = ? AND feed = ?");
        execute(c, "UPDATE " + staging + " s SET deleted_at = ?, deleted_run = ? WHERE s.source_system = ? AND"
                + " s.deleted_at IS NULL AND s.source_key IN (SELECT g.source_key FROM sync_gone g WHERE g.run_id = ?"
                + " AND g.feed = ?)", Timestamp.valueOf(now), feed.runId(), feed.sourceSystem(), feed.runId(),
                feed.feed());
        if (postgres && (inserted + updated + deleted) * 10 > live) {
            // a tenth of the feed changed (the first sync of a feed inserts all of it): the planner's row counts
            // for staging are stale until autovacuum gets to it, and the next sync's joins depend on them
            execute(c, "ANALYZE " + staging);
        }
        saveState(c, now, live + inserted - deleted);
        forgetPending(c, postgres);
        update(c, "DELETE FROM sync_repeat WHERE run_id = ? AND feed = ?");
        update(c, "DELETE FROM sync_gone WHERE run_id = ? AND feed = ?");
        forgetSeenKeys(c, postgres);
        return counts;
    }

    /**
     * Writes the keys this sync deletes to {@code sync_gone}, once, for the count, the audit and the soft delete.
     * Snapshot: live staged keys this run did not see (in {@code sync_seen} or packed in {@code sync_seen_block}),
     * nor read in a rejected row.
     * Watermark: keys of tombstone rows read in this run.
     */
    private long findDeletions(Connection c) throws SQLException {
        if (settings.isWatermark()) {
            return execute(c, "INSERT INTO sync_gone (run_id, feed, source_key) SELECT ?, ?, s.source_key FROM " + staging
                    + " s WHERE s.source_system = ? AND s.deleted_at IS NULL AND s.source_key IN (SELECT source_key FROM"
                    + " rej_reason WHERE run_id = ? AND feed = ? AND rule_id = '" + TOMBSTONE_RULE + "')", feed.runId(),
                    feed.feed(), feed.sourceSystem(), feed.runId(), feed.feed());
        }
        // the seen keys as a set in memory (16 bytes a key), then one pass over the live staged keys
        LongLongMap seen = new LongLongMap();
        try (PreparedStatement ps = c.prepareStatement("SELECT key_hash FROM sync_seen WHERE run_id = ? AND feed = ?")) {
            bind(ps, feed.runId(), feed.feed());
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seen.put(rs.getLong(1), 1);
                }
            }
        }
        SeenBlocks.read(c, feed, (file, keyHash, recordNo, line) -> seen.put(keyHash, 1));
        // a key whose row this export has but which was rejected keeps its last staged version: a typo in one
        // field of the export must not delete the customer downstream (a filtered row does delete it)
        try (PreparedStatement ps = c.prepareStatement("SELECT source_key FROM rej_record WHERE run_id = ? AND feed = ?"
                + " AND disposition = 'rejected' AND source_key IS NOT NULL")) {
            bind(ps, feed.runId(), feed.feed());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seen.put(RecordFingerprint.key(rs.getString(1)), 1);
                }
            }
        }
        // collected first: the connection cannot write while it streams the staged keys
        List<String> gone = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key_hash, source_key FROM " + staging
                + " WHERE source_system = ? AND deleted_at IS NULL")) {
            ps.setString(1, feed.sourceSystem());
            BinaryResults.prefer(ps);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (seen.get(rs.getLong(1)) == 0) {
                        gone.add(rs.getString(2));
                    }
                }
            }
        }
        try (BulkRows rows = BulkRows.open(c, "sync_gone", List.of("run_id", "feed", "source_key"))) {
            for (String key : gone) {
                rows.add(feed.runId(), feed.feed(), key);
            }
        }
        return gone.size();
    }

    /** Keys accepted in this run (one per key and chunk), and how many of them skipped cleansing. */
    private long[] seenCounts(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), COALESCE(SUM(CASE WHEN source_unchanged THEN 1"
                + " ELSE 0 END), 0) FROM sync_seen WHERE run_id = ? AND feed = ?")) {
            bind(ps, feed.runId(), feed.feed());
            long packed = count(c, "SELECT COALESCE(SUM(entries), 0) FROM " + SeenBlocks.TABLE + " WHERE run_id = ? AND"
                    + " feed = ?", feed.runId(), feed.feed());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1) + packed, rs.getLong(2) + packed};
            }
        }
    }

    /**
     * Deletes this run's pending rows; when no other sync has rows there, empties the table with TRUNCATE instead.
     * A million deleted rows (the first sync of a feed) stay in the table as dead rows until a vacuum, and every
     * later sync's joins read past them: the apply step of a 12,000-row watermark sync took 1.8 s instead of 0.1 s
     * for that. Other syncs may be writing the table (their read step): the lock is only tried, never waited for.
     */
    private void forgetPending(Connection c, boolean postgres) throws SQLException {
        update(c, "DELETE FROM " + pending + " WHERE run_id = ? AND feed = ?");
        if (!postgres) {
            return;
        }
        java.sql.Savepoint before = c.setSavepoint();
        try {
            execute(c, "LOCK TABLE " + pending + " IN ACCESS EXCLUSIVE MODE NOWAIT");
        } catch (SQLException busy) {
            c.rollback(before); // another sync holds the table: leave the dead rows to vacuum
            return;
        }
        if (count(c, "SELECT COUNT(*) FROM (SELECT 1 FROM " + pending + " FETCH FIRST 1 ROWS ONLY) x") == 0) {
            execute(c, "TRUNCATE " + pending);
        }
        c.releaseSavepoint(before);
    }

    /** A million seen keys are faster truncated than deleted, when no other sync has rows there. */
    private void forgetSeenKeys(Connection c, boolean postgres) throws SQLException {
        update(c, "DELETE FROM " + SeenBlocks.TABLE + " WHERE run_id = ? AND feed = ?");
        if (postgres && count(c, "SELECT COUNT(*) FROM (SELECT 1 FROM sync_seen WHERE run_id <> ? OR feed <> ?"
                + " FETCH FIRST 1 ROWS ONLY) x", feed.runId(), feed.feed()) == 0) {
            execute(c, "TRUNCATE sync_seen");
        } else {
            update(c, "DELETE FROM sync_seen WHERE run_id = ? AND feed = ?");
        }
    }

    /**
     * A key read in more than one chunk: the row with the highest record number wins, every earlier one is
     * superseded (and leaves the pending table if it was there). Within a chunk the writer decided already.
     */
    private long keepLatestPerKey(Connection c) throws SQLException {
        if (count(c, "SELECT COUNT(*) FROM sync_repeat WHERE run_id = ? AND feed = ?", feed.runId(), feed.feed()) == 0) {
            return 0;
        }
        // sync_repeat holds the keys the writer saw again in a later chunk (or a rare hash collision); the packed
        // entries of those keys join sync_seen here, so that the query below sees every occurrence
        unpackRepeatedKeys(c);
        String sql = "SELECT s.record_no, s.key_hash, p.source_key, s.source_file, s.source_line, w.source_line FROM"
                + " sync_seen s JOIN (SELECT key_hash, MAX(record_no) AS last_no FROM sync_seen WHERE run_id = ? AND"
                + " feed = ? AND key_hash IN (SELECT key_hash FROM sync_repeat WHERE run_id = ? AND feed = ?)"
                + " GROUP BY key_hash HAVING COUNT(*) > 1) r ON r.key_hash = s.key_hash JOIN sync_seen w ON"
                + " w.run_id = s.run_id AND w.feed = s.feed AND w.key_hash = r.key_hash AND w.record_no = r.last_no"
                + " LEFT JOIN " + pending + " p ON p.run_id = s.run_id AND p.feed = s.feed AND p.record_no = s.record_no"
                + " WHERE s.run_id = ? AND s.feed = ? AND s.record_no < r.last_no";
        List<Object[]> losers = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, feed.runId(), feed.feed(), feed.runId(), feed.feed(), feed.runId(), feed.feed());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    losers.add(new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), rs.getLong(6)});
                }
            }
        }
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        for (Object[] l : losers) {
            long recordNo = (Long) l[0];
            // a row not in the pending table was unchanged, so staging has its key
            String key = l[2] != null ? (String) l[2] : StagingWriter.stagedKey(c, feed, (Long) l[1]);
            String message = "source key '" + key + "' appears again at line " + l[5] + ": the later row wins";
            execute(c, "INSERT INTO rej_record (run_id, feed, record_no, source_system, entity, source_key, disposition,"
                    + " source_file, source_line, raw_record, reasons, rejected_at) VALUES (?, ?, ?, ?, ?, ?,"
                    + " 'superseded', ?, ?, NULL, ?, ?)", feed.runId(), feed.feed(), recordNo, feed.sourceSystem(),
                    feed.entity().code(), key, l[3], l[4], "[error duplicate-key] " + message, now);
            execute(c, "INSERT INTO rej_reason (run_id, feed, record_no, source_system, source_key, field, rule_id,"
                    + " severity, message, bad_value) VALUES (?, ?, ?, ?, ?, 'source-key', 'duplicate-key', 'error', ?,"
                    + " ?)", feed.runId(), feed.feed(), recordNo, feed.sourceSystem(), key, message, key);
            execute(c, "DELETE FROM " + pending + " WHERE run_id = ? AND feed = ? AND record_no = ?", feed.runId(),
                    feed.feed(), recordNo);
        }
        return losers.size();
    }

    private void unpackRepeatedKeys(Connection c) throws SQLException {
        LongLongMap repeated = new LongLongMap();
        try (PreparedStatement ps = c.prepareStatement("SELECT key_hash FROM sync_repeat WHERE run_id = ? AND feed = ?")) {
            bind(ps, feed.runId(), feed.feed());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    repeated.put(rs.getLong(1), 1);
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO sync_seen (run_id, feed, key_hash, record_no,"
                + " source_unchanged, source_file, source_line) VALUES (?, ?, ?, ?, TRUE, ?, ?)")) {
            SeenBlocks.read(c, feed, (file, keyHash, recordNo, line) -> {
                if (repeated.get(keyHash) != 0) {
                    bind(insert, feed.runId(), feed.feed(), keyHash, recordNo, file, line);
                    insert.addBatch();
                }
            });
            insert.executeBatch();
        }
    }

    /**
     * A row that was cleansed (its source text, the rules or the software changed) yet gave the staged record
     * keeps its staged row; its new source fingerprint is stored so that the next sync can skip it. Changed
     * keys are replaced from the pending table with their own fingerprints afterwards.
     */
    private void refreshSourceFingerprints(Connection c, boolean postgres) throws SQLException {
        if (count(c, "SELECT COUNT(*) FROM (SELECT 1 FROM sync_seen WHERE run_id = ? AND feed = ? AND source_hash IS"
                + " NOT NULL FETCH FIRST 1 ROWS ONLY) x", feed.runId(), feed.feed()) == 0) {
            return;
        }
        if (postgres) {
            // a join: after a rules change every row comes here, and sync_seen has no index on key_hash
            execute(c, "UPDATE " + staging + " s SET source_hash = x.source_hash FROM sync_seen x WHERE x.run_id = ?"
                    + " AND x.feed = ? AND x.source_hash IS NOT NULL AND x.key_hash = s.key_hash AND s.source_system = ?"
                    + " AND s.deleted_at IS NULL AND s.source_hash IS DISTINCT FROM x.source_hash", feed.runId(),
                    feed.feed(), feed.sourceSystem());
            return;
        }
        execute(c, "UPDATE " + staging + " s SET source_hash = (SELECT MAX(x.source_hash) FROM sync_seen x WHERE"
                + " x.run_id = ? AND x.feed = ? AND x.key_hash = s.key_hash AND x.source_hash IS NOT NULL) WHERE"
                + " s.source_system = ? AND s.deleted_at IS NULL AND s.key_hash IN (SELECT x.key_hash FROM sync_seen x"
                + " WHERE x.run_id = ? AND x.feed = ? AND x.source_hash IS NOT NULL)", feed.runId(), feed.feed(),
                feed.sourceSystem(), feed.runId(), feed.feed());
    }

    /** One audit row per changed field of each updated record, with the old and the new value. */
    private void auditUpdates(Connection c, LocalDateTime now) throws SQLException {
        List<CanonicalField> fields = feed.entity().fields();
        StringBuilder select = new StringBuilder("SELECT p.source_key");
        for (CanonicalField f : fields) {
            select.append(", s.").append(f.column()).append(", p.").append(f.column());
        }
        select.append(" FROM ").append(pending).append(" p JOIN ").append(staging).append(" s ON ").append(sameKey())
                .append(" AND s.deleted_at IS NULL WHERE p.run_id = ? AND p.feed = ? ORDER BY p.source_key");
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(select.toString())) {
            bind(ps, feed.runId(), feed.feed());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (int i = 2; i < fields.size(); i++) {
                        Object before = rs.getObject(2 + 2 * i);
                        Object after = rs.getObject(3 + 2 * i);
                        if (!same(before, after)) {
                            rows.add(new Object[] {rs.getString(1), fields.get(i).name(), text(before), text(after)});
                        }
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_audit (run_id, feed, entity, source_system,"
                + " source_key, change_kind, field, old_value, new_value, changed_at) VALUES (?, ?, ?, ?, ?, 'update', ?,"
                + " ?, ?, ?)")) {
            for (Object[] r : rows) {
                bind(ps, feed.runId(), feed.feed(), feed.entity().code(), feed.sourceSystem(), r[0], r[1], r[2], r[3],
                        Timestamp.valueOf(now));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Every change of this run, in key order, gets the next change-feed sequence numbers. */
    private void changeFeed(Connection c, LocalDateTime now) throws SQLException {
        if (isPostgres(c)) {
            // sequence numbers must become visible in order: one sync at a time assigns and commits them
            execute(c, "LOCK TABLE sync_change IN EXCLUSIVE MODE");
        }
        List<Object> params = new ArrayList<>(List.of(feed.runId(), feed.feed(), feed.entity().code(),
                Timestamp.valueOf(now), feed.runId(), feed.feed()));
        execute(c, "INSERT INTO sync_change (run_id, feed, entity, source_system, source_key, change_kind, changed_at)"
                + " SELECT ?, ?, ?, source_system, source_key, change_kind, ? FROM sync_audit WHERE run_id = ? AND"
                + " feed = ? GROUP BY source_system, source_key, change_kind ORDER BY source_key, change_kind",
                params.toArray());
    }

    /**
     * The live staged rows of the feed's source system and entity before this apply: as the last sync of the feed
     * left them; else counted, a scan of them all. Counted again whenever staging may have changed otherwise
     * since: a migrate (it replaces a source system's rows) that is unfinished, ended after that sync or started
     * after it, or another feed of the same source system and entity that finished after it. (Applies run one at
     * a time, so a later one's timestamps are later.)
     */
    private long liveRows(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT f.live_rows FROM sync_feed_state f WHERE f.feed = ?"
                + " AND f.live_rows IS NOT NULL AND NOT EXISTS (SELECT 1 FROM run_summary r WHERE r.command <> 'sync'"
                + " AND (r.ended_at IS NULL OR r.ended_at > f.last_success_at OR r.run_id > f.live_rows_run))"
                + " AND NOT EXISTS (SELECT 1 FROM run_feed o WHERE o.source_system = ? AND o.entity = ? AND o.feed <>"
                + " f.feed AND (o.finished_at > f.last_success_at OR o.run_id > f.live_rows_run))")) {
            ps.setString(1, feed.feed());
            ps.setString(2, feed.sourceSystem());
            ps.setString(3, feed.entity().code());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        return count(c, "SELECT COUNT(*) FROM " + staging + " WHERE source_system = ? AND deleted_at IS NULL",
                feed.sourceSystem());
    }

    private void saveState(Connection c, LocalDateTime now, long liveAfter) throws SQLException {
        String column = feed.entity().field(settings.watermarkField()).orElseThrow().column();
        LocalDateTime watermark = latest(c, "SELECT MAX(" + column + ") FROM " + pending
                + " WHERE run_id = ? AND feed = ?", feed.runId(), feed.feed());
        LocalDateTime previous = SyncState.watermark(c, feed.feed());
        if (watermark == null || (previous != null && previous.isAfter(watermark))) {
            watermark = previous;
        }
        if (watermark == null && settings.isWatermark()) {
            // nothing new and no earlier watermark: the first sync after a migrate, which found every row
            // unchanged. The staged rows' latest time, or every later sync would read the whole table again.
            watermark = latest(c, "SELECT MAX(" + column + ") FROM " + staging + " WHERE source_system = ?",
                    feed.sourceSystem());
        }
        execute(c, "DELETE FROM sync_feed_state WHERE feed = ?", feed.feed());
        execute(c, "INSERT INTO sync_feed_state (feed, source_system, entity, last_run_id, last_success_at, watermark,"
                + " live_rows, live_rows_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", feed.feed(), feed.sourceSystem(),
                feed.entity().code(), feed.runId(), Timestamp.valueOf(now),
                watermark == null ? null : Timestamp.valueOf(watermark), liveAfter, feed.runId());
    }

    /** The single timestamp a query returns, or null. */
    private static LocalDateTime latest(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getTimestamp(1) != null ? rs.getTimestamp(1).toLocalDateTime() : null;
            }
        }
    }

    private long[] dispositions(Connection c) throws SQLException {
        long[] out = new long[3];
        try (PreparedStatement ps = c.prepareStatement("SELECT disposition, COUNT(*) FROM rej_record WHERE run_id = ?"
                + " AND feed = ? GROUP BY disposition")) {
            bind(ps, feed.runId(), feed.feed());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int i = switch (rs.getString(1)) {
                        case "rejected" -> 0;
                        case "superseded" -> 1;
                        default -> 2;
                    };
                    out[i] += rs.getLong(2);
                }
            }
        }
        return out;
    }

    private static boolean isPostgres(Connection c) throws SQLException {
        return SqlDialect.of(c) == SqlDialect.POSTGRESQL;
    }

    private static String sameKey() {
        return "s.source_system = p.source_system AND s.source_key = p.source_key";
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    private static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Timestamp t) {
            return t.toLocalDateTime().toString();
        }
        return v.toString();
    }

    private void audit(Connection c, String sql, LocalDateTime now) throws SQLException {
        execute(c, sql, feed.entity().code(), Timestamp.valueOf(now), feed.runId(), feed.feed());
    }

    private long update(Connection c, String sql) throws SQLException {
        return execute(c, sql, feed.runId(), feed.feed());
    }

    private static long execute(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeLargeUpdate();
        }
    }

    private static long count(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }
}
