package io.mastersync.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import io.mastersync.source.SourceChangedException;
import io.mastersync.source.SourcePosition;
import io.mastersync.source.SourceReader;
import io.mastersync.source.SourceRow;

/**
 * Reads a source and processes its rows ahead of the step, so that reading, parsing and cleansing the next
 * rows overlap with the database storing the current chunk. A read-ahead thread reads rows, hands every
 * {@code batchSize} rows to the processing pool as one task (or processes them itself without a pool) and
 * queues the batches, at most {@code maxRowsAhead} rows ahead of the step. The step's thread takes the
 * results in read order.
 *
 * <p>The position saved with each chunk is that of the last row the step took, not of the last row read
 * ahead: a restart reopens the source right after the last committed row, as if nothing had been read ahead.
 * Rows read ahead of a crash are read again. Memory stays bounded by {@code maxRowsAhead}.
 *
 * <p>Spring Batch calls {@link #open}, {@link #read}, {@link #update} and {@link #close} on the step's thread.
 */
final class ReadAhead<O> implements ItemStreamReader<O> {

    static final String FILE_INDEX = "source.file-index";
    static final String RECORDS_IN_FILE = "source.records-in-file";
    static final String RECORDS_TOTAL = "source.records-total";
    static final String TOTAL_BYTES = "source.total-bytes";
    static final String READ_HASH = "source.read-hash";

    private final String name;
    private final SourceReader source;
    private final Function<? super SourceRow, ? extends O> work;
    private final Executor pool;
    private final int batchSize;
    private final BlockingQueue<Batch<O>> queue;
    private Thread thread;
    private volatile boolean closing;
    private Batch<O> current;
    private int next;
    private boolean ended;
    private SourcePosition taken = SourcePosition.START;

    /**
     * @param name         names the read-ahead thread (the feed)
     * @param pool         processing threads, or null to process on the read-ahead thread
     * @param maxRowsAhead rows read but not yet taken by the step, at most (rounded up to whole batches)
     */
    ReadAhead(String name, SourceReader source, Function<? super SourceRow, ? extends O> work, Executor pool,
            int batchSize, int maxRowsAhead) {
        this.name = name;
        this.source = source;
        this.work = work;
        this.pool = pool;
        this.batchSize = batchSize;
        this.queue = new ArrayBlockingQueue<>(Math.max(2, (maxRowsAhead + batchSize - 1) / batchSize));
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        SourcePosition resumeAt = context.containsKey(RECORDS_TOTAL)
                ? new SourcePosition(context.getInt(FILE_INDEX), context.getLong(RECORDS_IN_FILE),
                        context.getLong(RECORDS_TOTAL), context.getLong(READ_HASH, 0L))
                : SourcePosition.START;
        // a reader may be opened again after a failed execution closed it
        closing = false;
        ended = false;
        current = null;
        next = 0;
        queue.clear();
        source.open(resumeAt);
        long before = context.getLong(TOTAL_BYTES, -1L);
        long now = source.progress().total();
        if (before >= 0 && now >= 0 && before != now) {
            // resuming by row position is only right when the rows are the ones the first attempt saw
            throw new SourceChangedException("the source files changed since the interrupted run (" + before
                    + " bytes then, " + now + " now)");
        }
        taken = source.position();
        thread = new Thread(this::readAhead, "read-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public O read() {
        if (ended) {
            return null;
        }
        if (current == null || next == current.size()) {
            current = take();
            next = 0;
            if (current.failure != null) {
                ended = true;
                throw current.failure instanceof RuntimeException r ? r : new IllegalStateException(current.failure);
            }
            if (current.size() == 0) {
                ended = true;
                return null;
            }
            current.await();
        }
        taken = current.positions.get(next);
        return current.results.get(next++);
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        context.putInt(FILE_INDEX, taken.fileIndex());
        context.putLong(RECORDS_IN_FILE, taken.recordsInFile());
        context.putLong(RECORDS_TOTAL, taken.recordsTotal());
        context.putLong(TOTAL_BYTES, source.progress().total());
        context.putLong(READ_HASH, taken.readHash());
    }

    @Override
    public void close() throws ItemStreamException {
        closing = true;
        if (thread != null) {
            thread.interrupt();
            queue.clear(); // unblocks a read-ahead thread waiting for room
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        queue.clear();
        source.close();
    }

    /** Source progress for the log; may run a little ahead of {@link #recordsTaken()}. */
    SourceReader.Progress progress() {
        return source.progress();
    }

    /** Rows the step has taken so far, counted over restarts. */
    long recordsTaken() {
        return taken.recordsTotal();
    }

    private Batch<O> take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for rows of " + name, e);
        }
    }

    /** The read-ahead thread: batches until the source ends (an empty batch) or fails (a failed batch). */
    private void readAhead() {
        try {
            while (!closing) {
                Batch<O> batch = new Batch<>(batchSize);
                RuntimeException failure = null;
                try {
                    SourceRow row;
                    while (batch.size() < batchSize && (row = source.read()) != null) {
                        batch.add(row, source.position());
                    }
                } catch (RuntimeException e) {
                    failure = e; // the rows before it still reach the step, in order
                }
                boolean last = batch.size() < batchSize;
                if (batch.size() > 0) {
                    if (pool == null) {
                        batch.run(work);
                    } else {
                        batch.done = CompletableFuture.runAsync(() -> batch.run(work), pool);
                    }
                    queue.put(batch);
                }
                if (failure != null) {
                    throw failure;
                }
                if (last) {
                    queue.put(new Batch<>(0));
                    return;
                }
            }
        } catch (InterruptedException e) {
            // closing
        } catch (Throwable t) {
            if (!closing) {
                Batch<O> failed = new Batch<>(0);
                failed.failure = t;
                try {
                    queue.put(failed);
                } catch (InterruptedException ignored) {
                    // closing
                }
            }
        }
    }

    private static final class Batch<O> {
        private final List<SourceRow> rows;
        private final List<SourcePosition> positions;
        private final List<O> results;
        private CompletableFuture<Void> done;
        private Throwable failure;

        Batch(int capacity) {
            rows = new ArrayList<>(capacity);
            positions = new ArrayList<>(capacity);
            results = new ArrayList<>(capacity);
        }

        int size() {
            return positions.size();
        }

        void add(SourceRow row, SourcePosition position) {
            rows.add(row);
            positions.add(position);
        }

        void run(Function<? super SourceRow, ? extends O> work) {
            for (SourceRow row : rows) {
                results.add(work.apply(row));
            }
            rows.clear(); // the results hold what is needed; let the parsed rows go
        }

        void await() {
            if (done == null) {
                return;
            }
            try {
                done.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
            }
        }
    }
}
