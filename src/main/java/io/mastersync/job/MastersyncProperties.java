package io.mastersync.job;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code mastersync.*} (application.properties, environment or command line).
 *
 * @param progressInterval  how often a long step logs its progress (default 5s)
 * @param processingThreads threads that cleanse and validate the rows of a chunk, and that compute the quality
 *                          metrics (default: the number of cores, at most 4); reading and writing stay on one
 *                          thread, in order; 1 processes on the reading thread
 * @param sync              {@code mastersync.sync.*}: how syncs detect changes
 */
@ConfigurationProperties("mastersync")
public record MastersyncProperties(Duration progressInterval, Integer processingThreads, Sync sync) {

    /**
     * @param skipUnchanged a sync skips cleansing rows whose source values, rules and setup equal those of the
     *                      staged row (default true); false cleanses every row, as {@code migrate} does
     */
    public record Sync(Boolean skipUnchanged) {
        public Sync {
            if (skipUnchanged == null) {
                skipUnchanged = true;
            }
        }
    }

    public MastersyncProperties {
        if (progressInterval == null) {
            progressInterval = Duration.ofSeconds(5);
        }
        if (processingThreads == null || processingThreads < 1) {
            processingThreads = Math.min(4, Runtime.getRuntime().availableProcessors());
        }
        if (sync == null) {
            sync = new Sync(null);
        }
    }

    boolean syncSkipUnchanged() {
        return sync.skipUnchanged();
    }
}
