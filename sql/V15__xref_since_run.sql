-- The run since which a record has its current golden id (its tenure): when a golden record splits into equal
-- parts, the part with the member that has held the id longest keeps it. Null for rows written before this column
-- existed (their run_id stands in).
ALTER TABLE mdm_xref ADD COLUMN since_run BIGINT;
