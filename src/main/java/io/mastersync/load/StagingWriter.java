package io.mastersync.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;


import io.mastersync.canonical.RecordFingerprint;
import io.mastersync.cleanse.FieldChange;
import io.mastersync.cleanse.RowOutcome;
import io.mastersync.cleanse.Violation;
import io.mastersync.source.RowLineage;

/**
 * Writes one chunk of row outcomes: accepted rows straight into the staging table with COPY, rejected
 * and filtered rows to {@code rej_record}, and every rule outcome (errors and warnings) to
 * {@code rej_reason}. Uses the caller's connection so that the chunk commits atomically with the step's
 * restart state.
 *
 * <p>A key that occurs twice in a feed is loaded once: the later row wins and the earlier one is recorded
 * as superseded. Within a chunk that is decided in memory; across chunks a compact set of the keys staged
 * so far sends a repeated key down a slow path that replaces the staged row. The feed's staged rows of
 * earlier runs are cleared before the first chunk (see {@link PublishSql#clearFeed}), so COPY never meets
 * a key it does not know about. One writer serves one step execution; not thread-safe.
 */
public final class StagingWriter {

    static final List<String> REJECT_COLUMNS = List.of("run_id", "feed", "record_no", "source_system", "entity",
            "source_key", "disposition", "source_file", "source_line", "raw_record", "reasons", "rejected_at");
    static final List<String> REASON_COLUMNS = List.of("run_id", "feed", "record_no", "source_system", "source_key",
            "field", "rule_id", "severity", "message", "bad_value");
    static final List<String> SEEN_COLUMNS = List.of("run_id", "feed", "key_hash", "record_no", "source_unchanged",
            "source_file", "source_line", "source_hash");
    static final List<String> REPEAT_COLUMNS = List.of("run_id", "feed", "key_hash");
    /** Position of content_hash in a staged row, counted from its end (see {@link StagingColumns#LINEAGE}). */
    private static final int CONTENT_HASH_FROM_END = 2;
    static final List<String> COUNT_COLUMNS = List.of("run_id", "feed", "normalizer", "field", "changed_count");
    static final List<String> EXAMPLE_COLUMNS = List.of("run_id", "feed", "normalizer", "field", "before_value",
            "after_value");
    private static final int MAX_VALUE_LENGTH = 2000;
    /** Before/after examples kept per normalizer and step execution: enough to show a steward what happened. */
    private static final int EXAMPLES_PER_NORMALIZER = 5;

    private final RunFeed feed;
    private final BulkInserter inserter;
    private final List<String> stagingColumns;
    private final String stagingTable;
    private final StagingTarget target;
    private final SeenKeys seen = new SeenKeys();
    private final Map<String, Integer> examplesWritten = new HashMap<>();
    private final Encoded encodedRunId;
    private final Encoded encodedFeed;
    private Encoded lastOrigin;

    public StagingWriter(RunFeed feed, SqlDialect dialect) {
        this(feed, dialect, StagingTarget.staging(feed.entity()));
    }

    public StagingWriter(RunFeed feed, SqlDialect dialect, StagingTarget target) {
        this.feed = feed;
        this.target = target;
        this.inserter = BulkInserter.forDialect(dialect);
        this.stagingColumns = StagingColumns.all(feed.entity());
        this.stagingTable = target.table();
        this.encodedRunId = Encoded.of(feed.runId());
        this.encodedFeed = Encoded.of(feed.feed());
    }

    /** Remembers the keys this run already wrote (a restart continues after them). */
    public void rememberStagedKeys(Connection connection) throws SQLException {
        if (target.recordSeenKeys()) {
            SeenBlocks.read(connection, feed, (file, keyHash, recordNo, line) -> seen.addHash(keyHash));
        }
        String sql = target.recordSeenKeys() ? "SELECT key_hash FROM sync_seen WHERE run_id = ? AND feed = ?"
                : PublishSql.stagedKeys(feed.entity());
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setFetchSize(10_000);
            ps.setLong(1, feed.runId());
            ps.setString(2, feed.feed());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (target.recordSeenKeys()) {
                        seen.addHash(rs.getLong(1));
                    } else {
                        seen.add(rs.getString(1));
                    }
                }
            }
        }
    }

    public void write(Connection connection, List<? extends RowOutcome> outcomes) throws SQLException {
        LocalDateTime now = LocalDateTime.now();
        Chunk chunk = new Chunk(outcomes.size());
        // per key hash the chunk's last row for the key: an Accepted, or (in a sync) an Unchanged
        Map<Long, RowOutcome> latest = new LinkedHashMap<>(outcomes.size() * 2);
        for (RowOutcome outcome : outcomes) {
            countChanges(outcome.changes(), chunk);
            if (outcome instanceof RowOutcome.Accepted a) {
                keepLatest(connection, latest, RecordFingerprint.key(a.sourceKey()), a, chunk, now);
                addReasons(chunk.reasons, a.lineage(), a.sourceKey(), a.warnings());
            } else if (outcome instanceof RowOutcome.Unchanged u) {
                if (!target.recordSeenKeys()) {
                    throw new IllegalStateException("an unchanged row outside a sync: " + u.lineage());
                }
                keepLatest(connection, latest, u.keyHash(), u, chunk, now);
            } else if (outcome instanceof RowOutcome.Rejected r) {
                chunk.rejects.add(rejectRow(r, "rejected", r.reasons(), now));
                addReasons(chunk.reasons, r.lineage(), r.sourceKey(), r.reasons());
            } else if (outcome instanceof RowOutcome.Filtered f) {
                chunk.rejects.add(rejectRow(f, "filtered", List.of(f.rule()), now));
                addReasons(chunk.reasons, f.lineage(), f.sourceKey(), List.of(f.rule()));
            }
        }
        List<RowOutcome.Accepted> repeated = new ArrayList<>();
        Encoded loadedAt = Encoded.of(now);
        List<Object[]> seenKeys = target.recordSeenKeys() ? new ArrayList<>() : List.of();
        SeenBlocks unchangedKeys = new SeenBlocks();
        List<Object[]> repeatedKeys = new ArrayList<>();
        for (Map.Entry<Long, RowOutcome> entry : latest.entrySet()) {
            long keyHash = entry.getKey();
            boolean firstTime = seen.addHash(keyHash);
            if (!firstTime && target.recordSeenKeys()) {
                repeatedKeys.add(new Object[] {encodedRunId, encodedFeed, keyHash});
            }
            if (entry.getValue() instanceof RowOutcome.Unchanged u) {
                // staging has this row already; the key is seen, and a later row of the key may still win
                RowLineage lineage = u.lineage();
                unchangedKeys.add(lineage.origin(), keyHash, lineage.recordNumber(), lineage.line());
                continue;
            }
            RowOutcome.Accepted a = (RowOutcome.Accepted) entry.getValue();
            Object[] row = stagedRow(a, loadedAt, keyHash);
            // a repeated key is always written, so that its last row wins when the sync is applied
            boolean unchanged = firstTime && target.changes() != null
                    && !target.changes().changed(keyHash, (Long) row[row.length - CONTENT_HASH_FROM_END]);
            if (target.recordSeenKeys()) {
                // an unchanged row that was cleansed anyway (new source text, rules or release) brings its source
                // fingerprint, which the sync stores so that the next one can skip the row
                seenKeys.add(new Object[] {encodedRunId, encodedFeed, keyHash, a.lineage().recordNumber(),
                        Boolean.FALSE, encodedOrigin(a.lineage().origin()), a.lineage().line(),
                        unchanged ? row[row.length - 1] : null});
            }
            if (unchanged) {
                continue;
            }
            if (!target.replaceRepeated() || firstTime) {
                chunk.staged.add(row);
            } else {
                repeated.add(a);
            }
        }
        inserter.insert(connection, "sync_seen", SEEN_COLUMNS, seenKeys);
        if (!unchangedKeys.isEmpty()) {
            inserter.insert(connection, SeenBlocks.TABLE, SeenBlocks.COLUMNS, unchangedKeys.rows(encodedRunId,
                    encodedFeed));
        }
        inserter.insert(connection, "sync_repeat", REPEAT_COLUMNS, repeatedKeys);
        for (RowOutcome.Accepted a : repeated) {
            replaceEarlier(connection, a, chunk, now, loadedAt);
        }
        inserter.insert(connection, stagingTable, stagingColumns, chunk.staged);
        inserter.insert(connection, "rej_record", REJECT_COLUMNS, chunk.rejects);
        inserter.insert(connection, "rej_reason", REASON_COLUMNS, chunk.reasons);
        if (!chunk.changeCounts.isEmpty()) {
            List<Object[]> counts = new ArrayList<>(chunk.changeCounts.size());
            chunk.changeCounts.forEach((key, n) -> {
                int tab = key.indexOf('\t');
                counts.add(new Object[] {feed.runId(), feed.feed(), key.substring(0, tab), key.substring(tab + 1), n[0]});
            });
            inserter.insert(connection, "dq_normalizer_count", COUNT_COLUMNS, counts);
            inserter.insert(connection, "dq_normalizer_example", EXAMPLE_COLUMNS, chunk.examples);
        }
    }

    /** Within a chunk the later row of a key wins; the earlier one is recorded as superseded. */
    private void keepLatest(Connection c, Map<Long, RowOutcome> latest, long keyHash, RowOutcome row, Chunk chunk,
            LocalDateTime now) throws SQLException {
        RowOutcome earlier = latest.put(keyHash, row);
        if (earlier == null) {
            return;
        }
        String key = row.sourceKey() != null ? row.sourceKey()
                : earlier.sourceKey() != null ? earlier.sourceKey() : stagedKey(c, feed, keyHash);
        RowLineage lost = earlier.lineage();
        chunk.superseded(lost.recordNumber(), key, lost.origin(), lost.line(), lost.raw(), row.lineage(), now);
    }

    /**
     * The source key of the feed's live staged row with this key hash, or null (rows whose cleansing a sync
     * skipped carry only the hash).
     */
    public static String stagedKey(Connection c, RunFeed feed, long keyHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT source_key FROM " + feed.entity().stagingTable()
                + " WHERE source_system = ? AND key_hash = ? AND deleted_at IS NULL")) {
            ps.setString(1, feed.sourceSystem());
            ps.setLong(2, keyHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** A key staged by an earlier chunk comes again: record the staged row as superseded and replace it. */
    private void replaceEarlier(Connection c, RowOutcome.Accepted a, Chunk chunk, LocalDateTime now,
            Encoded loadedAt) throws SQLException {
        try (PreparedStatement find = c.prepareStatement(PublishSql.stagedLineage(feed.entity()))) {
            find.setString(1, feed.sourceSystem());
            find.setString(2, a.sourceKey());
            try (ResultSet rs = find.executeQuery()) {
                if (rs.next()) {
                    chunk.superseded(rs.getLong(1), a.sourceKey(), rs.getString(2), rs.getLong(3), null, a.lineage(),
                            now);
                    try (PreparedStatement delete = c.prepareStatement(PublishSql.deleteStaged(feed.entity()))) {
                        delete.setString(1, feed.sourceSystem());
                        delete.setString(2, a.sourceKey());
                        delete.executeUpdate();
                    }
                }
                // else: a hash collision with another key, nothing to replace
            }
        }
        chunk.staged.add(stagedRow(a, loadedAt, RecordFingerprint.key(a.sourceKey())));
    }

    /** The rows one chunk writes, by target table. */
    private final class Chunk {
        final List<Object[]> staged;
        final List<Object[]> rejects = new ArrayList<>();
        final List<Object[]> reasons = new ArrayList<>();
        final Map<String, long[]> changeCounts = new TreeMap<>();
        final List<Object[]> examples = new ArrayList<>();

        Chunk(int size) {
            staged = new ArrayList<>(size);
        }

        void superseded(long recordNo, String key, String file, long line, String raw, RowLineage winner,
                LocalDateTime now) {
            String message = "source key '" + key + "' appears again at line " + winner.line() + " of "
                    + winner.origin() + ": the later row wins";
            Violation v = Violation.error("source-key", "duplicate-key", message, key);
            rejects.add(new Object[] {feed.runId(), feed.feed(), recordNo, feed.sourceSystem(), feed.entity().code(),
                    clip(key, 128), "superseded", file, line, raw, summary(List.of(v)), now});
            reasons.add(new Object[] {feed.runId(), feed.feed(), recordNo, feed.sourceSystem(), clip(key, 128),
                    v.field(), v.rule(), v.severity().code(), clip(v.message(), MAX_VALUE_LENGTH), clip(key, MAX_VALUE_LENGTH)});
        }
    }

    private void countChanges(List<FieldChange> changes, Chunk chunk) {
        for (FieldChange change : changes) {
            chunk.changeCounts.computeIfAbsent(change.normalizer() + "\t" + change.field(), k -> new long[1])[0]++;
            if (examplesWritten.merge(change.normalizer(), 1, Integer::sum) <= EXAMPLES_PER_NORMALIZER) {
                chunk.examples.add(new Object[] {feed.runId(), feed.feed(), change.normalizer(), change.field(),
                        clip(change.before(), MAX_VALUE_LENGTH), clip(change.after(), MAX_VALUE_LENGTH)});
            }
        }
    }

    private Object[] stagedRow(RowOutcome.Accepted a, Object loadedAt, long keyHash) {
        Object[] values = a.record().values();
        Object[] row = new Object[values.length + StagingColumns.LINEAGE.size()];
        System.arraycopy(values, 0, row, 0, values.length);
        int i = values.length;
        RowLineage lineage = a.lineage();
        row[i++] = encodedRunId;
        row[i++] = encodedFeed;
        row[i++] = encodedOrigin(lineage.origin());
        row[i++] = lineage.line();
        row[i++] = lineage.recordNumber();
        row[i++] = loadedAt;
        row[i++] = keyHash;
        row[i++] = RecordFingerprint.content(a.record());
        row[i] = a.sourceFingerprint() == 0 ? null : a.sourceFingerprint();
        return row;
    }

    /** Rows of one file share their origin: encode it once per file. */
    private Encoded encodedOrigin(String origin) {
        if (lastOrigin == null || !lastOrigin.value().equals(origin)) {
            lastOrigin = Encoded.of(origin);
        }
        return lastOrigin;
    }

    private Object[] rejectRow(RowOutcome outcome, String disposition, List<Violation> why, LocalDateTime now) {
        RowLineage lineage = outcome.lineage();
        return new Object[] {feed.runId(), feed.feed(), lineage.recordNumber(), feed.sourceSystem(),
                feed.entity().code(), clip(outcome.sourceKey(), 128), disposition, lineage.origin(), lineage.line(),
                lineage.raw(), summary(why), now};
    }

    private void addReasons(List<Object[]> reasons, RowLineage lineage, String sourceKey, List<Violation> violations) {
        for (Violation v : violations) {
            reasons.add(new Object[] {feed.runId(), feed.feed(), lineage.recordNumber(), feed.sourceSystem(),
                    clip(sourceKey, 128), v.field(), v.rule(), v.severity().code(), clip(v.message(), MAX_VALUE_LENGTH),
                    clip(v.value(), MAX_VALUE_LENGTH)});
        }
    }

    /** The reasons of a reject in one readable line, for people who read the table or its CSV export. */
    static String summary(List<Violation> violations) {
        StringBuilder sb = new StringBuilder();
        for (Violation v : violations) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append('[').append(v.severity().code()).append(' ').append(v.rule()).append("] ").append(v.message());
        }
        return sb.toString();
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
