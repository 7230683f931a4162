-- The model the last full match of an entity estimated, and the run whose match pairs are complete, so that a
-- sync can match only the records changed since then (incremental matching). One row per entity, rewritten by
-- every match step in its transaction.
CREATE TABLE mdm_match_model (
    entity            VARCHAR     NOT NULL PRIMARY KEY,
    settings_hash     VARCHAR     NOT NULL,  -- SHA-256 of the match file the model was estimated with
    trained_run       BIGINT      NOT NULL,  -- run whose full match estimated the model
    matched_run       BIGINT      NOT NULL,  -- latest run that stored the entity's match pairs (full or incremental)
    staged_records    BIGINT      NOT NULL,  -- live staged records that run matched
    changed_records   BIGINT      NOT NULL,  -- of those, matched as changed (all of them in a full match)
    model             VARCHAR     NOT NULL,  -- lambda, then m and u per comparison level (EmResultText)
    block_limits      VARCHAR     NOT NULL   -- per blocking rule that left blocks out for max-pairs-per-rule in
                                             -- the full match: a line "<size>\t<rule id>", the smallest left out
);
