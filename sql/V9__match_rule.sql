-- What each blocking rule produced in a run's match:<entity> step: the candidate pairs per rule (pairs: distinct
-- pairs the rule found; new_pairs: of those, not already found by an earlier rule), the number of distinct key
-- values, and the blocks the guards left out (skipped_blocks: more records than max-block-size; capped_blocks:
-- the largest blocks left out to keep the rule within max-pairs-per-rule). Rewritten with the step.
CREATE TABLE mdm_match_rule (
    run_id            BIGINT      NOT NULL,
    entity            VARCHAR     NOT NULL,
    rule_order        INTEGER     NOT NULL,
    rule_id           VARCHAR     NOT NULL,
    pairs             BIGINT      NOT NULL,
    new_pairs         BIGINT      NOT NULL,
    blocks            BIGINT      NOT NULL,
    skipped_blocks    INTEGER     NOT NULL,
    capped_blocks     INTEGER     NOT NULL,
    PRIMARY KEY (run_id, entity, rule_order)
);
