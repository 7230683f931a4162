package io.mastersync.job;

import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import io.mastersync.load.RunLedger;
import io.mastersync.load.RunLock;

/**
 * Starts a migrate run, or resumes the unfinished run of the same job files: a failed, stopped or
 * killed run continues from its last committed chunk. A run killed with -9 is still marked as running
 * in the job repository; holding the run lock proves nobody runs it, so it is recovered first.
 */
@Component
public class MigrationRunner {

    private final MigrationPlanner planner;
    private final MigrateJobFactory jobFactory;
    private final RunLauncher launcher;
    private final DataSource dataSource;

    MigrationRunner(MigrationPlanner planner, MigrateJobFactory jobFactory, RunLauncher launcher,
            DataSource dataSource) {
        this.planner = planner;
        this.jobFactory = jobFactory;
        this.launcher = launcher;
        this.dataSource = dataSource;
    }

    /**
     * @param fresh abandon an unfinished run of the same job files instead of resuming it
     */
    public RunResult migrate(List<Path> jobFiles, boolean fresh) throws Exception {
        MigrationPlan plan = planner.plan(jobFiles);
        Job job = jobFactory.build(plan);
        try (RunLock lock = RunLock.acquire(dataSource, "migrate:" + plan.configHash())) {
            JobExecution execution = launcher.launch(job, plan.configHash(), fresh, false);
            long runId = execution.getJobInstance().getInstanceId();
            List<RunLedger.FeedRow> feeds = new RunLedger(dataSource).feeds(runId);
            return RunResult.of(execution, feeds);
        }
    }
}
