package io.mastersync.job;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.mastersync.delta.FeedSync;
import io.mastersync.delta.SafetyValveException;
import io.mastersync.load.RunLedger;
import io.mastersync.load.RunLock;
import io.mastersync.source.SourceChangedException;

/**
 * Runs one delta sync of the feeds of some job files and exits. Never two runs of the same feed at once,
 * even across processes (a lock per feed in the database); an unfinished run of the same job files is
 * resumed before a new delta starts, or abandoned for a new run when its source changed since.
 */
@Component
public class SyncRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SyncRunner.class);

    private final MigrationPlanner planner;
    private final SyncJobFactory jobFactory;
    private final RunLauncher launcher;
    private final JobOperator jobOperator;
    private final DataSource dataSource;

    SyncRunner(MigrationPlanner planner, SyncJobFactory jobFactory, RunLauncher launcher, JobOperator jobOperator,
            DataSource dataSource) {
        this.planner = planner;
        this.jobFactory = jobFactory;
        this.launcher = launcher;
        this.jobOperator = jobOperator;
        this.dataSource = dataSource;
    }

    /** @param force apply even when a feed's change share exceeds its safety valve */
    public SyncResult sync(List<Path> jobFiles, boolean force) throws Exception {
        MigrationPlan plan = planner.plan(jobFiles);
        List<RunLock> locks = new ArrayList<>();
        try {
            for (FeedPlan feed : plan.feeds()) {
                locks.add(RunLock.acquire(dataSource, "sync:" + feed.name()));
            }
            Job job = jobFactory.build(plan);
            JobExecution execution = launcher.launch(job, plan.configHash(), false, force);
            SourceChangedException changed = failure(execution, SourceChangedException.class);
            if (changed != null) {
                // the interrupted run read an export that is gone (tonight's replaced it) or a table that changed
                // since: nothing of its unapplied feeds is applied, and a new run reads the source as it is now
                LOG.warn("sync run {} cannot be resumed: {}; it is abandoned and a new run reads the source as it is"
                        + " now", execution.getJobInstance().getInstanceId(), changed.problem());
                close(execution, "abandoned-source-changed");
                execution = launcher.launch(jobFactory.build(plan), plan.configHash(), false, force);
            }
            long runId = execution.getJobInstance().getInstanceId();
            RunResult result = RunResult.of(execution, new RunLedger(dataSource).feeds(runId));
            List<String> lines = new JdbcTemplate(dataSource).query("SELECT feed, read_count, inserted_count,"
                    + " updated_count, unchanged_count, tombstone_count, rejected_count + superseded_count,"
                    + " filtered_count, deleted_count, not_cleansed_count FROM sync_run_feed WHERE run_id = ?"
                    + " ORDER BY feed", (rs, i) -> String.format(
                            "%-24s %10d %10d %10d %10d %10d %10d %10d %10d %12d", rs.getString(1), rs.getLong(2),
                            rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                            rs.getLong(9), rs.getLong(10)), runId);
            boolean valve = failure(execution, SafetyValveException.class) != null;
            if (!result.success()) {
                lines = new ArrayList<>(lines);
                lines.addAll(notApplied(plan, runId, valve ? "safety valve"
                        : result.qualityGateFailed() ? "quality gate failed" : "run failed"));
            }
            if (valve) {
                // what this run read is suspect: the next run must read the source again, not resume this one
                close(execution, "stopped-safety-valve");
            } else if (result.qualityGateFailed()) {
                // as for migrate: the verdict on what this run read is final, the next sync reads the source again
                close(execution, RunResult.FAILED_QUALITY_GATE);
            }
            return new SyncResult(result, lines, valve);
        } finally {
            for (RunLock lock : locks) {
                lock.close();
            }
        }
    }

    /** Ends a run for good: it is not resumed, and what it read waits for no apply. */
    private void close(JobExecution execution, String status) throws Exception {
        long runId = execution.getJobInstance().getInstanceId();
        new RunLedger(dataSource).finished(runId, status);
        jobOperator.abandon(execution);
        try (Connection c = dataSource.getConnection()) {
            FeedSync.discardRun(c, runId); // auto-commit: nothing else to keep together with it
        }
    }

    /**
     * A line for each feed the run did not apply: its apply rolled back, so it has no counts of its own; what the
     * read step committed (rows read, rejected and filtered) still tells the steward how the export looked.
     */
    private List<String> notApplied(MigrationPlan plan, long runId, String why) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        java.util.Set<String> applied = new java.util.HashSet<>(jdbc.queryForList(
                "SELECT feed FROM sync_run_feed WHERE run_id = ?", String.class, runId));
        List<String> result = new ArrayList<>();
        for (FeedPlan feed : plan.feeds()) {
            String name = feed.name();
            if (applied.contains(name)) {
                continue;
            }
            Long read = jdbc.queryForObject("SELECT SUM(s.read_count) FROM batch_step_execution s JOIN"
                    + " batch_job_execution e ON e.job_execution_id = s.job_execution_id WHERE e.job_instance_id = ?"
                    + " AND s.step_name = ?", Long.class, runId, "detect:" + name);
            long[] rejectedFiltered = new long[2];
            jdbc.query("SELECT disposition, COUNT(*) FROM rej_record WHERE run_id = ? AND feed = ? GROUP BY disposition",
                    rs -> {
                        rejectedFiltered[rs.getString(1).equals("filtered") ? 1 : 0] += rs.getLong(2);
                    }, runId, name);
            result.add(read == null
                    ? String.format("%-24s %10s  not read: %s", name, "-", why)
                    : String.format("%-24s %10d %10s %10s %10s %10s %10d %10d %10s %12s  not applied: %s", name, read,
                            "-", "-", "-", "-", rejectedFiltered[0], rejectedFiltered[1], "-", "-", why));
        }
        return result;
    }

        /** The first failure of the run, or a cause of one, of this type; null if there is none. */
    private static <T extends Throwable> T failure(JobExecution execution, Class<T> type) {
        for (Throwable t : execution.getAllFailureExceptions()) {
            for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (type.isInstance(c)) {
                    return type.cast(c);
                }
            }
        }
        return null;
    }

    /**
     * A sync run's result with one formatted line of counts per feed.
     *
     * @param stoppedBySafetyValve the run stopped before applying because a feed would change too much
     */
    public record SyncResult(RunResult run, List<String> feedLines, boolean stoppedBySafetyValve) {
    }
}
