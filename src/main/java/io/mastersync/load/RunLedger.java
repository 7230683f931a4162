package io.mastersync.load;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The run tables: {@code run_summary} (one row per run) and {@code run_feed} (accounting per feed).
 * Thread-safe.
 */
public final class RunLedger {

    private final JdbcTemplate jdbc;

    public RunLedger(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Records the start of a run; a restart of the same run keeps the original start time. */
    public void started(long runId, String command, String jobFiles, String configHash, String rulesHash) {
        int updated = jdbc.update("UPDATE run_summary SET status = 'running', ended_at = NULL WHERE run_id = ?", runId);
        if (updated == 0) {
            jdbc.update("INSERT INTO run_summary (run_id, command, job_files, config_hash, rules_hash, status, started_at)"
                    + " VALUES (?, ?, ?, ?, ?, 'running', ?)", runId, command, jobFiles, configHash, rulesHash,
                    Timestamp.valueOf(LocalDateTime.now()));
        }
    }

    /** Stores the accounting of one feed; called in the publish transaction. */
    public void feedFinished(RunFeed feed, String source, String rulesHash, FeedAccounting a) {
        jdbc.update("DELETE FROM run_feed WHERE run_id = ? AND feed = ?", feed.runId(), feed.feed());
        jdbc.update("INSERT INTO run_feed (run_id, feed, source_system, entity, source, rules_hash, read_count,"
                + " loaded_count, rejected_count, superseded_count, filtered_count, flagged_count, finished_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", feed.runId(), feed.feed(), feed.sourceSystem(),
                feed.entity().code(), source, rulesHash, a.read(), a.loaded(), a.rejected(), a.superseded(),
                a.filtered(), a.flagged(), Timestamp.valueOf(LocalDateTime.now()));
    }

    /** Totals the feeds into the run row and sets its final status. */
    public void finished(long runId, String status) {
        jdbc.update("UPDATE run_summary SET status = ?, ended_at = ?,"
                + " read_count = (SELECT COALESCE(SUM(read_count), 0) FROM run_feed f WHERE f.run_id = ?),"
                + " loaded_count = (SELECT COALESCE(SUM(loaded_count), 0) FROM run_feed f WHERE f.run_id = ?),"
                + " rejected_count = (SELECT COALESCE(SUM(rejected_count + superseded_count), 0) FROM run_feed f"
                + " WHERE f.run_id = ?),"
                + " filtered_count = (SELECT COALESCE(SUM(filtered_count), 0) FROM run_feed f WHERE f.run_id = ?)"
                + " WHERE run_id = ?", status, Timestamp.valueOf(LocalDateTime.now()), runId, runId, runId, runId,
                runId);
    }

    public List<FeedRow> feeds(long runId) {
        return jdbc.query("SELECT feed, entity, read_count, loaded_count, rejected_count, superseded_count,"
                + " filtered_count, flagged_count FROM run_feed WHERE run_id = ? ORDER BY feed",
                (rs, i) -> new FeedRow(rs.getString(1), rs.getString(2), new FeedAccounting(rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8))), runId);
    }

    /** One feed's stored accounting. */
    public record FeedRow(String feed, String entity, FeedAccounting accounting) {
    }
}
