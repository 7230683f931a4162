-- Data-quality metrics per run: the history that anomaly checks and trend charts read.
-- column_name is NULL for dataset-level metrics (size). metric_value is NULL when the metric was
-- undefined (e.g. the mean of no values). detail holds non-scalar results (top values, histogram
-- buckets, type shares) as a small JSON array.
CREATE TABLE dq_metric (
    run_id          BIGINT            NOT NULL,
    dataset         VARCHAR(200)      NOT NULL,
    column_name     VARCHAR(200),
    metric          VARCHAR(1000)     NOT NULL,
    metric_value    DOUBLE PRECISION,
    detail          VARCHAR,
    computed_at     TIMESTAMP         NOT NULL
);
CREATE INDEX dq_metric_series ON dq_metric (dataset, column_name, metric, run_id);
CREATE INDEX dq_metric_run ON dq_metric (run_id, dataset);

-- Outcome of every declared check per run: passed, failed, warning, skipped or error.
CREATE TABLE dq_check_result (
    run_id          BIGINT            NOT NULL,
    check_id        VARCHAR(200)      NOT NULL,
    dataset         VARCHAR(200)      NOT NULL,
    column_name     VARCHAR(200),
    metric          VARCHAR(1000),
    severity        VARCHAR(10)       NOT NULL,
    status          VARCHAR(10)       NOT NULL,
    metric_value    DOUBLE PRECISION,
    expectation     VARCHAR(1000),
    message         VARCHAR           NOT NULL,
    evaluated_at    TIMESTAMP         NOT NULL,
    PRIMARY KEY (run_id, dataset, check_id)
);
CREATE INDEX dq_check_result_check ON dq_check_result (dataset, check_id, run_id);
