# Sourced by the benchmark scripts (bench/pipeline-bench.sh, bench/serve-bench.sh): the legacy ERP table that the
# JDBC watermark feeds read (bench/customers-bench-jdbc.yml), loaded from a generated customer CSV with one
# changed_at per row, one second apart (so a watermark after the first sync is the newest row's, not a timestamp
# every row shares), and a deletion flag.
# legacy_table DB CSV: creates legacy_customer in the (existing, empty) database DB from CSV.
legacy_table() {
  PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -d "$1" \
    -c "CREATE TABLE legacy_customer (customer_no VARCHAR PRIMARY KEY, name VARCHAR,
      legal_form VARCHAR, vat_id VARCHAR, email VARCHAR, phone VARCHAR, street VARCHAR, postal_code VARCHAR, city VARCHAR,
      country VARCHAR, credit_limit VARCHAR, currency VARCHAR)" \
    -c "\\copy legacy_customer FROM '$2' WITH (FORMAT csv, HEADER true)" \
    -c "ALTER TABLE legacy_customer ADD COLUMN n BIGSERIAL, ADD COLUMN changed_at TIMESTAMP,
        ADD COLUMN deleted CHAR(1) NOT NULL DEFAULT 'N'" \
    -c "UPDATE legacy_customer SET changed_at = TIMESTAMP '2024-01-01' + n * INTERVAL '1 second'" \
    -c "ALTER TABLE legacy_customer ALTER COLUMN changed_at SET NOT NULL" -c "CREATE INDEX ON legacy_customer (changed_at)"
}
