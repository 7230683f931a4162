-- An optional date of birth on customers (persons): with a tax id the strongest evidence that two person records
-- are one customer. Added to every table that holds the canonical customer fields: staging, the pending rows of a
-- delta sync, and the golden records.
ALTER TABLE stg_customer ADD COLUMN birth_date DATE;
ALTER TABLE sync_pending_customer ADD COLUMN birth_date DATE;
ALTER TABLE mdm_golden_customer ADD COLUMN birth_date DATE;
