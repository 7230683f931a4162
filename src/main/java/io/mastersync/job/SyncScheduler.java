package io.mastersync.job;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs the scheduled syncs of {@code mastersync serve} on one thread: at each fire time of a feed's
 * schedule one {@link SyncRunner#sync sync} of its job file, which resumes an unfinished run of that job
 * file before a new delta starts. A fire time missed while no serve process ran is caught up once.
 * {@code sync_schedule} records per feed the last fire time handled; a serve process claims a fire time
 * there before it syncs, so two serve processes handle it once, and the per-feed run lock keeps any other
 * sync of the feed out: a firing that finds the lock held is skipped until the next fire time.
 */
@Component
public class SyncScheduler {

    private static final Logger log = LoggerFactory.getLogger(SyncScheduler.class);

    private final SyncRunner runner;
    private final JdbcTemplate jdbc;
    private final Object monitor = new Object();
    private volatile boolean stopping;

    SyncScheduler(SyncRunner runner, DataSource dataSource) {
        this.runner = runner;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** How a firing ended. */
    public enum Outcome { COMPLETED, FAILED, SAFETY_VALVE, SKIPPED }

    /**
     * One firing of a feed's schedule.
     *
     * @param runId  the sync run, null when none started
     * @param detail the counts, or one line saying why it failed or was skipped
     * @param error  what stopped the firing before or outside a run, or null
     */
    public record Firing(String feed, LocalDateTime fireTime, Outcome outcome, Long runId, String detail,
            Throwable error) {
    }

    /** Handles each feed's due fire time, if any, once: the start-up catch-up and {@code --once}. */
    public List<Firing> runDue(List<ScheduledFeed> feeds) {
        List<Firing> firings = new ArrayList<>();
        for (ScheduledFeed feed : feeds) {
            if (stopping) {
                break;
            }
            Optional<LocalDateTime> due = FireTimes.due(feed.cron(), lastFire(feed.feed()),
                    LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS));
            if (due.isPresent()) {
                fire(feed, due.get()).ifPresent(firings::add);
            }
        }
        return firings;
    }

    /** Catches up, then syncs each feed at its fire times until {@link #stop()}. */
    public void serve(List<ScheduledFeed> feeds, Duration poll) throws InterruptedException {
        while (!stopping) {
            try {
                runDue(feeds);
            } catch (RuntimeException e) {
                log.error("serve: could not check the schedules: {}; trying again", oneLine(e));
            }
            LocalDateTime now = LocalDateTime.now();
            long waitMillis = poll.toMillis();
            for (ScheduledFeed feed : feeds) {
                LocalDateTime next = feed.cron().next(now);
                if (next != null) {
                    waitMillis = Math.min(waitMillis, Duration.between(now, next).toMillis() + 20);
                }
            }
            synchronized (monitor) {
                if (!stopping) {
                    monitor.wait(Math.max(1, waitMillis));
                }
            }
        }
        log.info("serve: stopped");
    }

    /** Lets {@link #serve} return: at once when it waits, else after the running sync. */
    public void stop() {
        synchronized (monitor) {
            stopping = true;
            monitor.notifyAll();
        }
    }

    /** The last fire time handled; without schedule history the feed's last successful sync, if any. */
    LocalDateTime lastFire(String feed) {
        List<Timestamp> fired = jdbc.queryForList("SELECT last_fire FROM sync_schedule WHERE feed = ?",
                Timestamp.class, feed);
        Timestamp last = fired.isEmpty() ? null : fired.get(0);
        if (last == null) {
            List<Timestamp> synced = jdbc.queryForList("SELECT last_success_at FROM sync_feed_state WHERE feed = ?",
                    Timestamp.class, feed);
            last = synced.isEmpty() ? null : synced.get(0);
        }
        return last == null ? null : last.toLocalDateTime();
    }

    private Optional<Firing> fire(ScheduledFeed feed, LocalDateTime fireTime) {
        if (!claim(feed, fireTime)) {
            log.info("feed {} fire time {}: handled by another serve process", feed.feed(), fireTime);
            return Optional.empty();
        }
        Firing firing;
        try {
            SyncRunner.SyncResult result = runner.sync(List.of(feed.jobFile()), false);
            long runId = result.run().runId();
            if (result.run().success()) {
                firing = new Firing(feed.feed(), fireTime, Outcome.COMPLETED, runId, counts(runId, feed.feed()), null);
            } else {
                firing = new Firing(feed.feed(), fireTime,
                        result.stoppedBySafetyValve() ? Outcome.SAFETY_VALVE : Outcome.FAILED, runId,
                        result.run().failure(), null);
            }
        } catch (IllegalStateException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("another process is running sync:")) {
                firing = new Firing(feed.feed(), fireTime, Outcome.FAILED, null, oneLine(e), e);
            } else {
                firing = new Firing(feed.feed(), fireTime, Outcome.SKIPPED, null, oneLine(e), null);
            }
        } catch (Exception e) {
            firing = new Firing(feed.feed(), fireTime, Outcome.FAILED, null, oneLine(e), e);
        }
        record(firing);
        return Optional.of(firing);
    }

    /** Records the fire time as handled unless another process did: true when this process handles it. */
    private boolean claim(ScheduledFeed feed, LocalDateTime fireTime) {
        try {
            jdbc.update("INSERT INTO sync_schedule (feed, cron) SELECT ?, ? WHERE NOT EXISTS"
                    + " (SELECT 1 FROM sync_schedule WHERE feed = ?)", feed.feed(), feed.cronText(), feed.feed());
        } catch (DuplicateKeyException raced) {
            // another serve process inserted the row first; the update below decides
        }
        Timestamp fire = Timestamp.valueOf(fireTime);
        return jdbc.update("UPDATE sync_schedule SET cron = ?, last_fire = ?, last_started_at = CURRENT_TIMESTAMP,"
                + " last_finished_at = NULL, last_status = 'running', last_run_id = NULL, last_message = NULL"
                + " WHERE feed = ? AND (last_fire IS NULL OR last_fire < ?)", feed.cronText(), fire, feed.feed(),
                fire) == 1;
    }

    private void record(Firing f) {
        String status = f.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        try {
            jdbc.update("UPDATE sync_schedule SET last_finished_at = CURRENT_TIMESTAMP, last_status = ?,"
                    + " last_run_id = ?, last_message = ? WHERE feed = ? AND last_fire = ?", status, f.runId(),
                    f.outcome() == Outcome.COMPLETED ? null : f.detail(), f.feed(), Timestamp.valueOf(f.fireTime()));
        } catch (RuntimeException e) {
            log.warn("feed {}: could not record the firing in sync_schedule: {}", f.feed(), oneLine(e));
        }
        switch (f.outcome()) {
            case COMPLETED:
                log.info("feed {} fire time {}: sync run {} completed: {}", f.feed(), f.fireTime(), f.runId(),
                        f.detail());
                break;
            case SKIPPED:
                log.warn("feed {} fire time {}: skipped: {}; trying again at the next fire time", f.feed(),
                        f.fireTime(), f.detail());
                break;
            default:
                log.error("feed {} fire time {}: sync {}failed: {}", f.feed(), f.fireTime(),
                        f.runId() == null ? "" : "run " + f.runId() + " ", f.detail());
                break;
        }
    }

    private String counts(long runId, String feed) {
        List<String> lines = jdbc.query("SELECT read_count, inserted_count, updated_count, unchanged_count,"
                + " deleted_count, rejected_count + superseded_count, filtered_count FROM sync_run_feed"
                + " WHERE run_id = ? AND feed = ?", (rs, i) -> String.format(java.util.Locale.ROOT,
                        "read %d, inserted %d, updated %d, unchanged %d, deleted %d, rejected %d, filtered %d",
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        rs.getLong(7)), runId, feed);
        return lines.isEmpty() ? "no counts recorded" : lines.get(0);
    }

    private static String oneLine(Throwable e) {
        Throwable shown = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.mastersync.yaml.DefinitionException || t instanceof io.mastersync.source.SourceException) {
                shown = t;
                break;
            }
            shown = t;
        }
        String message = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
        return message.replace('\n', ' ').replace('\r', ' ');
    }
}
