package io.mastersync.quality;

/**
 * Thrown by the quality gate of a run when an error-level check failed: it stops the run after the
 * results and the report are stored, so that no later stage publishes data that failed its checks.
 */
public final class QualityGateException extends RuntimeException {

    private final long failedChecks;

    public QualityGateException(long failedChecks, String message) {
        super(message);
        this.failedChecks = failedChecks;
    }

    public long failedChecks() {
        return failedChecks;
    }
}
