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
 * @param match             {@code mastersync.match.*}: what the match steps keep
 */
@ConfigurationProperties("mastersync")
public record MastersyncProperties(Duration progressInterval, Integer processingThreads, Sync sync, Load load,
        Match match) {

    /**
     * @param pairRunsKept the match pairs ({@code mdm_match_pair}) of this many of an entity's latest match runs are
     *                     kept (default 3); older runs' pairs are deleted by the next match, so that nightly syncs
     *                     do not pile up a full set of pairs each
     */
    public record Match(Integer pairRunsKept) {
        public Match {
            if (pairRunsKept == null) {
                pairRunsKept = 3;
            }
            if (pairRunsKept < 1) {
                throw new IllegalArgumentException("mastersync.match.pair-runs-kept must be at least 1, not "
                        + pairRunsKept);
            }
        }
    }

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
     * @param skipUnchanged    a sync skips cleansing rows whose source values, rules and setup equal those of the
     *                         staged row (default true); false cleanses every row, as {@code migrate} does
     * @param incrementalMatch a sync matches only the records it changed against the rest, with the model the
     *                         last full match estimated (default true); false matches everything again
     * @param rematchShare     share of an entity's staged records that may have changed (or gone) since its model
     *                         was estimated, all syncs since added up, for the match to stay incremental (default
     *                         0.2); above it the sync re-matches everything and estimates the model again
     * @param incrementalMinRecords entities with fewer staged records are matched fully by every sync (default
     *                         10,000): it takes a second or less there, and a model estimated on a few records
     *                         (often without a single duplicate yet) should not be kept
     */
    public record Sync(Boolean skipUnchanged, Boolean incrementalMatch, Double rematchShare,
            Integer incrementalMinRecords) {
        public Sync {
            if (skipUnchanged == null) {
                skipUnchanged = true;
            }
            if (incrementalMatch == null) {
                incrementalMatch = true;
            }
            if (rematchShare == null) {
                rematchShare = 0.2;
            }
            if (incrementalMinRecords == null) {
                incrementalMinRecords = 10_000;
            }
            if (!(rematchShare >= 0 && rematchShare <= 1)) {
                throw new IllegalArgumentException("mastersync.sync.rematch-share must be between 0 and 1, not "
                        + rematchShare);
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
            sync = new Sync(null, null, null, null);
        }
        if (load == null) {
            load = new Load(null);
        }
        if (match == null) {
            match = new Match(null);
        }
    }

    boolean syncSkipUnchanged() {
        return sync.skipUnchanged();
    }
}
