package io.mastersync.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import io.mastersync.source.ColumnLayout;
import io.mastersync.source.RowLineage;
import io.mastersync.source.SourceException;
import io.mastersync.source.SourcePosition;
import io.mastersync.source.SourceReader;
import io.mastersync.source.SourceRow;

class ReadAheadTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Rows "r1".."rN", reopenable at any position like a real reader; counts the rows it read. */
    private static final class CountingSource implements SourceReader {
        private static final ColumnLayout LAYOUT = new ColumnLayout(List.of("v"));
        final int rows;
        final int failAt;
        final AtomicLong read = new AtomicLong();
        volatile boolean closed;
        private long next;

        CountingSource(int rows, int failAt) {
            this.rows = rows;
            this.failAt = failAt;
        }

        @Override
        public void open(SourcePosition resumeAt) {
            next = resumeAt.recordsTotal();
        }

        @Override
        public ColumnLayout layout() {
            return LAYOUT;
        }

        @Override
        public SourceRow read() {
            if (next == rows) {
                return null;
            }
            next++;
            if (next == failAt) {
                throw new SourceException("the disk went away at row " + next);
            }
            read.incrementAndGet();
            return new SourceRow(LAYOUT, new String[] {"r" + next}, new RowLineage("t.csv", next + 1, next, "r" + next),
                    List.of());
        }

        @Override
        public SourcePosition position() {
            return new SourcePosition(0, next, next);
        }

        @Override
        public Progress progress() {
            return new Progress(next, rows);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static final Function<SourceRow, String> UPPER = row -> row.values()[0].toUpperCase();

    private static List<String> readAll(ReadAhead<String> reader) {
        List<String> out = new ArrayList<>();
        String s;
        while ((s = reader.read()) != null) {
            out.add(s);
        }
        return out;
    }

    @Test
    void everyRowComesOnceInReadOrderProcessedOnThePool() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        CountingSource source = new CountingSource(1000, -1);
        ReadAhead<String> reader = new ReadAhead<>("t", source, row -> {
            threads.add(Thread.currentThread().getName());
            return UPPER.apply(row);
        }, pool, 7, 100);
        reader.open(new ExecutionContext());

        List<String> rows = readAll(reader);
        reader.close();

        assertThat(rows).containsExactlyElementsOf(IntStream.rangeClosed(1, 1000).mapToObj(i -> "R" + i).toList());
        assertThat(reader.read()).as("stays at the end").isNull();
        assertThat(threads).as("processed on the pool").doesNotContain(Thread.currentThread().getName())
                .noneMatch(t -> t.startsWith("read-"));
        assertThat(source.closed).isTrue();
    }

    @Test
    void withoutAPoolTheReadAheadThreadProcesses() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        ReadAhead<String> reader = new ReadAhead<>("feed-a", new CountingSource(25, -1), row -> {
            threads.add(Thread.currentThread().getName());
            return UPPER.apply(row);
        }, null, 10, 20);
        reader.open(new ExecutionContext());

        assertThat(readAll(reader)).hasSize(25);
        reader.close();
        assertThat(threads).containsExactly("read-feed-a");
    }

    @Test
    void readsAtMostTheBoundAheadOfTheStep() throws Exception {
        CountingSource source = new CountingSource(10_000, -1);
        ReadAhead<String> reader = new ReadAhead<>("t", source, UPPER, pool, 10, 50);
        reader.open(new ExecutionContext());
        reader.read();

        TimeUnit.MILLISECONDS.sleep(200); // time enough for the read-ahead thread to run into its bound
        // 5 queued batches, the batch the step holds, and one more being filled
        assertThat(source.read.get()).isBetween(10L, 70L);
        reader.close();
    }

    @Test
    void theSavedPositionIsTheLastRowTheStepTookAndARestartContinuesRightAfterIt() {
        CountingSource first = new CountingSource(100, -1);
        ReadAhead<String> reader = new ReadAhead<>("t", first, UPPER, pool, 8, 64);
        ExecutionContext context = new ExecutionContext();
        reader.open(context);
        List<String> committed = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            committed.add(reader.read());
        }
        reader.update(context); // the step commits its chunk of 30 here
        reader.read(); // taken after the commit: lost with the crash
        assertThat(first.read.get()).as("read ahead of the step").isGreaterThan(31);
        reader.close();

        assertThat(context.getLong(ReadAhead.RECORDS_TOTAL)).isEqualTo(30);
        ReadAhead<String> restarted = new ReadAhead<>("t", new CountingSource(100, -1), UPPER, pool, 8, 64);
        restarted.open(context);
        committed.addAll(readAll(restarted));
        restarted.close();
        assertThat(committed).containsExactlyElementsOf(IntStream.rangeClosed(1, 100).mapToObj(i -> "R" + i).toList());
        assertThat(restarted.recordsTaken()).isEqualTo(100);
    }

    @Test
    void aSourceFailureReachesTheStepAfterTheRowsBeforeIt() {
        ReadAhead<String> reader = new ReadAhead<>("t", new CountingSource(100, 42), UPPER, pool, 8, 64);
        reader.open(new ExecutionContext());
        List<String> rows = new ArrayList<>();

        assertThatThrownBy(() -> {
            while (true) {
                rows.add(reader.read());
            }
        }).isInstanceOf(SourceException.class).hasMessageContaining("row 42");
        assertThat(rows).hasSize(41);
        reader.close();
    }

    @Test
    void aProcessingFailureReachesTheStep() {
        ReadAhead<String> reader = new ReadAhead<>("t", new CountingSource(100, -1), row -> {
            if (row.values()[0].equals("r42")) {
                throw new IllegalStateException("row 42 broke");
            }
            return UPPER.apply(row);
        }, pool, 8, 64);
        reader.open(new ExecutionContext());

        assertThatThrownBy(() -> readAll(reader)).isInstanceOf(IllegalStateException.class).hasMessage("row 42 broke");
        reader.close();
    }

    @Test
    void readAheadIsTwoChunksButBoundedForLargeChunks() {
        assertThat(ProcessingThreads.rowsAhead(5_000)).isEqualTo(10_000);
        assertThat(ProcessingThreads.rowsAhead(100_000)).isEqualTo(ProcessingThreads.MAX_ROWS_AHEAD);
    }

    @Test
    void closingWhileTheReadAheadThreadWaitsForRoomStopsIt() {
        CountingSource source = new CountingSource(1_000_000, -1);
        ReadAhead<String> reader = new ReadAhead<>("stuck", source, UPPER, pool, 10, 20);
        reader.open(new ExecutionContext());
        reader.read();

        reader.close();

        assertThat(source.closed).isTrue();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("read-stuck"));
    }
}
