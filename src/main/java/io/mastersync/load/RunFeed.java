package io.mastersync.load;

import io.mastersync.canonical.EntityType;

/**
 * One feed within one run: the unit that staging rows, rejects and accounting are keyed by.
 *
 * @param runId        the run (Spring Batch job instance id; stable across restarts)
 * @param feed         the feed name from the job file
 * @param sourceSystem the legacy system's code
 * @param entity       item or customer
 */
public record RunFeed(long runId, String feed, String sourceSystem, EntityType entity) {
}
