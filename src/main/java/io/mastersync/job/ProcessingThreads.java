package io.mastersync.job;

import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The pool that cleanses and validates rows concurrently when {@code mastersync.processing-threads} is above 1. */
final class ProcessingThreads {

    /** Rows handed to a processing thread at once: enough to make the hand-off cheap, few enough to balance. */
    static final int BATCH_SIZE = 64;

    private ProcessingThreads() {
    }

    /** Null for one thread: the step then processes on its own thread, without hand-offs. */
    static AsyncTaskExecutor executor(int threads) {
        if (threads <= 1) {
            return null;
        }
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setCorePoolSize(threads);
        pool.setMaxPoolSize(threads);
        pool.setThreadNamePrefix("cleanse-");
        pool.setDaemon(true);
        pool.initialize();
        return pool;
    }
}
