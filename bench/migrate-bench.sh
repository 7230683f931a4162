#!/usr/bin/env bash
# Throughput benchmark: `mastersync migrate` against plain `psql \copy` of the same CSV, side by side.
#
#   ./mvnw -q -o package -DskipTests      # builds target/mastersync.jar
#   bench/migrate-bench.sh                # 1,000,000 rows (about 140 MB, about a minute)
#   ROWS=100000 bench/migrate-bench.sh    # quick run
#
# Generates bench-out/customers-1m.csv (ROWS rows; regenerated when rows, seed or generator differ),
# drops and recreates the database ms_bench on 127.0.0.1:5432 (user root, trust auth), then times
#   a. psql \copy into a logged 12-column table with a primary key on customer_no,
#   b. mastersync migrate --job bench/customers-bench.yml with -Xmx512m (peak RSS measured).
# Rows/s are the rows of the file over the wall time of each process (migrate includes JVM and Spring
# start-up, Flyway on the empty database, cleansing, staging and publishing). The last line is
# machine-readable: bench rows=N copy_rows_per_s=.. migrate_rows_per_s=.. ratio=..
# where ratio = migrate_rows_per_s / copy_rows_per_s (a fraction; 0.50 = 50 %).
#
# Environment: ROWS (1000000), SEED (42), PGHOST (127.0.0.1), PGPORT (5432), PGUSER (root), BENCH_DB (ms_bench),
# HEAP (512m), JAVA_OPTS (extra JVM options for migrate, e.g. JFR).
# Not for tests or CI: it drops a database and takes minutes.
set -euo pipefail

cd "$(dirname "$0")/.."
if [ -n "${CI:-}" ]; then
  echo "migrate-bench.sh: not run in CI" >&2
  exit 1
fi

ROWS="${ROWS:-1000000}"
SEED="${SEED:-42}"
HEAP="${HEAP:-512m}"
PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-root}"
DB="${BENCH_DB:-ms_bench}"
JAR=target/mastersync.jar
JOB=bench/customers-bench.yml
OUT=bench-out
CSV="$OUT/customers-1m.csv"
STAMP="$CSV.stamp"
export PGHOST PGPORT PGUSER

[[ "$ROWS" =~ ^[0-9]+$ ]] && [ "$ROWS" -gt 0 ] || { echo "migrate-bench.sh: ROWS must be a positive number" >&2; exit 2; }
[ -f "$JAR" ] || { echo "migrate-bench.sh: $JAR missing; run ./mvnw -q -o package -DskipTests" >&2; exit 2; }
mkdir -p "$OUT"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
per_s() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
psql_q() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 "$@"; }

# --- 1. the input file -------------------------------------------------------------------------
# The stamp names rows, seed and a fingerprint of the jar's generator (a small sample it writes), so that
# a file from another row count or an older generator is not reused.
sample="$OUT/.sample.csv"
java -jar "$JAR" generate customers --rows 2000 --seed "$SEED" --out "$sample" > /dev/null
fingerprint=$(cat "$sample" "$sample.truth.csv" | sha1sum | cut -c1-12)
rm -f "$sample" "$sample.truth.csv"
want="rows=$ROWS seed=$SEED generator=$fingerprint"
if [ -f "$CSV" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ]; then
  echo "Input: $CSV ($want, reused)"
else
  echo "Input: generating $CSV ($want)"
  rm -f "$STAMP"
  java -jar "$JAR" generate customers --rows "$ROWS" --seed "$SEED" --out "$CSV"
  echo "$want" > "$STAMP"
fi
bytes=$(stat -c %s "$CSV")
lines=$(( $(wc -l < "$CSV") - 1 ))
[ "$lines" -eq "$ROWS" ] || { echo "migrate-bench.sh: $CSV has $lines rows, expected $ROWS" >&2; exit 1; }
# the same file for both, read once beforehand so that neither pays for the disk
cat "$CSV" > /dev/null

# --- 2. a fresh database -----------------------------------------------------------------------
echo "Database: recreating $DB on $PGHOST:$PGPORT"
psql_q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
psql_q -d postgres -c "CREATE DATABASE $DB"
# The \copy table lives in its own schema: Flyway (run by migrate) wants an empty public schema.
psql_q -d "$DB" <<'SQL'
CREATE SCHEMA bench;
CREATE TABLE bench.bench_copy (
    customer_no  VARCHAR NOT NULL PRIMARY KEY,
    name         VARCHAR,
    legal_form   VARCHAR,
    vat_id       VARCHAR,
    email        VARCHAR,
    phone        VARCHAR,
    street       VARCHAR,
    postal_code  VARCHAR,
    city         VARCHAR,
    country      VARCHAR(2),
    credit_limit NUMERIC(18,4),
    currency     VARCHAR(3)
);
SQL

# --- 3a. psql \copy ----------------------------------------------------------------------------
echo "a. psql \\copy ..."
t0=$(now)
psql_q -d "$DB" -c "\\copy bench.bench_copy FROM '$CSV' WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')"
t1=$(now)
copy_s=$(elapsed "$t0" "$t1")
copy_rows=$(psql -X -At -d "$DB" -c "SELECT count(*) FROM bench.bench_copy")
[ "$copy_rows" -eq "$ROWS" ] || { echo "migrate-bench.sh: \\copy loaded $copy_rows rows, expected $ROWS" >&2; exit 1; }

# --- 3b. mastersync migrate --------------------------------------------------------------------
echo "b. mastersync migrate (-Xmx$HEAP) ..."
log="$OUT/migrate-bench.log"
cmd=(java "-Xmx$HEAP" ${JAVA_OPTS:-} -jar "$JAR" migrate --job "$JOB"
     "--spring.datasource.url=jdbc:postgresql://$PGHOST:$PGPORT/$DB" "--spring.datasource.username=$PGUSER")
rss_kb=""
t0=$(now)
if [ -x /usr/bin/time ]; then
  timefile="$OUT/migrate-bench.time"
  if ! /usr/bin/time -v -o "$timefile" "${cmd[@]}" > "$log" 2>&1; then
    cat "$log" >&2; echo "migrate-bench.sh: migrate failed (log: $log)" >&2; exit 1
  fi
  t1=$(now)
  rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$timefile")
else
  # no GNU time: sample the peak (VmHWM) from /proc while it runs
  "${cmd[@]}" > "$log" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
    [ -n "$hwm" ] && rss_kb=$hwm
    sleep 0.2
  done
  if ! wait "$pid"; then
    cat "$log" >&2; echo "migrate-bench.sh: migrate failed (log: $log)" >&2; exit 1
  fi
  t1=$(now)
fi
migrate_s=$(elapsed "$t0" "$t1")
cat "$log"
staged=$(psql -X -At -d "$DB" -c "SELECT count(*) FROM stg_customer WHERE source_system = 'BENCH'")
rejected=$(psql -X -At -d "$DB" -c "SELECT count(*) FROM rej_record")
[ "$staged" -gt 0 ] || { echo "migrate-bench.sh: migrate staged no rows" >&2; exit 1; }

# --- 4. results --------------------------------------------------------------------------------
copy_rps=$(per_s "$ROWS" "$copy_s")
migrate_rps=$(per_s "$ROWS" "$migrate_s")
ratio=$(awk -v m="$migrate_rps" -v c="$copy_rps" 'BEGIN { printf "%.3f", m / c }')
pct=$(awk -v r="$ratio" 'BEGIN { printf "%.1f", r * 100 }')
echo
echo "Rows: $ROWS ($bytes bytes, $CSV)"
printf '%-22s %9s s %12s rows/s   %s\n' "psql \\copy" "$copy_s" "$copy_rps" "$copy_rows rows in bench.bench_copy"
printf '%-22s %9s s %12s rows/s   %s\n' "mastersync migrate" "$migrate_s" "$migrate_rps" \
  "$staged staged, $rejected rejected; heap cap -Xmx$HEAP, peak RSS ${rss_kb:-?} kB"
echo "migrate / copy: $pct %"
echo "bench rows=$ROWS copy_rows_per_s=$copy_rps migrate_rows_per_s=$migrate_rps ratio=$ratio"
