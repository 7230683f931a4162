package io.mastersync.job;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import io.mastersync.cleanse.RowCleanser;
import io.mastersync.cleanse.RowOutcome;
import io.mastersync.cleanse.Violation;
import io.mastersync.delta.FeedSync;
import io.mastersync.delta.StagedSources;
import io.mastersync.source.FeedDefinition;
import io.mastersync.source.SourceRow;
import io.mastersync.source.SyncSettings;

/**
 * The processor of a sync's detect step. A row marked deleted by the tombstone column is filtered (it
 * deletes its key when the sync applies). A row whose source fingerprint equals that of a staged row is not
 * cleansed at all: it becomes {@link RowOutcome.Unchanged}. Every other row is cleansed as in {@code migrate}.
 * The staged fingerprints are read when the step starts (also on restart: the detect step changes no staged
 * row, so they are the same).
 */
class SyncRowProcessor implements ItemProcessor<SourceRow, RowOutcome>, StepExecutionListener {

    private final DataSource dataSource;
    private final FeedDefinition feed;
    private final RowCleanser cleanser;
    private final boolean skipUnchanged;
    private volatile StagedSources staged;

    /** @param skipUnchanged false cleanses every row (mastersync.sync.skip-unchanged=false, for comparison) */
    SyncRowProcessor(DataSource dataSource, FeedDefinition feed, RowCleanser cleanser, boolean skipUnchanged) {
        this.dataSource = dataSource;
        this.feed = feed;
        this.cleanser = cleanser;
        this.skipUnchanged = skipUnchanged;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        if (!skipUnchanged) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // PostgreSQL streams a large result only inside a transaction
            try {
                staged = StagedSources.load(c, feed.entity(), feed.sourceSystem());
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the staged rows of feed " + feed.name() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public RowOutcome process(SourceRow row) {
        SyncSettings sync = feed.sync();
        if (sync.tombstoneColumn() != null) {
            String marker = row.value(sync.tombstoneColumn());
            if (marker != null && sync.tombstoneValues().contains(marker.strip())) {
                RowOutcome outcome = cleanser.cleanse(row);
                return new RowOutcome.Filtered(outcome.sourceKey(), row.lineage(), Violation.warning(null,
                        FeedSync.TOMBSTONE_RULE, "row marked deleted in the source (" + sync.tombstoneColumn() + " = "
                                + marker.strip() + ")", marker), List.of());
            }
        }
        StagedSources sources = staged;
        if (sources != null && sources.size() > 0) {
            long fingerprint = cleanser.sourceFingerprint(row);
            long keyHash = sources.stagedKey(fingerprint);
            if (keyHash != 0) {
                return new RowOutcome.Unchanged(keyHash, fingerprint, row.lineage());
            }
        }
        return cleanser.cleanse(row);
    }
}
