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
 * @param quality the verdict of the quality stage and where its report is; null when the stage did not run
 */
public record RunResult(long runId, boolean success, String failure, List<RunLedger.FeedRow> feeds, Quality quality) {

    /** The status a run gets in {@code run_summary} when an error-level quality check failed. */
    public static final String FAILED_QUALITY_GATE = "failed-quality-gate";

    public RunResult(long runId, boolean success, String failure, List<RunLedger.FeedRow> feeds) {
        this(runId, success, failure, feeds, null);
    }

    /**
     * What the quality gate decided.
     *
     * @param verdict        passed, passed-with-warnings or failed
     * @param blockingChecks error-level checks that failed or could not be evaluated
     * @param gateFailed     the gate stopped the run
     */
    public record Quality(String verdict, long blockingChecks, String reportHtml, String reportJson, boolean gateFailed) {
    }

    /** The run was stopped by its quality gate (exit code 3). */
    public boolean qualityGateFailed() {
        return quality != null && quality.gateFailed();
    }

    static RunResult of(JobExecution execution, List<RunLedger.FeedRow> feeds) {
        boolean ok = execution.getStatus() == BatchStatus.COMPLETED;
        String failure = ok ? null : execution.getAllFailureExceptions().stream()
                .map(RunResult::rootMessage).distinct().collect(Collectors.joining("; "));
        if (!ok && (failure == null || failure.isBlank())) {
            failure = "run ended " + execution.getStatus();
        }
        return new RunResult(execution.getJobInstance().getInstanceId(), ok, failure, feeds, quality(execution));
    }

    private static Quality quality(JobExecution execution) {
        var context = execution.getExecutionContext();
        if (!context.containsKey(QualityStage.VERDICT)) {
            return null;
        }
        boolean gateFailed = execution.getAllFailureExceptions().stream().anyMatch(RunResult::isGateFailure);
        return new Quality(context.getString(QualityStage.VERDICT), context.getLong(QualityStage.BLOCKING, 0L),
                context.getString(QualityStage.REPORT_HTML, null), context.getString(QualityStage.REPORT_JSON, null),
                gateFailed);
    }

    private static boolean isGateFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof io.mastersync.quality.QualityGateException) {
                return true;
            }
        }
        return false;
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
