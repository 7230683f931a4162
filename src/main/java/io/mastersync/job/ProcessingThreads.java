package io.mastersync.job;

import java.util.function.Function;

import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.mastersync.source.SourceReader;
import io.mastersync.source.SourceRow;

/** The pool that cleanses and validates rows concurrently when {@code mastersync.processing-threads} is above 1. */
final class ProcessingThreads {

    /** Rows handed to a processing thread at once: enough to make the hand-off cheap, few enough to balance. */
    static final int BATCH_SIZE = 64;

    /** Rows read and processed ahead of the step, in chunks: one chunk being written, up to two coming. */
    static final int CHUNKS_AHEAD = 2;
    /** ...but never more rows than this, so that a large chunk size does not multiply the heap the step needs. */
    static final int MAX_ROWS_AHEAD = 20_000;

    private ProcessingThreads() {
    }

    /** Reads {@code source} ahead of a step whose chunks hold {@code chunkSize} rows, processing on {@code pool}. */
    static <O> ReadAhead<O> readAhead(String name, SourceReader source,
            Function<? super SourceRow, ? extends O> work, AsyncTaskExecutor pool, int chunkSize) {
        return new ReadAhead<>(name, source, work, pool, BATCH_SIZE, rowsAhead(chunkSize));
    }

    static int rowsAhead(int chunkSize) {
        return (int) Math.min(MAX_ROWS_AHEAD, (long) CHUNKS_AHEAD * chunkSize);
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
