package io.mastersync.job;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.scheduling.support.CronExpression;

/**
 * When a scheduled sync is due. A schedule fires at the times of its cron expression; a process that was
 * down over one or more fire times runs once for all of them (the most recent), not once per missed time.
 */
public final class FireTimes {

    /** About 500 years: how far back the most recent fire time is looked for. */
    private static final long MAX_LOOKBACK_SECONDS = 1L << 34;

    private FireTimes() {
    }

    /**
     * The fire time to handle now, if any.
     *
     * @param lastFire the last fire time handled, or null when the feed has no schedule history and never
     *                 synced: then it runs once now
     * @return the most recent fire time at or before {@code now} when it is after {@code lastFire}; for no
     *         history that time, or {@code now} itself when the expression never fired before
     */
    public static Optional<LocalDateTime> due(CronExpression cron, LocalDateTime lastFire, LocalDateTime now) {
        if (lastFire == null) {
            return Optional.of(latestAtOrBefore(cron, now).orElse(now));
        }
        LocalDateTime next = cron.next(lastFire);
        if (next == null || next.isAfter(now)) {
            return Optional.empty();
        }
        // at least next, so after lastFire; found without walking every fire time of a long absence
        return latestAtOrBefore(cron, now);
    }

    /** The most recent fire time at or before {@code now}, if the expression fired in the last centuries. */
    public static Optional<LocalDateTime> latestAtOrBefore(CronExpression cron, LocalDateTime now) {
        // widen the window back from now until a fire time falls into it; the fire times in the window lie in
        // its older half, so walking them forward is short
        for (long seconds = 1; seconds <= MAX_LOOKBACK_SECONDS; seconds <<= 1) {
            LocalDateTime fire = cron.next(now.minus(Duration.ofSeconds(seconds)));
            if (fire != null && !fire.isAfter(now)) {
                for (LocalDateTime f = cron.next(fire); f != null && !f.isAfter(now); f = cron.next(f)) {
                    fire = f;
                }
                return Optional.of(fire);
            }
        }
        return Optional.empty();
    }
}
