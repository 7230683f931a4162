#!/usr/bin/env bash
# Warm syncs inside `mastersync serve` (issue #6; not run by CI): the nightly sync as it normally runs, in a JVM
# that is started and warm, on the million-row customer benchmark of bench/pipeline-bench.sh.
#   s. snapshot: a database migrated like b; serve with a schedule every SCHEDULE_S seconds; after each run the
#      job file's snapshot is swapped between the original and the changed file (1% changed, 0.1% added,
#      0.1% removed), so every run applies the same changes or their reverse
#   w. JDBC watermark: a legacy PostgreSQL table loaded by a first watermark sync; serve with the same schedule,
#      overlap 5 s; after each run 1% of the legacy rows move and 0.1% flip their deletion flag
# Reports each run's job time (first step start to last step end) and its steps, and the share of b's wall time
# when B_WALL (seconds, from pipeline-bench.sh) is given. Quality stage off, as for e and g.
# Usage: ./mvnw -q -o package -DskipTests && bench/pipeline-bench.sh && B_WALL=10.9 bench/serve-bench.sh
#   (PARTS=w or PARTS=s for one of the two)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/legacy-table.sh
if [ -n "${CI:-}" ]; then
  echo "serve-bench.sh: not run in CI" >&2
  exit 1
fi
RUNS="${RUNS:-4}"
PARTS="${PARTS:-sw}"
SCHEDULE_S="${SCHEDULE_S:-40}"
HEAP="${HEAP:-512m}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-root}"
JAR=target/mastersync.jar
OUT=bench-out
CSV="$OUT/customers-1m.csv"
CHANGED="$OUT/customers-1m-changed.csv"
[ -f "$JAR" ] || { echo "serve-bench.sh: $JAR missing; run ./mvnw -q -o package -DskipTests" >&2; exit 2; }
[ -f "$CSV" ] && [ -f "$CHANGED" ] || { echo "serve-bench.sh: run bench/pipeline-bench.sh first (it writes $CSV and $CHANGED)" >&2; exit 2; }
psql_q() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 "$@"; }
url() { echo "jdbc:postgresql://$PGHOST:$PGPORT/$1"; }
runs_done() { psql -X -At -d "$1" -c "SELECT count(*) FROM sync_run_feed"; }
report() { # db first_run -> one line per run
  psql -X -At -d "$1" -c "SELECT job_execution_id, round(extract(epoch FROM max(end_time) - min(start_time))::numeric, 2),
    string_agg(step_name || ' ' || round(extract(epoch FROM end_time - start_time)::numeric, 2), ', '
      ORDER BY step_execution_id) FROM batch_step_execution WHERE job_execution_id >= $2
    GROUP BY job_execution_id ORDER BY job_execution_id" | while IFS='|' read -r id job steps; do
    share=""
    [ -n "${B_WALL:-}" ] && share=$(awk -v j="$job" -v b="$B_WALL" 'BEGIN { printf " = %.0f%% of b", 100 * j / b }')
    echo "  run $id: job $job s$share ($steps)"
  done
}
serve() { # db job -> pid
  java "-Xmx$HEAP" -jar "$JAR" serve --job "$2" --poll 1s --spring.datasource.url="$(url "$1")" \
    --spring.datasource.username="$PGUSER" --mastersync.quality.enabled=false > "$OUT/serve-$1.log" 2>&1 &
  echo $!
}
cron="*/$SCHEDULE_S * * * * *"

# s. snapshot
if [[ $PARTS == *s* ]]; then
link="$PWD/$OUT/serve-snapshot.csv"
sed "s|path: ../bench-out/customers-1m-changed.csv|path: $link|" bench/customers-bench-sync.yml > "$OUT/serve-snapshot.yml"
printf 'sync:\n  schedule: "%s"\n' "$cron" >> "$OUT/serve-snapshot.yml"
psql_q -d postgres -c "DROP DATABASE IF EXISTS ms_serve" -c "CREATE DATABASE ms_serve"
ln -sf "$PWD/$CSV" "$link"
java "-Xmx$HEAP" -jar "$JAR" migrate --job "$OUT/serve-snapshot.yml" --spring.datasource.url="$(url ms_serve)" \
  --spring.datasource.username="$PGUSER" --mastersync.quality.enabled=false > "$OUT/serve-migrate.log" 2>&1
files=("$CHANGED" "$CSV")
ln -sf "$PWD/${files[0]}" "$link"
pid=$(serve ms_serve "$OUT/serve-snapshot.yml")
for k in $(seq 1 "$RUNS"); do
  while [ "$(runs_done ms_serve)" -lt "$k" ]; do sleep 1; kill -0 "$pid" 2>/dev/null || { cat "$OUT/serve-ms_serve.log" >&2; exit 1; }; done
  ln -sf "$PWD/${files[$((k % 2))]}" "$link"
done
kill "$pid"; wait "$pid" 2>/dev/null || true
echo "s. snapshot sync inside serve (the first run is cold):"
report ms_serve 2
fi

# w. JDBC watermark
[[ $PARTS == *w* ]] || exit 0
psql_q -d postgres -c "DROP DATABASE IF EXISTS ms_serve_legacy" -c "CREATE DATABASE ms_serve_legacy" \
  -c "DROP DATABASE IF EXISTS ms_serve_jdbc" -c "CREATE DATABASE ms_serve_jdbc"
legacy_table ms_serve_legacy "$CSV"
sed -e "s|ms_bench_legacy|ms_serve_legacy|" -e "s/overlap: 10m/overlap: 5s/" bench/customers-bench-jdbc.yml \
  > "$OUT/serve-jdbc.yml"
printf '  schedule: "%s"\n' "$cron" >> "$OUT/serve-jdbc.yml"
java "-Xmx$HEAP" -jar "$JAR" sync --job "$OUT/serve-jdbc.yml" --spring.datasource.url="$(url ms_serve_jdbc)" \
  --spring.datasource.username="$PGUSER" --mastersync.quality.enabled=false > "$OUT/serve-jdbc-first.log" 2>&1
first=$(psql -X -At -d ms_serve_jdbc -c "SELECT max(job_execution_id) FROM batch_job_execution")
change() {
  psql_q -d ms_serve_legacy -c "UPDATE legacy_customer SET city = 'Serve$1 ' || n, changed_at = now() WHERE n % 100 = 3" \
    -c "UPDATE legacy_customer SET deleted = CASE WHEN deleted = 'Y' THEN 'N' ELSE 'Y' END, changed_at = now()
        WHERE n % 1000 = 7"
}
change 0
sleep 6 # past the overlap
pid=$(serve ms_serve_jdbc "$OUT/serve-jdbc.yml")
for k in $(seq 1 "$RUNS"); do
  while [ "$(runs_done ms_serve_jdbc)" -lt $((k + 1)) ]; do sleep 1; kill -0 "$pid" 2>/dev/null || { cat "$OUT/serve-ms_serve_jdbc.log" >&2; exit 1; }; done
  sleep 6
  change "$k"
done
kill "$pid"; wait "$pid" 2>/dev/null || true
echo "w. JDBC watermark sync inside serve (the first run is cold):"
report ms_serve_jdbc $((first + 1))
psql -X -At -d ms_serve_jdbc -c "SELECT '  rows read per run: ' || string_agg(read_count::text, ', ' ORDER BY run_id)
  FROM sync_run_feed WHERE run_id > $first"
