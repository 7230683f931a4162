package io.mastersync.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Processes a step's items on the processing threads in batches of rows. Spring Batch's concurrent chunk
 * processing submits one task per item; for work of a few microseconds (a sync skipping an unchanged row, a
 * plain mapping) the hand-off cost more than the work, and on two cores it made a sync twice as slow. Here the
 * step stays single-threaded for Spring Batch: its thread reads, hands every {@code batchSize} rows to the pool
 * as one task, and the writer waits for the results and writes them in read order, in the chunk's transaction.
 * Without a pool the work runs on the step's thread.
 *
 * <p>One instance per step; its processor and writer are called by the step's thread only.
 */
final class BatchedProcessing<I, O> {

    private final Function<? super I, ? extends O> work;
    private final Executor pool;
    private final int batchSize;
    private Batch<I, O> open;

    BatchedProcessing(Function<? super I, ? extends O> work, Executor pool, int batchSize) {
        this.work = work;
        this.pool = pool;
        this.batchSize = batchSize;
    }

    ItemProcessor<I, Deferred<O>> processor() {
        return item -> {
            if (pool == null) {
                return Deferred.done(work.apply(item));
            }
            if (open == null) {
                open = new Batch<>(batchSize);
            }
            Deferred<O> deferred = open.add(item);
            if (open.size == batchSize) {
                submitOpenBatch();
            }
            return deferred;
        };
    }

    /** Waits for the chunk's items and hands their results, in read order, to {@code delegate}. */
    ItemWriter<Deferred<O>> writer(ItemWriter<O> delegate) {
        return chunk -> {
            submitOpenBatch();
            List<O> results = new ArrayList<>(chunk.size());
            for (Deferred<O> deferred : chunk) {
                results.add(deferred.get());
            }
            delegate.write(new Chunk<>(results));
        };
    }

    private void submitOpenBatch() {
        if (open != null) {
            Batch<I, O> batch = open;
            open = null;
            batch.done = CompletableFuture.runAsync(() -> batch.run(work), pool);
        }
    }

    /** The result of one item, available once its batch ran. */
    static final class Deferred<O> {
        private final Batch<?, O> batch;
        private final int index;
        private final O result;

        private Deferred(Batch<?, O> batch, int index, O result) {
            this.batch = batch;
            this.index = index;
            this.result = result;
        }

        static <O> Deferred<O> done(O result) {
            return new Deferred<>(null, -1, result);
        }

        O get() {
            if (batch == null) {
                return result;
            }
            try {
                batch.done.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
            }
            return batch.results.get(index);
        }
    }

    private static final class Batch<I, O> {
        private final List<I> items;
        private final List<O> results;
        private int size;
        private CompletableFuture<Void> done;

        Batch(int capacity) {
            items = new ArrayList<>(capacity);
            results = new ArrayList<>(capacity);
        }

        Deferred<O> add(I item) {
            items.add(item);
            return new Deferred<>(this, size++, null);
        }

        void run(Function<? super I, ? extends O> work) {
            for (I item : items) {
                results.add(work.apply(item));
            }
        }
    }
}
