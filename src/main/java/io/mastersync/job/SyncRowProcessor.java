package io.mastersync.job;

import java.util.List;
import java.util.function.Supplier;

import io.mastersync.cleanse.RowCleanser;
import io.mastersync.cleanse.RowOutcome;
import io.mastersync.cleanse.Violation;
import io.mastersync.delta.FeedSync;
import io.mastersync.delta.StagedSources;
import io.mastersync.source.ColumnLayout;
import io.mastersync.source.FeedDefinition;
import io.mastersync.source.SourceRow;
import io.mastersync.source.SyncSettings;

/**
 * The processor of a sync's detect step. A row marked deleted by the tombstone column is filtered (it
 * deletes its key when the sync applies). A row whose source fingerprint equals that of a staged row is not
 * cleansed at all: it becomes {@link RowOutcome.Unchanged}. Every other row is cleansed as in {@code migrate}.
 */
class SyncRowProcessor {

    private final FeedDefinition feed;
    private final RowCleanser cleanser;
    private final Supplier<StagedSources> staged;
    /** The last layout known to have the tombstone column (rows of one file share one layout). */
    private volatile ColumnLayout checkedLayout;

    /**
     * @param staged the staged rows' source fingerprints, read when the step starts (also on restart: the
     *               detect step changes no staged row); null cleanses every row
     */
    SyncRowProcessor(FeedDefinition feed, RowCleanser cleanser, Supplier<StagedSources> staged) {
        this.feed = feed;
        this.cleanser = cleanser;
        this.staged = staged;
    }

    RowOutcome process(SourceRow row) {
        SyncSettings sync = feed.sync();
        if (sync.tombstoneColumn() != null) {
            checkTombstoneColumn(row.layout());
            String marker = row.value(sync.tombstoneColumn());
            if (marker != null && sync.tombstoneValues().contains(marker.strip())) {
                RowOutcome outcome = cleanser.cleanse(row);
                return new RowOutcome.Filtered(outcome.sourceKey(), row.lineage(), Violation.warning(null,
                        FeedSync.TOMBSTONE_RULE, "row marked deleted in the source (" + sync.tombstoneColumn() + " = "
                                + marker.strip() + ")", marker), List.of());
            }
        }
        StagedSources sources = staged.get();
        if (sources != null && sources.size() > 0) {
            long fingerprint = cleanser.sourceFingerprint(row);
            long keyHash = sources.stagedKey(fingerprint);
            if (keyHash != 0) {
                return new RowOutcome.Unchanged(keyHash, fingerprint, row.lineage());
            }
        }
        return cleanser.cleanse(row);
    }

    /** Every file of a glob is checked: the planner saw only the first one. */
    private void checkTombstoneColumn(ColumnLayout layout) {
        if (layout != checkedLayout) {
            feed.sync().checkTombstoneColumn(feed.jobFile(), layout);
            checkedLayout = layout;
        }
    }
}
