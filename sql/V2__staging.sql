-- Runs: one row per migrate/sync run (a Spring Batch job instance; restarts continue the same run).
CREATE TABLE run_summary (
    run_id          BIGINT       NOT NULL PRIMARY KEY,
    command         VARCHAR      NOT NULL,
    job_files       VARCHAR       NOT NULL,
    config_hash     VARCHAR      NOT NULL,
    rules_hash      VARCHAR    ,
    status          VARCHAR      NOT NULL,
    started_at      TIMESTAMP    NOT NULL,
    ended_at        TIMESTAMP,
    read_count      BIGINT       NOT NULL DEFAULT 0,
    loaded_count    BIGINT       NOT NULL DEFAULT 0,
    rejected_count  BIGINT       NOT NULL DEFAULT 0,
    filtered_count  BIGINT       NOT NULL DEFAULT 0
);

-- Row accounting per run and feed: read = loaded + rejected + filtered, always.
CREATE TABLE run_feed (
    run_id            BIGINT       NOT NULL,
    feed              VARCHAR      NOT NULL,
    source_system     VARCHAR      NOT NULL,
    entity            VARCHAR      NOT NULL,
    source            VARCHAR       NOT NULL,
    rules_hash        VARCHAR    ,
    read_count        BIGINT       NOT NULL,
    loaded_count      BIGINT       NOT NULL,
    rejected_count    BIGINT       NOT NULL,
    superseded_count  BIGINT       NOT NULL,
    filtered_count    BIGINT       NOT NULL,
    flagged_count     BIGINT       NOT NULL,
    finished_at       TIMESTAMP    NOT NULL,
    PRIMARY KEY (run_id, feed)
);

-- Current staged items, one per (source system, source key). Lineage columns say where the row came from;
-- key_hash and content_hash (64-bit hashes of the key and of the canonical values) let delta syncs find
-- what changed; deleted_at/deleted_run mark rows a sync found deleted in the source (soft delete).
CREATE TABLE stg_item (
    source_system   VARCHAR       NOT NULL,
    source_key      VARCHAR       NOT NULL,
    sku             VARCHAR    ,
    gtin            VARCHAR(14),
    name            VARCHAR     ,
    description     VARCHAR      ,
    brand           VARCHAR     ,
    mpn             VARCHAR     ,
    category        VARCHAR     ,
    base_unit       VARCHAR   ,
    net_weight      NUMERIC(18,6),
    weight_unit     VARCHAR   ,
    list_price      NUMERIC(18,4),
    currency        VARCHAR(3),
    status          VARCHAR    ,
    last_changed    TIMESTAMP,
    run_id          BIGINT        NOT NULL,
    feed            VARCHAR       NOT NULL,
    source_file     VARCHAR       NOT NULL,
    source_line     BIGINT        NOT NULL,
    record_no       BIGINT        NOT NULL,
    loaded_at       TIMESTAMP     NOT NULL,
    key_hash        BIGINT        NOT NULL,
    content_hash    BIGINT        NOT NULL,
    deleted_at      TIMESTAMP,
    deleted_run     BIGINT,
    PRIMARY KEY (source_system, source_key)
);

CREATE TABLE stg_customer (
    source_system   VARCHAR       NOT NULL,
    source_key      VARCHAR       NOT NULL,
    customer_number VARCHAR    ,
    name            VARCHAR     ,
    party_type      VARCHAR    ,
    legal_form      VARCHAR    ,
    vat_id          VARCHAR    ,
    email           VARCHAR     ,
    phone           VARCHAR    ,
    street_1        VARCHAR     ,
    street_2        VARCHAR     ,
    postal_code     VARCHAR    ,
    city            VARCHAR     ,
    region          VARCHAR     ,
    country         VARCHAR(2),
    customer_group  VARCHAR    ,
    credit_limit    NUMERIC(18,4),
    currency        VARCHAR(3),
    status          VARCHAR    ,
    last_changed    TIMESTAMP,
    run_id          BIGINT        NOT NULL,
    feed            VARCHAR       NOT NULL,
    source_file     VARCHAR       NOT NULL,
    source_line     BIGINT        NOT NULL,
    record_no       BIGINT        NOT NULL,
    loaded_at       TIMESTAMP     NOT NULL,
    key_hash        BIGINT        NOT NULL,
    content_hash    BIGINT        NOT NULL,
    deleted_at      TIMESTAMP,
    deleted_run     BIGINT,
    PRIMARY KEY (source_system, source_key)
);

-- Rows that were not loaded: rejected by a rule, superseded by a later row with the same key, or filtered.
CREATE TABLE rej_record (
    run_id          BIGINT        NOT NULL,
    feed            VARCHAR       NOT NULL,
    record_no       BIGINT        NOT NULL,
    source_system   VARCHAR       NOT NULL,
    entity          VARCHAR       NOT NULL,
    source_key      VARCHAR     ,
    disposition     VARCHAR       NOT NULL,
    source_file     VARCHAR       NOT NULL,
    source_line     BIGINT        NOT NULL,
    raw_record      VARCHAR,
    reasons         VARCHAR       NOT NULL,
    rejected_at     TIMESTAMP     NOT NULL
);
CREATE INDEX rej_record_run ON rej_record (run_id, feed, record_no);

-- Every rule outcome, one row per violation: errors of rejected rows and warnings of loaded (flagged) rows.
CREATE TABLE rej_reason (
    run_id          BIGINT        NOT NULL,
    feed            VARCHAR       NOT NULL,
    record_no       BIGINT        NOT NULL,
    source_system   VARCHAR       NOT NULL,
    source_key      VARCHAR     ,
    field           VARCHAR    ,
    rule_id         VARCHAR       NOT NULL,
    severity        VARCHAR       NOT NULL,
    message         VARCHAR       NOT NULL,
    bad_value       VARCHAR      
);
CREATE INDEX rej_reason_run ON rej_reason (run_id, feed, rule_id);
