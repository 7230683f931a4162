-- What the normalizers of a rules file did, per run and feed: how many values each one changed (summed
-- over the chunks of the run: each chunk adds its own row in its own transaction), and a few examples.
CREATE TABLE dq_normalizer_count (
    run_id          BIGINT        NOT NULL,
    feed            VARCHAR       NOT NULL,
    normalizer      VARCHAR       NOT NULL,
    field           VARCHAR       NOT NULL,
    changed_count   BIGINT        NOT NULL
);
CREATE INDEX dq_normalizer_count_run ON dq_normalizer_count (run_id, feed);

CREATE TABLE dq_normalizer_example (
    run_id          BIGINT        NOT NULL,
    feed            VARCHAR       NOT NULL,
    normalizer      VARCHAR       NOT NULL,
    field           VARCHAR       NOT NULL,
    before_value    VARCHAR,
    after_value     VARCHAR
);
CREATE INDEX dq_normalizer_example_run ON dq_normalizer_example (run_id, feed);
