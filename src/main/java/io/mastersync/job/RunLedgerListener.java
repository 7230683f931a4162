package io.mastersync.job;

import java.util.Locale;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import io.mastersync.load.RunLedger;

/** Keeps {@code run_summary} in step with a run: started (or resumed) before, its status after. */
final class RunLedgerListener implements JobExecutionListener {

    private final RunLedger ledger;
    private final String command;
    private final MigrationPlan plan;

    RunLedgerListener(RunLedger ledger, String command, MigrationPlan plan) {
        this.ledger = ledger;
        this.command = command;
        this.plan = plan;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        ledger.started(execution.getJobInstance().getInstanceId(), command, plan.jobFiles(), plan.configHash(),
                plan.rulesHash());
    }

    @Override
    public void afterJob(JobExecution execution) {
        // a completed run was totalled by its last step
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            ledger.finished(execution.getJobInstance().getInstanceId(),
                    execution.getStatus().name().toLowerCase(Locale.ROOT));
        }
    }
}
