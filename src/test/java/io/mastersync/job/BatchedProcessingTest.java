package io.mastersync.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;

class BatchedProcessingTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Drives processor and writer the way a chunk step does: read and process a chunk, then write it. */
    private static List<List<String>> run(BatchedProcessing<Integer, String> processing, int items, int chunkSize)
            throws Exception {
        List<List<String>> written = new ArrayList<>();
        ItemProcessor<Integer, BatchedProcessing.Deferred<String>> processor = processing.processor();
        ItemWriter<BatchedProcessing.Deferred<String>> writer = processing.writer(chunk -> written.add(
                new ArrayList<>(chunk.getItems())));
        for (int start = 0; start < items; start += chunkSize) {
            Chunk<BatchedProcessing.Deferred<String>> chunk = new Chunk<>();
            for (int i = start; i < Math.min(items, start + chunkSize); i++) {
                chunk.add(processor.process(i));
            }
            writer.write(chunk);
        }
        return written;
    }

    @Test
    void everyChunkIsWrittenWithItsResultsInReadOrderWhateverThreadProcessedThem() throws Exception {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        BatchedProcessing<Integer, String> processing = new BatchedProcessing<>(i -> {
            threads.add(Thread.currentThread().getName());
            return "row" + i;
        }, pool, 7);

        List<List<String>> written = run(processing, 1000, 100);

        assertThat(written).hasSize(10);
        assertThat(written.get(3)).containsExactlyElementsOf(IntStream.range(300, 400).mapToObj(i -> "row" + i).toList());
        assertThat(written.stream().flatMap(List::stream)).hasSize(1000).doesNotHaveDuplicates();
        assertThat(threads).as("processed on the pool, not on the step's thread")
                .doesNotContain(Thread.currentThread().getName());
    }

    @Test
    void withoutAPoolTheStepThreadProcessesEachItem() throws Exception {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        BatchedProcessing<Integer, String> processing = new BatchedProcessing<>(i -> {
            threads.add(Thread.currentThread().getName());
            return "row" + i;
        }, null, 7);

        List<List<String>> written = run(processing, 25, 10);

        assertThat(written).extracting(List::size).containsExactly(10, 10, 5);
        assertThat(threads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void aFailureWhileProcessingFailsTheWriteOfItsChunk() {
        BatchedProcessing<Integer, String> processing = new BatchedProcessing<>(i -> {
            if (i == 42) {
                throw new IllegalStateException("row 42 broke");
            }
            return "row" + i;
        }, pool, 8);

        assertThatThrownBy(() -> run(processing, 100, 50)).isInstanceOf(IllegalStateException.class)
                .hasMessage("row 42 broke");
    }
}
