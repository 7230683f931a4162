-- A few rows that violate a failed row-level check (completeness, contained-in, pattern-match), as a JSON
-- array of objects (column -> value), so that a report regenerated later shows the same examples.
ALTER TABLE dq_check_result ADD COLUMN examples VARCHAR;
