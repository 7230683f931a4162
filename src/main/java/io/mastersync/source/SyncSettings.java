package io.mastersync.source;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How delta syncs treat a feed, from the {@code sync:} block of its job file. Immutable.
 *
 * @param mode            {@code snapshot}: each run reads a full export, and keys missing from it are
 *                        deleted; {@code watermark}: a JDBC query reads rows changed since the last run
 * @param watermarkField  canonical timestamp field whose largest value becomes the next watermark
 * @param overlap         how far before the watermark the next run starts reading, so that rows committed
 *                        late with an older timestamp are not missed
 * @param maxChangeShare  the safety valve: a run that would update or delete more than this share of the
 *                        feed's staged rows stops before applying anything, unless forced
 * @param tombstoneColumn source column that marks deleted rows (watermark mode), or null
 * @param tombstoneValues values of that column that mean deleted
 * @param schedule        cron expression (six fields, seconds first) for {@code mastersync serve}, if any
 * @param tombstoneLine   line of the job file that names the tombstone column (for errors), 0 without one
 */
public record SyncSettings(String mode, String watermarkField, Duration overlap, double maxChangeShare,
        String tombstoneColumn, List<String> tombstoneValues, Optional<String> schedule, int tombstoneLine) {

    public static final SyncSettings DEFAULT = new SyncSettings("snapshot", "last-changed", Duration.ofMinutes(10), 0.10,
            null, List.of(), Optional.empty(), 0);

    /** The default settings of a feed without a {@code sync:} block. */
    public static SyncSettings defaultFor(SourceSpec source) {
        return source instanceof JdbcSourceSpec jdbc && jdbc.hasWatermarkPlaceholder()
                ? new SyncSettings("watermark", DEFAULT.watermarkField(), DEFAULT.overlap(), DEFAULT.maxChangeShare(),
                        null, List.of(), Optional.empty(), 0)
                : DEFAULT;
    }

    public SyncSettings {
        tombstoneValues = List.copyOf(tombstoneValues);
    }

    /**
     * Refuses a tombstone column the source does not have: a broken job file, said like a mapping's unknown column.
     */
    public void checkTombstoneColumn(java.nio.file.Path jobFile, ColumnLayout layout) {
        if (tombstoneColumn != null && layout.indexOf(tombstoneColumn) < 0) {
            throw new io.mastersync.yaml.DefinitionException(jobFile, tombstoneLine, "sync.tombstone.column names"
                    + " column '" + tombstoneColumn + "', which the source does not have; its columns are "
                    + layout.names());
        }
    }

    public boolean isWatermark() {
        return "watermark".equals(mode);
    }
}
