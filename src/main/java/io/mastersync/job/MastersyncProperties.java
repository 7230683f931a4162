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
 * @param load              {@code mastersync.load.*}: how chunks are committed
 */
@ConfigurationProperties("mastersync")
public record MastersyncProperties(Duration progressInterval, Integer processingThreads, Sync sync, Load load) {

    /**
     * @param asyncCommit PostgreSQL: a chunk's transaction does not wait for its WAL to reach the disk (default
     *                    true). A database crash may lose the last chunks that were reported committed; as each
     *                    chunk commits together with the step's restart position, the restart reads them again.
     *                    False waits for every commit, like any other transaction.
     */
    public record Load(Boolean asyncCommit) {
        public Load {
            if (asyncCommit == null) {
                asyncCommit = true;
            }
        }
    }

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
        if (load == null) {
            load = new Load(null);
        }
    }

    boolean syncSkipUnchanged() {
        return sync.skipUnchanged();
    }
}
