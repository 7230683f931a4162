package io.mastersync.job;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import io.mastersync.load.RunLedger;

/**
 * How a run ended.
 *
 * @param runId   the run id (job instance id) under which staging rows and rejects are stored
 * @param success true when the run completed
 * @param failure one line saying why it did not complete; null on success
 * @param feeds   the accounting of each published feed
 */
public record RunResult(long runId, boolean success, String failure, List<RunLedger.FeedRow> feeds) {

    static RunResult of(JobExecution execution, List<RunLedger.FeedRow> feeds) {
        boolean ok = execution.getStatus() == BatchStatus.COMPLETED;
        String failure = ok ? null : execution.getAllFailureExceptions().stream()
                .map(RunResult::rootMessage).distinct().collect(Collectors.joining("; "));
        if (!ok && (failure == null || failure.isBlank())) {
            failure = "run ended " + execution.getStatus();
        }
        return new RunResult(execution.getJobInstance().getInstanceId(), ok, failure, feeds);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replace('\n', ' ');
    }
}
