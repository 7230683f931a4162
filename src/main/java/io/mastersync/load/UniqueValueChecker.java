package io.mastersync.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mastersync.cleanse.Violation;
import io.mastersync.cleanse.rules.UniqueCheck;

/**
 * Runs the rules files' {@code unique} checks over a feed's landing rows, set-based in the database:
 * decided row by row they would not survive a restart, here they run once in the publish transaction.
 * A warning flags every row sharing a value, in one INSERT ... SELECT (a common value can be shared by a
 * large part of the feed, and those rows need not travel to Java and back); an error rejects them and
 * removes them from staging (their text stays in the source at the recorded line), which is decided here
 * row by row. Staging holds one row per key, so a key counts once. All checks see staging as loaded: the
 * rejected rows are removed after every check has run.
 *
 * <p>A sync checks its pending rows instead (new and changed rows, before they are applied): a value shared
 * with another pending row or with a live staged row that the sync does not replace. An error rejects the
 * pending row, which then leaves the key's staged version as it was.
 */
public final class UniqueValueChecker {

    private static final int FLUSH_AT = 10_000;

    private final RunFeed feed;
    private final BulkInserter inserter;
    /** The sync's pending table, or null when the run's staged rows are checked. */
    private final String pendingTable;

    UniqueValueChecker(RunFeed feed, SqlDialect dialect) {
        this(feed, dialect, null);
    }

    private UniqueValueChecker(RunFeed feed, SqlDialect dialect, String pendingTable) {
        this.feed = feed;
        this.inserter = BulkInserter.forDialect(dialect);
        this.pendingTable = pendingTable;
    }

    /**
     * Runs the checks over a sync's pending rows; returns how many were rejected (and removed from the pending
     * table).
     */
    public static int checkPending(Connection c, RunFeed feed, String pendingTable, List<UniqueCheck> checks)
            throws SQLException {
        return new UniqueValueChecker(feed, SqlDialect.of(c), pendingTable).check(c, checks);
    }

    int check(Connection c, List<UniqueCheck> checks) throws SQLException {
        for (UniqueCheck check : checks) {
            if (check.severity() != Violation.Severity.ERROR) {
                flag(c, check);
            }
        }
        Map<Long, List<Violation>> rejected = new LinkedHashMap<>();
        Map<Long, Object[]> lineage = new LinkedHashMap<>();
        List<Object[]> reasons = new ArrayList<>();
        for (UniqueCheck check : checks) {
            if (check.severity() == Violation.Severity.ERROR) {
                collectRejects(c, check, rejected, lineage, reasons);
            }
        }
        inserter.insert(c, "rej_reason", StagingWriter.REASON_COLUMNS, reasons);
        if (!rejected.isEmpty()) {
            reject(c, rejected, lineage);
        }
        return rejected.size();
    }

    /** An error: the rows sharing a value, their reasons and lineage, to be rejected once every check has run. */
    private void collectRejects(Connection c, UniqueCheck check, Map<Long, List<Violation>> rejected,
            Map<Long, Object[]> lineage, List<Object[]> reasons) throws SQLException {
        String column = feed.entity().field(check.field()).orElseThrow().column();
        try (PreparedStatement ps = c.prepareStatement(pendingTable != null
                ? PublishSql.sharedPendingValues(feed.entity(), pendingTable, column)
                : PublishSql.sharedValues(feed.entity(), column))) {
            ps.setFetchSize(FLUSH_AT);
            bindRunFeed(ps, 1);
            bindSharedCondition(ps, 3);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long recordNo = rs.getLong(1);
                    String key = rs.getString(2);
                    String value = rs.getString(3);
                    Violation v = new Violation(check.field(), check.id(), check.severity(), check.messageFor(value),
                            value);
                    reasons.add(new Object[] {feed.runId(), feed.feed(), recordNo, feed.sourceSystem(), key, v.field(),
                            v.rule(), v.severity().code(), v.message(), value});
                    if (reasons.size() >= FLUSH_AT) {
                        // a common value can be shared by a large part of the feed: keep the heap bounded
                        inserter.insert(c, "rej_reason", StagingWriter.REASON_COLUMNS, reasons);
                        reasons.clear();
                    }
                    rejected.computeIfAbsent(recordNo, n -> new ArrayList<>()).add(v);
                    lineage.put(recordNo, new Object[] {key, rs.getString(4), rs.getLong(5)});
                }
            }
        }
    }

    /** A warning: one reason per row sharing a value, written by the database itself. */
    private void flag(Connection c, UniqueCheck check) throws SQLException {
        String column = feed.entity().field(check.field()).orElseThrow().column();
        try (PreparedStatement ps = c.prepareStatement(pendingTable != null
                ? PublishSql.insertSharedPendingValueReasons(feed.entity(), pendingTable, column)
                : PublishSql.insertSharedValueReasons(feed.entity(), column))) {
            bindRunFeed(ps, 1);
            ps.setString(3, feed.sourceSystem());
            ps.setString(4, check.field());
            ps.setString(5, check.id());
            ps.setString(6, check.severity().code());
            // the message with {field} (and the default text) filled in, {value} left for the database
            ps.setString(7, check.messageFor("{value}"));
            bindRunFeed(ps, 8);
            bindSharedCondition(ps, 10);
            ps.executeUpdate();
        }
    }

    private void reject(Connection c, Map<Long, List<Violation>> rejected, Map<Long, Object[]> lineage)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>(rejected.size());
        LocalDateTime now = LocalDateTime.now();
        for (Map.Entry<Long, List<Violation>> e : rejected.entrySet()) {
            Object[] l = lineage.get(e.getKey());
            rows.add(new Object[] {feed.runId(), feed.feed(), e.getKey(), feed.sourceSystem(), feed.entity().code(),
                    l[0], "rejected", l[1], l[2], null, StagingWriter.summary(e.getValue()), now});
        }
        inserter.insert(c, "rej_record", StagingWriter.REJECT_COLUMNS, rows);
        List<Long> recordNos = new ArrayList<>(rejected.keySet());
        String table = pendingTable != null ? pendingTable : feed.entity().stagingTable();
        for (int from = 0; from < recordNos.size(); from += 1000) {
            List<Long> batch = recordNos.subList(from, Math.min(from + 1000, recordNos.size()));
            try (PreparedStatement ps = c.prepareStatement(PublishSql.deleteRecords(table, batch.size()))) {
                bindRunFeed(ps, 1);
                for (int i = 0; i < batch.size(); i++) {
                    ps.setLong(3 + i, batch.get(i));
                }
                ps.executeUpdate();
            }
        }
    }

    /**
     * The parameters of the condition that finds shared values: (run, feed) for the run's staged rows;
     * run, feed, source system, run, feed, run, feed, run, feed for a sync's pending rows
     * ({@link PublishSql#pendingShared}).
     */
    private void bindSharedCondition(PreparedStatement ps, int from) throws SQLException {
        bindRunFeed(ps, from);
        if (pendingTable != null) {
            ps.setString(from + 2, feed.sourceSystem());
            bindRunFeed(ps, from + 3);
            bindRunFeed(ps, from + 5);
            bindRunFeed(ps, from + 7);
        }
    }

    private void bindRunFeed(PreparedStatement ps, int from) throws SQLException {
        ps.setLong(from, feed.runId());
        ps.setString(from + 1, feed.feed());
    }
}
