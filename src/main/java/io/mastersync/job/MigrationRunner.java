package io.mastersync.job;

import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
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

    private static final Logger log = LoggerFactory.getLogger(MigrationRunner.class);

    private final MigrationPlanner planner;
    private final MigrateJobFactory jobFactory;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final DataSource dataSource;

    MigrationRunner(MigrationPlanner planner, MigrateJobFactory jobFactory, JobOperator jobOperator,
            JobRepository jobRepository, DataSource dataSource) {
        this.planner = planner;
        this.jobFactory = jobFactory;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.dataSource = dataSource;
    }

    /**
     * @param fresh abandon an unfinished run of the same job files instead of resuming it
     */
    public RunResult migrate(List<Path> jobFiles, boolean fresh) throws Exception {
        MigrationPlan plan = planner.plan(jobFiles);
        Job job = jobFactory.build(plan);
        try (RunLock lock = RunLock.acquire(dataSource, "migrate:" + plan.configHash())) {
            JobExecution execution = launch(job, plan, fresh);
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

    private JobExecution launch(Job job, MigrationPlan plan, boolean fresh) throws Exception {
        for (long attempt = 1; ; attempt++) {
            JobParameters params = new JobParametersBuilder()
                    .addString("config", plan.configHash())
                    .addLong("attempt", attempt)
                    .toJobParameters();
            JobInstance instance = jobRepository.getJobInstance(MigrateJobFactory.JOB_NAME, params);
            if (instance == null) {
                return jobOperator.start(job, params);
            }
            JobExecution last = jobRepository.getLastJobExecution(instance);
            BatchStatus status = last == null ? BatchStatus.COMPLETED : last.getStatus();
            if (status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED) {
                continue;
            }
            if (status.isRunning() || status == BatchStatus.UNKNOWN) {
                log.warn("run {} was interrupted while {}; recovering it", instance.getInstanceId(), status);
                last = jobOperator.recover(last);
            }
            if (fresh) {
                log.warn("abandoning unfinished run {} as --fresh asks", instance.getInstanceId());
                jobOperator.abandon(last);
                continue;
            }
            log.info("resuming run {} from its last committed chunk", instance.getInstanceId());
            return jobOperator.start(job, params);
        }
    }
}
