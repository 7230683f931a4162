package io.mastersync.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import io.mastersync.cleanse.rules.UniqueCheck;

/**
 * Finishes one feed of one run after its rows are staged: runs the set-based rules (uniqueness within the
 * feed) and accounts for every row. Runs on the caller's connection and transaction: a publish that is
 * killed half-way rolls back whole and is simply run again on restart.
 */
public final class FeedPublisher {

    private final RunFeed feed;
    private final SqlDialect dialect;
    private final List<UniqueCheck> uniqueChecks;

    /** @param uniqueChecks the rules files' uniqueness checks, run here over the whole feed */
    public FeedPublisher(RunFeed feed, SqlDialect dialect, List<UniqueCheck> uniqueChecks) {
        this.feed = feed;
        this.dialect = dialect;
        this.uniqueChecks = List.copyOf(uniqueChecks);
    }

    /**
     * @param read rows the reader returned for this feed in this run (over all restarts)
     * @return the accounting; check {@link FeedAccounting#balanced()}
     */
    public FeedAccounting publish(Connection c, long read) throws SQLException {
        if (dialect == SqlDialect.POSTGRESQL) {
            try (PreparedStatement ps = c.prepareStatement(PublishSql.analyze(feed.entity()))) {
                ps.execute();
            }
        }
        if (!uniqueChecks.isEmpty()) {
            new UniqueValueChecker(feed, dialect).check(c, uniqueChecks);
        }
        long loaded = queryLong(c, PublishSql.countStaged(feed.entity()));
        long rejected = 0;
        long superseded = 0;
        long filtered = 0;
        try (PreparedStatement ps = c.prepareStatement(PublishSql.countDispositions())) {
            bindRunFeed(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    switch (rs.getString(1)) {
                        case "rejected" -> rejected = rs.getLong(2);
                        case "superseded" -> superseded = rs.getLong(2);
                        case "filtered" -> filtered = rs.getLong(2);
                        default -> throw new SQLException("unknown disposition " + rs.getString(1));
                    }
                }
            }
        }
        long flagged;
        try (PreparedStatement ps = c.prepareStatement(PublishSql.countFlagged())) {
            bindRunFeed(ps);
            ps.setLong(3, feed.runId());
            ps.setString(4, feed.feed());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                flagged = rs.getLong(1);
            }
        }
        return new FeedAccounting(read, loaded, rejected, superseded, filtered, flagged);
    }

    private long queryLong(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindRunFeed(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void bindRunFeed(PreparedStatement ps) throws SQLException {
        ps.setLong(1, feed.runId());
        ps.setString(2, feed.feed());
    }
}
