#!/usr/bin/env bash
# The whole pipeline measured side by side in one run on the same generated customer CSV (not run by CI):
#   a. psql \copy into an equivalent 12-column table with a primary key (the baseline)
#   b. migrate without rules and without the quality stage            (issue: initial migration)
#   c. migrate with rules/customer.yml, without the quality stage      (issue: rules as data)
#   d. migrate with rules/customer.yml and the quality stage (metrics)  (issue: data quality); also prints
#      the time of d's quality steps and its share of c's job time
#   e. sync of a changed snapshot (1% changed, 0.1% added, 0.1% removed) after b  (issue: delta syncs)
#   e0. the same sync with every row cleansed (mastersync.sync.skip-unchanged=false), on a copy of b's database
#   f. sync of the same snapshot with rules/customer.yml after c (compare with c)
#   h. f with the quality stage, after d (compare with d): the sync judges the whole feed before it commits
#   g. JDBC watermark sync of the same changes (a legacy PostgreSQL table with changed_at and a deletion flag,
#      loaded first by a watermark sync that reads everything: g0)
# Each step reports wall time and rows/s of the whole process (JVM and Spring start-up included) and of the
# Spring Batch job alone (first step start to last step end), peak RSS, with the heap capped at HEAP.
# Usage: ./mvnw -q -o package -DskipTests && bench/pipeline-bench.sh    (ROWS=200000 for a quick run)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/legacy-table.sh
if [ -n "${CI:-}" ]; then
  echo "pipeline-bench.sh: not run in CI" >&2
  exit 1
fi
ROWS="${ROWS:-1000000}"
HEAP="${HEAP:-512m}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-root}"
JAR=target/mastersync.jar
OUT=bench-out
CSV="$OUT/customers-1m.csv"
CHANGED="$OUT/customers-1m-changed.csv"
mkdir -p "$OUT"
[ -f "$JAR" ] || { echo "pipeline-bench.sh: $JAR missing; run ./mvnw -q -o package -DskipTests" >&2; exit 2; }

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
per_s() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
psql_q() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 "$@"; }
fresh_db() { psql_q -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"; }

# the stamp includes a fingerprint of the jar's generator (a small sample), so that an older generator's file is
# not reused
sample="$OUT/.sample.csv"
java -jar "$JAR" generate customers --rows 2000 --seed 42 --out "$sample" > /dev/null
generator=$(cat "$sample" "$sample.truth.csv" 2>/dev/null | sha1sum | cut -c1-12)
rm -f "$sample" "$sample.truth.csv"
stamp="rows=$ROWS seed=42 generator=$generator"
if [ ! -f "$CSV" ] || [ "$(cat "$CSV.pipeline-stamp" 2>/dev/null)" != "$stamp" ]; then
  java -jar "$JAR" generate customers --rows "$ROWS" --seed 42 --out "$CSV" > /dev/null
  echo "$stamp" > "$CSV.pipeline-stamp"
fi
# the changed snapshot: every 100th row gets another city, every 1000th row is dropped, 0.1% new rows
python3 - "$CSV" "$CHANGED" "$ROWS" <<'PY'
import csv, sys
src, dst, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(src, newline='', encoding='utf-8') as i, open(dst, 'w', newline='', encoding='utf-8') as o:
    r, w = csv.reader(i), csv.writer(o, lineterminator='\n')
    w.writerow(next(r))
    for n, row in enumerate(r, 1):
        if n % 1000 == 7:
            continue
        if n % 100 == 3:
            row[8] = 'Moved ' + str(n)
        w.writerow(row)
    for k in range(1, rows // 1000 + 1):
        w.writerow(['NEW-%d' % k, 'New Customer %d' % k, '', '', 'new%d@example.com' % k, '', 'Main St 1', '10115',
                    'Berlin', 'DE', '100.00', 'EUR'])
PY
cat "$CSV" "$CHANGED" > /dev/null
echo "Input: $CSV ($ROWS rows, $(stat -c %s "$CSV") bytes); changed snapshot $CHANGED"

results=()
report() { # name wall_s job_s rss_kb
  local line
  line=$(printf "%-34s wall %7.2f s %9s rows/s   job %7.2f s %9s rows/s   peak RSS %6d MB" "$1" "$2" \
    "$(per_s "$ROWS" "$2")" "$3" "$(per_s "$ROWS" "$3")" $(( $4 / 1024 )))
  echo "$line"; results+=("$line")
}
job_seconds() { # db -> seconds from the first step's start to the last step's end of the latest job execution
  psql -X -At -d "$1" -c "SELECT round(extract(epoch FROM max(end_time) - min(start_time))::numeric, 2) FROM batch_step_execution
    WHERE job_execution_id = (SELECT max(job_execution_id) FROM batch_job_execution)"
}
run_ms() { # name db args...
  local name=$1 db=$2; shift 2
  local t0 t1 log="$OUT/pipeline-$db.log"
  t0=$(now)
  /usr/bin/time -f "%M" -o "$OUT/pipeline-$db.rss" java "-Xmx$HEAP" -jar "$JAR" "$@" \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$db" --spring.datasource.username="$PGUSER" \
    --mastersync.report-dir="$OUT/reports" > "$log" 2>&1 || { cat "$log" >&2; exit 1; }
  t1=$(now)
  report "$name" "$(elapsed "$t0" "$t1")" "$(job_seconds "$db")" "$(tail -1 "$OUT/pipeline-$db.rss")"
}

fresh_db ms_bench_copy
psql_q -d ms_bench_copy -c "CREATE TABLE bench_copy (customer_no VARCHAR PRIMARY KEY, name VARCHAR, legal_form VARCHAR,
  vat_id VARCHAR, email VARCHAR, phone VARCHAR, street VARCHAR, postal_code VARCHAR, city VARCHAR, country VARCHAR,
  credit_limit NUMERIC, currency VARCHAR)"
t0=$(now)
psql_q -d ms_bench_copy -c "\\copy bench_copy FROM '$CSV' WITH (FORMAT csv, HEADER true)"
t1=$(now)
copy_s=$(elapsed "$t0" "$t1")
report "a. psql \\copy" "$copy_s" "$copy_s" 0

fresh_db ms_bench_plain
run_ms "b. migrate (no rules, no quality)" ms_bench_plain migrate --job bench/customers-bench.yml --mastersync.quality.enabled=false
plain_wall=$(elapsed "$t0" "$(now)")
fresh_db ms_bench_rules
run_ms "c. migrate + rules" ms_bench_rules migrate --job bench/customers-bench-rules.yml --mastersync.quality.enabled=false
fresh_db ms_bench_quality
run_ms "d. migrate + rules + quality" ms_bench_quality migrate --job bench/customers-bench-rules.yml
# the quality stage's own steps: on a shared machine the extract steps of c and d vary by more than this
quality_s=$(psql -X -At -d ms_bench_quality -c "SELECT round(sum(extract(epoch FROM end_time - start_time))::numeric, 2)
  FROM batch_step_execution WHERE (step_name LIKE 'quality:%' OR step_name = 'quality-gate')
  AND job_execution_id = (SELECT max(job_execution_id) FROM batch_job_execution)")
rules_job_s=$(job_seconds ms_bench_rules)
quality_line=$(printf "quality steps of d (metrics, checks, gate, report): %.2f s = %s%% of c's job" "$quality_s" \
  "$(awk -v q="$quality_s" -v c="$rules_job_s" 'BEGIN { printf "%.1f", 100 * q / c }')")
echo "$quality_line"
# e, f and g compare with b and c, which run without the quality stage; h is f with it (compare with d): a sync
# profiles its whole feed inside the apply transaction
NOQ=--mastersync.quality.enabled=false
sync_counts() { psql -X -At -d "$1" -c "SELECT '   counts: read=' || read_count || ' inserted=' || inserted_count
  || ' updated=' || updated_count || ' unchanged=' || unchanged_count || ' deleted=' || deleted_count || ' rejected='
  || rejected_count || ' not cleansed=' || not_cleansed_count FROM sync_run_feed ORDER BY run_id DESC LIMIT 1"; }
psql_q -d postgres -c "DROP DATABASE IF EXISTS ms_bench_plain_copy" -c "CREATE DATABASE ms_bench_plain_copy TEMPLATE ms_bench_plain"
run_ms "e. sync after b (1.2% changed)" ms_bench_plain sync --job bench/customers-bench-sync.yml $NOQ
sync_counts ms_bench_plain
run_ms "e0. e, every row cleansed" ms_bench_plain_copy sync --job bench/customers-bench-sync.yml $NOQ \
  --mastersync.sync.skip-unchanged=false
sync_counts ms_bench_plain_copy
run_ms "f. sync + rules after c" ms_bench_rules sync --job bench/customers-bench-sync-rules.yml $NOQ
sync_counts ms_bench_rules
run_ms "h. sync + rules + quality after d" ms_bench_quality sync --job bench/customers-bench-sync-rules.yml
sync_counts ms_bench_quality

# g: the legacy table, loaded once with changed_at one second apart per row (so the watermark after g0 is the
# newest row's, not a timestamp that every row shares), then changed like the snapshot above (every 100th row moves,
# every 1000th is flagged deleted, 0.1% new rows), all with a changed_at after the first sync's watermark
fresh_db ms_bench_legacy
legacy_table ms_bench_legacy "$CSV"
fresh_db ms_bench_jdbc
run_ms "g0. JDBC watermark sync, first (all)" ms_bench_jdbc sync --job bench/customers-bench-jdbc.yml $NOQ
psql_q -d ms_bench_legacy -c "UPDATE legacy_customer SET city = 'Moved ' || n, changed_at = now() WHERE n % 100 = 3" \
  -c "UPDATE legacy_customer SET deleted = 'Y', changed_at = now() WHERE n % 1000 = 7" \
  -c "INSERT INTO legacy_customer (customer_no, name, email, street, postal_code, city, country, credit_limit, currency,
      changed_at) SELECT 'NEW-' || k, 'New Customer ' || k, 'new' || k || '@example.com', 'Main St 1', '10115', 'Berlin',
      'DE', '100.00', 'EUR', now() FROM generate_series(1, $ROWS / 1000) k"
run_ms "g. JDBC watermark sync (1.2% changed)" ms_bench_jdbc sync --job bench/customers-bench-jdbc.yml $NOQ
sync_counts ms_bench_jdbc
echo
echo "Summary ($ROWS rows, heap $HEAP, $(nproc) cores):"
printf '%s\n' "${results[@]}"
echo "$quality_line"
