package io.mastersync.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Profiles rows on several threads with exactly the result of one sequential pass. The analyzers are dealt
 * out to worker threads by column (all analyzers of a column on one worker); every worker sees every row,
 * in order, and updates only its own analyzers in a partition of its own. At the end the result takes each
 * analyzer's state from the worker that owns it, so nothing is merged: metrics, floating-point sums and
 * examples are the same as from {@link ProfileRunner.Partition#accept(Object[])} on one thread.
 *
 * <p>The caller's thread hands rows over in batches of {@link #BATCH_ROWS}; at most {@link #BATCHES} batches
 * exist at once, so memory stays bounded however fast the caller reads (it waits for a free batch). With one
 * thread no worker is started and rows are profiled on the caller's thread.
 *
 * <p>{@link #accept} and {@link #finish} must be called from one thread. Always {@link #close} it (it stops
 * the workers when the caller gives up early).
 */
public final class ParallelProfile implements AutoCloseable {

    /** Rows per hand-off: small enough to stay in the cores' caches, large enough to make hand-offs rare. */
    static final int BATCH_ROWS = 256;
    /** Batches in flight (filled, queued or being profiled) per worker. */
    static final int BATCHES_PER_WORKER = 4;

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ProfileRunner runner;
    private final ProfileRunner.Partition result;
    private final List<Worker> workers = new ArrayList<>();
    private final BlockingQueue<Batch> free;
    private final ExecutorService pool;
    private final List<Future<?>> running = new ArrayList<>();
    private final int[] all;
    private Batch filling;
    private boolean finished;

    /**
     * @param columns the order of the values in the rows given to {@link #accept}
     * @param threads worker threads; at most one per column group is used, 1 profiles on the caller's thread
     */
    public ParallelProfile(ProfileRunner runner, List<String> columns, int threads) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.result = runner.newPartition(columns);
        List<int[]> shares = shares(runner.analyzers(), threads);
        if (shares.size() <= 1) {
            this.all = shares.isEmpty() ? new int[0] : shares.get(0);
            this.free = null;
            this.pool = null;
            return;
        }
        this.all = null;
        int batches = BATCHES_PER_WORKER * shares.size();
        this.free = new ArrayBlockingQueue<>(batches);
        for (int b = 0; b < batches; b++) {
            free.add(new Batch(BATCH_ROWS));
        }
        int id = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(shares.size(), r -> {
            Thread t = new Thread(r, "profile-" + id + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (int[] share : shares) {
            Worker worker = new Worker(runner.newPartition(columns), share, batches);
            workers.add(worker);
            running.add(pool.submit(worker));
        }
    }

    /**
     * Adds the next row (values in the order of the columns given to the constructor). The array then belongs
     * to this profile: the caller must not change it afterwards.
     */
    public void accept(Object[] row) {
        if (finished) {
            throw new IllegalStateException("profile already finished");
        }
        if (filling == null) {
            filling = pool == null ? new Batch(BATCH_ROWS) : take();
        }
        filling.rows[filling.size++] = row;
        if (filling.size == BATCH_ROWS) {
            handOver();
        }
    }

    /** Waits for the workers to profile every row accepted and returns the result. */
    public AnalysisResult finish() {
        if (finished) {
            throw new IllegalStateException("profile already finished");
        }
        finished = true;
        if (filling != null && filling.size > 0) {
            handOver();
        }
        if (pool != null) {
            for (Worker w : workers) {
                w.queue.add(Batch.END);
            }
            for (Future<?> f : running) {
                await(f);
            }
            for (Worker w : workers) {
                result.adopt(w.partition, w.share);
            }
        }
        return runner.result(result);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void handOver() {
        Batch batch = filling;
        if (pool == null) {
            result.accept(batch.rows, batch.size, all);
            Arrays.fill(batch.rows, 0, batch.size, null);
            batch.size = 0;
            return;
        }
        filling = null;
        batch.pending.set(workers.size());
        for (Worker w : workers) {
            // never blocks: a queue holds every batch there is
            w.queue.add(batch);
        }
    }

    private Batch take() {
        try {
            Batch batch;
            // a worker that died (an Error: analyzers' own failures are caught per analyzer) never frees its
            // batches: look at the workers while waiting instead of waiting for ever
            while ((batch = free.poll(100, TimeUnit.MILLISECONDS)) == null) {
                for (Future<?> f : running) {
                    if (f.isDone()) {
                        await(f);
                        throw new IllegalStateException("a profile worker stopped early");
                    }
                }
            }
            return batch;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while profiling", e);
        }
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while profiling", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("profile worker failed: " + cause, cause);
        }
    }

    /**
     * The analyzers of each worker (indexes into {@code analyzers}): whole columns, so that a column's values
     * are read by one core only, dealt out largest first to the worker with the least work so far. Work is
     * counted in analyzers, with the expensive ones counted more (measured on the customer benchmark).
     */
    static List<int[]> shares(List<Analyzer<?>> analyzers, int threads) {
        Map<String, List<Integer>> byColumn = new LinkedHashMap<>();
        for (int i = 0; i < analyzers.size(); i++) {
            byColumn.computeIfAbsent(String.valueOf(analyzers.get(i).column()), c -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> groups = new ArrayList<>(byColumn.values());
        groups.sort((a, b) -> Integer.compare(weight(analyzers, b), weight(analyzers, a)));
        int workers = Math.max(1, Math.min(threads, groups.size()));
        List<List<Integer>> shares = new ArrayList<>();
        int[] load = new int[workers];
        for (int w = 0; w < workers; w++) {
            shares.add(new ArrayList<>());
        }
        for (List<Integer> group : groups) {
            int least = 0;
            for (int w = 1; w < workers; w++) {
                if (load[w] < load[least]) {
                    least = w;
                }
            }
            shares.get(least).addAll(group);
            load[least] += weight(analyzers, group);
        }
        List<int[]> result = new ArrayList<>();
        for (List<Integer> share : shares) {
            int[] indexes = share.stream().mapToInt(Integer::intValue).sorted().toArray();
            result.add(indexes);
        }
        return result;
    }

    private static int weight(List<Analyzer<?>> analyzers, List<Integer> group) {
        int w = 0;
        for (int i : group) {
            w += weight(analyzers.get(i));
        }
        return w;
    }

    /** Relative cost per value: hashing into a large table or a sketch costs several simple counters. */
    static int weight(Analyzer<?> analyzer) {
        if (analyzer instanceof Uniqueness || analyzer instanceof DistinctCount) {
            return 4;
        }
        if (analyzer instanceof ApproxDistinct || analyzer instanceof PatternMatch) {
            return 3;
        }
        return 1;
    }

    /** Rows handed over at once; recycled when every worker is done with it. */
    private static final class Batch {

        static final Batch END = new Batch(0);

        final Object[][] rows;
        final AtomicInteger pending = new AtomicInteger();
        int size;

        Batch(int capacity) {
            rows = new Object[capacity][];
        }
    }

    /** Profiles its share of the analyzers over every batch, in order, in a partition of its own. */
    private final class Worker implements Runnable {

        final ProfileRunner.Partition partition;
        final int[] share;
        final BlockingQueue<Batch> queue;

        Worker(ProfileRunner.Partition partition, int[] share, int capacity) {
            this.partition = partition;
            this.share = share;
            this.queue = new ArrayBlockingQueue<>(capacity + 1);
        }

        @Override
        public void run() {
            try {
                for (Batch batch = queue.take(); batch != Batch.END; batch = queue.take()) {
                    partition.accept(batch.rows, batch.size, share);
                    if (batch.pending.decrementAndGet() == 0) {
                        Arrays.fill(batch.rows, 0, batch.size, null);
                        batch.size = 0;
                        free.add(batch);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
