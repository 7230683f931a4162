#!/usr/bin/env bash
# Deduplication benchmark (issue #4; not run by CI): 1,000,000 generated customers with 10% near-duplicates
# (typos, swapped name parts, changed house numbers, phone formats) migrated with the shipped cleansing rules and
# rules/customer-match.yml (bench/customers-dedupe-bench.yml), with a 2 GB heap. Target: the match:customer and
# golden:customer steps (blocking, scoring, clustering, golden records) in at most 2 minutes on 2 cores.
#
#   ./mvnw -q -o package -DskipTests && bench/dedupe-bench.sh
#   ROWS=200000 bench/dedupe-bench.sh          # quick run
#   RUNS=3 bench/dedupe-bench.sh               # three migrations in a row (timings on a shared machine vary)
#
# Reports per run: wall time of the whole migrate process, of the Spring Batch job, of each step (from
# batch_step_execution), peak RSS, heap occupancy (GC log), the candidate pairs per blocking rule (mdm_match_rule),
# the pairs stored per decision, and precision / recall / F1 of `mastersync evaluate` against the truth file.
# The generator's truth file lists every pair of a duplicate group (two copies of one original too).
#
# With SYNC=true (the default) a delta sync follows the last migrate: a changed snapshot (every 100th row moves to
# another city, every 1000th is gone, 0.1% new rows, half of them a copy of an existing customer with a typo in the
# name) synced with bench/customers-dedupe-bench-sync.yml, which matches incrementally; it reports the sync's match
# and golden steps, which new copies joined their original's golden record, and how many unchanged records got
# another golden id.
#
# Environment: ROWS (1000000), DUPLICATES (0.10), SEED (42), HEAP (2g), RUNS (1), SYNC (true), QUALITY (false: the quality
# stage is not part of this benchmark), PGHOST (127.0.0.1), PGPORT (5432), PGUSER (root), BENCH_DB (ms_dedupe),
# JAVA_OPTS (extra JVM options, e.g. -XX:StartFlightRecording=filename=/tmp/d.jfr,settings=profile).
# Drops and recreates the database BENCH_DB.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${CI:-}" ]; then
  echo "dedupe-bench.sh: not run in CI" >&2
  exit 1
fi
ROWS="${ROWS:-1000000}"
DUPLICATES="${DUPLICATES:-0.10}"
SEED="${SEED:-42}"
HEAP="${HEAP:-2g}"
RUNS="${RUNS:-1}"
QUALITY="${QUALITY:-false}"
DB="${BENCH_DB:-ms_dedupe}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-root}"
JAR=target/mastersync.jar
JOB=bench/customers-dedupe-bench.yml
OUT=bench-out
CSV="$OUT/dedupe-1m.csv"
TRUTH="$CSV.truth.csv"
URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB"
[[ "$ROWS" =~ ^[0-9]+$ ]] && [ "$ROWS" -gt 0 ] || { echo "dedupe-bench.sh: ROWS must be a positive number" >&2; exit 2; }
[ -f "$JAR" ] || { echo "dedupe-bench.sh: $JAR missing; run ./mvnw -q -o package -DskipTests" >&2; exit 2; }
mkdir -p "$OUT"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
psql_q() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 "$@"; }
sql() { psql -X -At -d "$DB" -c "$1"; }

# the stamp includes a fingerprint of the jar's generator (a small sample), so that an older generator's file is
# not reused
sample="$OUT/.sample.csv"
java -jar "$JAR" generate customers --rows 2000 --seed 42 --out "$sample" > /dev/null
generator=$(cat "$sample" "$sample.truth.csv" 2>/dev/null | sha1sum | cut -c1-12)
rm -f "$sample" "$sample.truth.csv"
stamp="rows=$ROWS duplicates=$DUPLICATES seed=$SEED generator=$generator"
if [ ! -f "$CSV" ] || [ "$(cat "$CSV.stamp" 2>/dev/null)" != "$stamp" ]; then
  java -jar "$JAR" generate customers --rows "$ROWS" --duplicates "$DUPLICATES" --seed "$SEED" --out "$CSV"
  echo "$stamp" > "$CSV.stamp"
fi
echo "Input: $CSV ($ROWS rows, $(stat -c %s "$CSV") bytes), truth $(($(wc -l < "$TRUTH") - 1)) pairs;" \
  "heap $HEAP, $(nproc) cores," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"

step_seconds() { # step name -> seconds of its latest execution
  sql "SELECT round(extract(epoch FROM end_time - start_time)::numeric, 1) FROM batch_step_execution
       WHERE step_name = '$1' ORDER BY step_execution_id DESC LIMIT 1"
}
summary=()
for run in $(seq 1 "$RUNS"); do
  psql_q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  log="$OUT/dedupe-run$run.log"
  t0=$(now)
  # shellcheck disable=SC2086
  /usr/bin/time -f "%M" -o "$OUT/dedupe-run$run.rss" java "-Xmx$HEAP" -Xlog:gc:file="$OUT/dedupe-run$run.gc.log" \
    ${JAVA_OPTS:-} -jar "$JAR" migrate --job "$JOB" --spring.datasource.url="$URL" \
    --spring.datasource.username="$PGUSER" --mastersync.quality.enabled="$QUALITY" \
    --mastersync.report-dir="$OUT/reports" > "$log" 2>&1 || { tail -20 "$log" >&2; exit 1; }
  t1=$(now)
  wall=$(elapsed "$t0" "$t1")
  rss_mb=$(( $(tail -1 "$OUT/dedupe-run$run.rss") / 1024 ))
  heap=$(awk '/Pause/ && /->/ { split($0, a, " "); for (i in a) if (a[i] ~ /M->.*M\(/) { split(a[i], b, /M->|M\(/);
    if (b[1] + 0 > before) before = b[1] + 0; if (b[2] + 0 > after) after = b[2] + 0 } }
    END { printf "heap used up to %d MB (after GC up to %d MB)", before, after }' "$OUT/dedupe-run$run.gc.log")
  job=$(sql "SELECT round(extract(epoch FROM max(end_time) - min(start_time))::numeric, 1) FROM batch_step_execution")
  extract=$(step_seconds extract:bench-customers)
  publish=$(step_seconds publish:bench-customers)
  match=$(step_seconds match:customer)
  golden=$(step_seconds golden:customer)
  both=$(awk -v a="$match" -v b="$golden" 'BEGIN { printf "%.1f", a + b }')
  eval_line=$(java -jar "$JAR" evaluate --truth "$TRUTH" --entity customer --spring.datasource.url="$URL" \
    --spring.datasource.username="$PGUSER" 2>/dev/null | tail -1)
  echo
  load=$(cut -d' ' -f1 /proc/loadavg)
  echo "Run $run: wall ${wall} s (job ${job} s: extract ${extract} s, publish ${publish} s, match:customer ${match} s," \
    "golden:customer ${golden} s); match + golden ${both} s; peak RSS ${rss_mb} MB; $heap; load average $load at the end"
  grep -o "matched [0-9,]* records: .*" "$log" | tail -1 | sed 's/^/  matcher: /'
  echo "  pairs per blocking rule (mdm_match_rule):"
  sql "SELECT format('    %-14s %12s pairs %12s new %10s blocks %5s skipped (max-block-size) %6s left out (max-pairs-per-rule)',
         rule_id, to_char(pairs, 'FM999,999,999'), to_char(new_pairs, 'FM999,999,999'), to_char(blocks, 'FM999,999,999'),
         skipped_blocks, capped_blocks) FROM mdm_match_rule ORDER BY rule_order"
  echo "  stored pairs: $(sql "SELECT string_agg(decision || ' ' || n, ', ' ORDER BY decision) FROM (SELECT decision,
         count(*) n FROM mdm_match_pair GROUP BY 1) d"); golden records: $(sql "SELECT count(*) FROM mdm_golden_customer")" \
    "of $(sql "SELECT count(*) FROM stg_customer") staged customers"
  echo "  evaluate: $eval_line"
  summary+=("run $run: match ${match} s + golden ${golden} s = ${both} s; whole run ${wall} s; peak RSS ${rss_mb} MB; load average $load; $eval_line")
done
if [ "${SYNC:-true}" = true ]; then
  CHANGED="$OUT/dedupe-1m-changed.csv"
  python3 - "$CSV" "$CHANGED" "$ROWS" <<'PY'
import csv, sys
src, dst, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
kept = []
with open(src, newline='', encoding='utf-8') as i, open(dst, 'w', newline='', encoding='utf-8') as o:
    r, w = csv.reader(i), csv.writer(o, lineterminator='\n')
    header = next(r)
    w.writerow(header)
    for n, row in enumerate(r, 1):
        if n % 1000 == 7:
            continue
        if n % 100 == 3:
            row[8] = 'Moved ' + str(n)
        if n % 2000 == 11 and len(kept) < rows // 2000:
            kept.append(list(row))
        w.writerow(row)
    letters = 'bcdfghjklmnprstvwz'
    def word(k, salt):  # a made-up name per k, so that new customers are not near-duplicates of each other
        x, out = (k * 2654435761 + salt) % 4294967296, ''
        for _ in range(6):
            out += letters[x % len(letters)] + 'aeiou'[x // 18 % 5]
            x //= 90
        return out.capitalize()
    for k in range(1, rows // 2000 + 1):
        w.writerow(['NEW-%d' % k, word(k, 1) + ' ' + word(k, 2), '', '', 'new%d@example.com' % k,
                    '+49 30 %07d' % (k * 7919 % 10000000), word(k, 3) + 'weg %d' % (k % 97 + 1),
                    '%05d' % (10000 + k * 7919 % 89999), 'Berlin', 'DE', '100.00', 'EUR'])
    for k, row in enumerate(kept, 1):
        copy = list(row)
        copy[0] = 'COPY-%d-%s' % (k, row[0])
        name = copy[1]
        copy[1] = name[:-2] + name[-1] + name[-2] if len(name) > 3 else name  # swapped last two letters
        w.writerow(copy)
PY
  xref_before="$OUT/dedupe-xref-before.tsv"
  sql "SELECT source_key, golden_id FROM mdm_xref WHERE entity = 'customer'" | LC_ALL=C sort -t'|' -k1,1 > "$xref_before"
  log="$OUT/dedupe-sync.log"
  t0=$(now)
  # shellcheck disable=SC2086
  /usr/bin/time -f "%M" -o "$OUT/dedupe-sync.rss" java "-Xmx$HEAP" ${JAVA_OPTS:-} -jar "$JAR" sync \
    --job bench/customers-dedupe-bench-sync.yml --spring.datasource.url="$URL" --spring.datasource.username="$PGUSER" \
    --mastersync.quality.enabled="$QUALITY" --mastersync.report-dir="$OUT/reports" > "$log" 2>&1 \
    || { tail -20 "$log" >&2; exit 1; }
  wall=$(elapsed "$t0" "$(now)")
  match=$(step_seconds match:customer)
  golden=$(step_seconds golden:customer)
  echo
  echo "Sync: wall ${wall} s (match:customer ${match} s, golden:customer ${golden} s); peak RSS" \
    "$(( $(tail -1 "$OUT/dedupe-sync.rss") / 1024 )) MB"
  sql "SELECT '  counts: read=' || read_count || ' inserted=' || inserted_count || ' updated=' || updated_count
    || ' unchanged=' || unchanged_count || ' deleted=' || deleted_count || ' rejected=' || rejected_count
    FROM sync_run_feed ORDER BY run_id DESC LIMIT 1"
  sql "SELECT '  match model: trained in run ' || trained_run || ', matched in run ' || matched_run || ', '
    || changed_records || ' of ' || staged_records || ' records matched as changed' FROM mdm_match_model"
  grep -o "matched [0-9,]* records: .*" "$log" | tail -1 | sed 's/^/  matcher: /'
  joined=$(sql "SELECT count(*) FROM mdm_xref c JOIN mdm_xref o ON o.entity = c.entity
    AND o.source_key = substring(c.source_key from '^COPY-[0-9]+-(.*)$') AND o.golden_id = c.golden_id
    WHERE c.entity = 'customer' AND c.source_key LIKE 'COPY-%'")
  echo "  copies of existing customers that joined their original's golden record: $joined of $((ROWS / 2000))"
  sql "SELECT source_key, golden_id FROM mdm_xref WHERE entity = 'customer'" | LC_ALL=C sort -t'|' -k1,1 > "$OUT/dedupe-xref-after.tsv"
  moved=$(LC_ALL=C join -t '|' "$xref_before" "$OUT/dedupe-xref-after.tsv" | awk -F'|' '$2 != $3' | wc -l)
  echo "  records staged before and after whose golden id changed: $moved"
  summary+=("sync: match ${match} s + golden ${golden} s; whole sync ${wall} s; $joined of $((ROWS / 2000)) copies joined their original")
fi
echo
echo "Summary ($ROWS rows, heap $HEAP, $(nproc) cores, target: match + golden <= 120 s):"
printf '%s\n' "${summary[@]}"
