-- The keys of the rows a sync did not cleanse (their source is unchanged), packed per chunk and source file:
-- entries x (key_hash, record_no, source_line), each a big-endian int8. A row per key in sync_seen cost a snapshot
-- sync more than everything else it does with an unchanged row. Rows that were cleansed stay in sync_seen.
CREATE TABLE sync_seen_block (
    run_id       BIGINT   NOT NULL,
    feed         VARCHAR  NOT NULL,
    source_file  VARCHAR  NOT NULL,
    entries      INTEGER  NOT NULL,
    packed       BYTEA    NOT NULL
);
CREATE INDEX sync_seen_block_run ON sync_seen_block (run_id, feed);
