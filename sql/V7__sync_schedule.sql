-- Scheduled syncs (mastersync serve; see README, "Scheduling syncs").

-- Per feed: the last fire time of its schedule that a serve process handled, so that a schedule missed
-- while no serve process ran is caught up once at start-up, and two serve processes handle a fire time once.
CREATE TABLE sync_schedule (
    feed             VARCHAR      NOT NULL PRIMARY KEY,
    cron             VARCHAR      NOT NULL,
    last_fire        TIMESTAMP,
    last_started_at  TIMESTAMP,
    last_finished_at TIMESTAMP,
    last_status      VARCHAR(16),
    last_run_id      BIGINT,
    last_message     VARCHAR
);
