package io.mastersync.job;

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

/**
 * Starts a run of a job for a configuration, or resumes the unfinished run of the same configuration: a
 * failed, stopped or killed run continues from its last committed chunk. A run killed with -9 is still
 * marked as running in the job repository; the caller holds the run lock, which proves nobody runs it,
 * so it is recovered first. Runs of one configuration are numbered by an {@code attempt} parameter.
 */
@Component
class RunLauncher {

    private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;

    RunLauncher(JobOperator jobOperator, JobRepository jobRepository) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
    }

    /**
     * @param fresh abandon an unfinished run of the same configuration instead of resuming it
     * @param force passed to the run as the non-identifying parameter {@code force} (also to a resumed one)
     */
    JobExecution launch(Job job, String configHash, boolean fresh, boolean force) throws Exception {
        for (long attempt = 1; ; attempt++) {
            JobParameters params = new JobParametersBuilder()
                    .addString("config", configHash)
                    .addLong("attempt", attempt)
                    .addString("force", Boolean.toString(force), false)
                    .toJobParameters();
            JobInstance instance = jobRepository.getJobInstance(job.getName(), params);
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
