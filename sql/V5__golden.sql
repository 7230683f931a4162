-- Golden records (deduplicated masters), their cross-reference to staged records, the scored pairs of each
-- run, steward decisions and retired golden ids. Written by the match:<entity> and golden:<entity> steps of
-- migrate, each in one transaction. Portable to H2 in PostgreSQL mode (no JSONB: JSON is kept as VARCHAR).

-- One golden item per cluster of staged items; every canonical field is chosen by a survivorship rule.
CREATE TABLE mdm_golden_item (
    golden_id       VARCHAR       NOT NULL PRIMARY KEY,
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
    field_lineage   VARCHAR       NOT NULL,
    created_run     BIGINT        NOT NULL,
    updated_run     BIGINT        NOT NULL,
    member_count    INTEGER       NOT NULL
);

CREATE TABLE mdm_golden_customer (
    golden_id       VARCHAR       NOT NULL PRIMARY KEY,
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
    field_lineage   VARCHAR       NOT NULL,
    created_run     BIGINT        NOT NULL,
    updated_run     BIGINT        NOT NULL,
    member_count    INTEGER       NOT NULL
);

-- Every staged record (singletons too) and the golden record it belongs to.
CREATE TABLE mdm_xref (
    entity            VARCHAR     NOT NULL,
    source_system     VARCHAR     NOT NULL,
    source_key        VARCHAR     NOT NULL,
    golden_id         VARCHAR     NOT NULL,
    match_probability DOUBLE PRECISION,
    run_id            BIGINT      NOT NULL,
    PRIMARY KEY (entity, source_system, source_key)
);
CREATE INDEX mdm_xref_golden ON mdm_xref (entity, golden_id);

-- Scored candidate pairs at or above the review threshold (and steward-forced pairs) of each run.
CREATE TABLE mdm_match_pair (
    run_id            BIGINT      NOT NULL,
    entity            VARCHAR     NOT NULL,
    a_source_system   VARCHAR     NOT NULL,
    a_source_key      VARCHAR     NOT NULL,
    b_source_system   VARCHAR     NOT NULL,
    b_source_key      VARCHAR     NOT NULL,
    probability       DOUBLE PRECISION NOT NULL,
    weight            DOUBLE PRECISION NOT NULL,
    decision          VARCHAR     NOT NULL,
    evidence          VARCHAR     NOT NULL
);
CREATE INDEX mdm_match_pair_run ON mdm_match_pair (run_id, entity, decision);

-- A data steward's verdict on a pair; honoured by every later run (the latest verdict per pair counts).
CREATE TABLE mdm_steward_decision (
    entity            VARCHAR     NOT NULL,
    a_source_system   VARCHAR     NOT NULL,
    a_source_key      VARCHAR     NOT NULL,
    b_source_system   VARCHAR     NOT NULL,
    b_source_key      VARCHAR     NOT NULL,
    decision          VARCHAR     NOT NULL,
    decided_by        VARCHAR     NOT NULL,
    decided_at        TIMESTAMP   NOT NULL
);
CREATE INDEX mdm_steward_decision_pair ON mdm_steward_decision (entity, a_source_system, a_source_key);

-- Golden ids that disappeared because their cluster merged into another one.
CREATE TABLE mdm_golden_retired (
    entity            VARCHAR     NOT NULL,
    retired_id        VARCHAR     NOT NULL,
    surviving_id      VARCHAR     NOT NULL,
    run_id            BIGINT      NOT NULL,
    PRIMARY KEY (entity, retired_id)
);
