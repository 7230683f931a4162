-- The fingerprint of a staged row's source input (its mapped source values, the rules, formats and mapping in
-- force, and the software revision): a sync skips cleansing a row whose fingerprint equals the staged one.
-- NULL where the row was staged with warnings (such rows are always cleansed again, so their flags are
-- recorded in every run) or by an older version.
ALTER TABLE stg_item ADD COLUMN source_hash BIGINT;
ALTER TABLE stg_customer ADD COLUMN source_hash BIGINT;
ALTER TABLE sync_pending_item ADD COLUMN source_hash BIGINT;
ALTER TABLE sync_pending_customer ADD COLUMN source_hash BIGINT;

-- Which row of the snapshot a seen key came from, and whether its cleansing was skipped because its source
-- fingerprint was unchanged: such a row is not in the pending table, yet it takes part in "the later row of a
-- repeated key wins" when the sync is applied; file and line go into the record of a superseded row.
ALTER TABLE sync_seen ADD COLUMN record_no BIGINT;
ALTER TABLE sync_seen ADD COLUMN source_unchanged BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE sync_seen ADD COLUMN source_file VARCHAR;
ALTER TABLE sync_seen ADD COLUMN source_line BIGINT;
-- The source fingerprint of a row that was cleansed (NULL when it had warnings): stored in staging when the row
-- cleansed to what is staged, so that after a rules change or an upgrade the next sync can skip it again.
ALTER TABLE sync_seen ADD COLUMN source_hash BIGINT;

-- Rows of a sync whose cleansing was skipped (their source fingerprint equals the staged row's); informative,
-- not part of read = inserted + updated + unchanged + rejected + filtered.
ALTER TABLE sync_run_feed ADD COLUMN not_cleansed_count BIGINT DEFAULT 0 NOT NULL;

-- sync_seen is written a million rows at a time and read whole per run; an index on random key hashes cost
-- more to maintain while loading than it saved.
DROP INDEX sync_seen_run;

-- Keys a sync's writer met again in a later chunk (rare): only these need "the later row wins" when applied.
CREATE TABLE sync_repeat (
    run_id          BIGINT        NOT NULL,
    feed            VARCHAR       NOT NULL,
    key_hash        BIGINT        NOT NULL
);

-- The staged keys a sync deletes, found once per apply (used for the count, the audit and the soft delete).
CREATE TABLE sync_gone (
    run_id          BIGINT        NOT NULL,
    feed            VARCHAR       NOT NULL,
    source_key      VARCHAR       NOT NULL
);
CREATE INDEX sync_gone_run ON sync_gone (run_id, feed);
