package io.mastersync.job;

import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
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
    private final JobOperator jobOperator;
    private final DataSource dataSource;

    MigrationRunner(MigrationPlanner planner, MigrateJobFactory jobFactory, RunLauncher launcher,
            JobOperator jobOperator, DataSource dataSource) {
        this.planner = planner;
        this.jobFactory = jobFactory;
        this.launcher = launcher;
        this.jobOperator = jobOperator;
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
            RunLedger ledger = new RunLedger(dataSource);
            RunResult result = RunResult.of(execution, ledger.feeds(runId));
            if (result.qualityGateFailed()) {
                // the verdict on this run's data is final: record it, and let the next migrate start a new run
                ledger.finished(runId, RunResult.FAILED_QUALITY_GATE);
                jobOperator.abandon(execution);
            }
            return result;
        }
    }
}
