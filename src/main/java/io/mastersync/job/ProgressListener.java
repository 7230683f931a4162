package io.mastersync.job;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.infrastructure.item.Chunk;

import io.mastersync.cleanse.RowOutcome;
import io.mastersync.source.SourceReader;

/** Logs rows read, rows per second and, when the source size is known, the ETA: at most every few seconds. */
class ProgressListener implements ChunkListener<RowOutcome, RowOutcome> {

    private static final Logger log = LoggerFactory.getLogger(ProgressListener.class);

    private final String feed;
    private final ReadAhead<?> reader;
    private final long intervalNanos;
    private long startNanos;
    private long startRecords = -1;
    private long startBytes;
    private long lastLogNanos;

    ProgressListener(String feed, ReadAhead<?> reader, Duration interval) {
        this.feed = feed;
        this.reader = reader;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public void afterChunk(Chunk<RowOutcome> chunk) {
        long now = System.nanoTime();
        if (startRecords < 0) {
            // first chunk of this execution: a restart measures its own speed, not the earlier run's
            startNanos = now;
            lastLogNanos = now;
            startRecords = reader.recordsTaken() - chunk.size();
            startBytes = reader.progress().done();
            return;
        }
        if (now - lastLogNanos < intervalNanos) {
            return;
        }
        lastLogNanos = now;
        log.info(line(reader.recordsTaken(), now));
    }

    private String line(long records, long now) {
        double seconds = Math.max((now - startNanos) / 1e9, 1e-3);
        double rate = (records - startRecords) / seconds;
        StringBuilder sb = new StringBuilder();
        sb.append(feed).append(": ").append(String.format("%,d", records)).append(" rows read, ")
                .append(String.format("%,.0f", rate)).append(" rows/s");
        SourceReader.Progress p = reader.progress();
        if (p.total() > 0 && p.done() > startBytes) {
            double share = Math.min(1.0, (double) p.done() / p.total());
            double bytesPerSecond = (p.done() - startBytes) / seconds;
            long eta = Math.round(Math.max(0, p.total() - p.done()) / bytesPerSecond);
            sb.append(String.format(", %.0f%% of %,d bytes, ETA %ds", share * 100, p.total(), eta));
        }
        return sb.toString();
    }
}
