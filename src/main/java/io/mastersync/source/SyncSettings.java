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
 */
public record SyncSettings(String mode, String watermarkField, Duration overlap, double maxChangeShare,
        String tombstoneColumn, List<String> tombstoneValues, Optional<String> schedule) {

    public static final SyncSettings DEFAULT = new SyncSettings("snapshot", "last-changed", Duration.ofMinutes(10), 0.10,
            null, List.of(), Optional.empty());

    public SyncSettings {
        tombstoneValues = List.copyOf(tombstoneValues);
    }

    public boolean isWatermark() {
        return "watermark".equals(mode);
    }
}
