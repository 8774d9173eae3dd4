#!/usr/bin/env bash
# Task inbox and case search latency (p50/p95/p99) on PostgreSQL holding BENCH_CASES cases created through the runtime,
# beside two pgbench references on the same throwaway server (-S, and a page of 25 rows + a count: bench/Inbox/pgbench-page.sql),
# at each client count, alternately in one run; and the plan of every query (auto_explain: EXPLAIN ANALYZE, BUFFERS).
# Writes bench/results/inbox-latest.md. See bench/README.md. Target: p95 under 25 ms.
#
#   ./bench/run-inbox.sh
#
# Environment (all optional):
#   BENCH_CASES=100000            cases to create (~500 per council, ~50 per TMO)
#   BENCH_CONCURRENCY="1 8"       measured client counts (for the queries and for pgbench -S)
#   BENCH_ITERATIONS=1000         timed calls of each query at each client count
#   BENCH_CREATE_CONCURRENCY=8    concurrent runtime calls while creating the cases
#   BENCH_PGBENCH_SECONDS=10      duration of each pgbench reference per client count
#   BENCH_WARMUP=5                minimum warm-up seconds of the query loop (it goes on until the JIT has settled)
#   BENCH_WARMUP_MAX=60           maximum warm-up seconds
#   BENCH_QUIET_WAIT=30           before each phase, wait up to this many seconds for the host to be idle (≤5% busy)
#   BENCH_RESULTS=bench/results/inbox-latest.md
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

BENCH_CASES=${BENCH_CASES:-100000}
BENCH_CONCURRENCY=${BENCH_CONCURRENCY:-"1 8"}
BENCH_ITERATIONS=${BENCH_ITERATIONS:-1000}
BENCH_CREATE_CONCURRENCY=${BENCH_CREATE_CONCURRENCY:-8}
BENCH_PGBENCH_SECONDS=${BENCH_PGBENCH_SECONDS:-10}
BENCH_WARMUP=${BENCH_WARMUP:-5}
BENCH_WARMUP_MAX=${BENCH_WARMUP_MAX:-60}
BENCH_QUIET_WAIT=${BENCH_QUIET_WAIT:-30}
BENCH_RESULTS=${BENCH_RESULTS:-bench/results/inbox-latest.md}
TARGET_P95_MS=25
COMMAND_LINE="BENCH_CASES=$BENCH_CASES BENCH_CONCURRENCY=\"$BENCH_CONCURRENCY\" BENCH_ITERATIONS=$BENCH_ITERATIONS BENCH_CREATE_CONCURRENCY=$BENCH_CREATE_CONCURRENCY BENCH_PGBENCH_SECONDS=$BENCH_PGBENCH_SECONDS ./bench/run-inbox.sh"
SCRIPT_START=$(date +%s)

source bench/lib.sh

IDLE_CHECK=$(busy_percent)
[ "$IDLE_CHECK" -gt 10 ] && log "WARNING: the host was ${IDLE_CHECK}% busy before the benchmark started; other work on this machine will skew the results"

# shellcheck source=../scripts/lib/postgres.sh
source scripts/lib/postgres.sh
WORK=$(mktemp -d /tmp/rtm-bench-inbox.XXXXXX)
BENCH_PID=""
cleanup() {
  if [ -n "$BENCH_PID" ] && kill -0 "$BENCH_PID" 2>/dev/null; then kill "$BENCH_PID" 2>/dev/null || true; fi
  pg_stop
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- build first, so a compile error does not cost a cluster start ----------------------------------------
log "building bench/Inbox (Release)"
dotnet build bench/Inbox/Inbox.csproj -c Release -nologo -v quiet >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log" >&2; exit 1; }
BENCH_DLL=$(ls bench/Inbox/bin/Release/net*/RightToManage.Bench.Inbox.dll | head -1)

# --- server ---------------------------------------------------------------------------------------------------
pg_start
PSQL=("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -X -q -v ON_ERROR_STOP=1)
"${PSQL[@]}" -d postgres -c "CREATE DATABASE bench" -c "CREATE DATABASE pgbench"
PG_VERSION=$("${PSQL[@]}" -d postgres -Atc "SELECT version()")
PG_SETTINGS=$("${PSQL[@]}" -d postgres -Atc "SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name) FROM pg_settings
  WHERE name IN ('fsync', 'synchronous_commit', 'shared_buffers', 'effective_cache_size', 'work_mem', 'random_page_cost', 'jit',
                 'max_connections', 'plan_cache_mode', 'autovacuum')")
SERVER_LOG="$PG_ROOT/server.log"
[ -r "$SERVER_LOG" ] || { log "cannot read the server's log $SERVER_LOG (the plans are read from it)"; exit 1; }
[ -f "$PG_BIN/../lib/auto_explain.so" ] || [ -f "$("$PG_BIN/pg_config" --pkglibdir 2>/dev/null)/auto_explain.so" ] \
  || log "WARNING: auto_explain.so not found next to $PG_BIN; the plans step will fail"
log "server: $PG_VERSION"
log "settings: $PG_SETTINGS"
PGBENCH=("$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres)
CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=bench"

log "pgbench -i -s 10 (once)"
"${PGBENCH[@]}" -i -s 10 -q pgbench >"$WORK/pgbench-init.log" 2>&1 || { cat "$WORK/pgbench-init.log" >&2; exit 1; }
"${PSQL[@]}" -d pgbench -c "VACUUM ANALYZE"

# --- CPU accounting: the whole host, the PostgreSQL server (postmaster + children), and the measuring clients --------
client_ticks() { # this script's reaped children (pgbench, psql) + the benchmark process
  local s total
  s=$(cat "/proc/$$/stat"); s=${s##*) }; set -- $s; total=$(( ${14} + ${15} ))
  if [ -n "$BENCH_PID" ] && s=$(cat "/proc/$BENCH_PID/stat" 2>/dev/null); then s=${s##*) }; set -- $s; total=$(( total + ${12} + ${13} )); fi
  echo "$total"
}
snapshot() { echo "$(host_ticks) $(server_ticks) $(client_ticks)"; }
# --- populate: the cases, through the runtime -------------------------------------------------------------------
quiet_wait
log "creating $BENCH_CASES cases through WorkflowRuntime at concurrency $BENCH_CREATE_CONCURRENCY"
dotnet "$BENCH_DLL" populate --connection "$CONNECTION" --definition workflow-definitions/proposal-notice-decision.json \
  --cases "$BENCH_CASES" --concurrency "$BENCH_CREATE_CONCURRENCY" >"$WORK/populate.out" 2> >(tee "$WORK/populate.err" >&2) \
  || { log "populating failed"; cat "$WORK/populate.err" >&2; exit 1; }
POPULATE=$(grep '^populate ' "$WORK/populate.out") || { log "populate printed no result"; exit 1; }
log "$POPULATE"

# As after autovacuum has caught up: fresh statistics and visibility map, then a checkpoint so its writes are not measured.
log "VACUUM ANALYZE, CHECKPOINT"
"${PSQL[@]}" -d bench -c "VACUUM ANALYZE" -c "CHECKPOINT"
TABLES=$("${PSQL[@]}" -d bench -Atc "SELECT c.relname || '|' || c.reltuples::bigint || '|' || pg_size_pretty(pg_table_size(c.oid)) || '|' || pg_size_pretty(pg_indexes_size(c.oid))
  FROM pg_class c WHERE c.relkind = 'r' AND c.relname LIKE 'wf\_%' ORDER BY pg_total_relation_size(c.oid) DESC")
DB_SIZE=$("${PSQL[@]}" -d bench -Atc "SELECT pg_size_pretty(pg_database_size('bench'))")
INDEXES=$("${PSQL[@]}" -d bench -Atc "SELECT indexdef FROM pg_indexes WHERE tablename IN ('wf_tasks', 'wf_instances', 'wf_case_organisations', 'wf_timers') ORDER BY tablename, indexname")

# --- measure: one long-lived process, warmed up once, driven level by level beside pgbench -S ------------------------
LEVEL_SEQ=$(echo $BENCH_CONCURRENCY | tr ' ' ',')
MEASURE_CMD=(dotnet "$BENCH_DLL" measure --connection "$CONNECTION" --clients "$LEVEL_SEQ" --iterations "$BENCH_ITERATIONS"
  --warmup-seconds "$BENCH_WARMUP" --warmup-max-seconds "$BENCH_WARMUP_MAX" --step --server-log "$SERVER_LOG" --plans-out "$WORK/plans.md")
mkfifo "$WORK/bench.in" "$WORK/bench.out"
"${MEASURE_CMD[@]}" <"$WORK/bench.in" >"$WORK/bench.out" 2> >(tee "$WORK/measure.err" | sed -u 's/^/[measure] /' >&2) &
BENCH_PID=$!
exec {TO_BENCH}>"$WORK/bench.in" {FROM_BENCH}<"$WORK/bench.out"
: >"$WORK/measure.stdout"
bench_read() { # the benchmark's next stdout line into LINE; fails if it exits or stalls
  if ! IFS= read -r -t "$1" -u "$FROM_BENCH" LINE; then
    log "the benchmark stopped or stalled; its stderr:"; cat "$WORK/measure.err" >&2; exit 1
  fi
  echo "$LINE" >>"$WORK/measure.stdout"
}

log "measure: reading the workload, warming up (at least ${BENCH_WARMUP}s, until the JIT settles, at most ${BENCH_WARMUP_MAX}s)"
bench_read 900
WORKLOAD="$LINE"
[[ "$WORKLOAD" == workload* ]] || { log "unexpected output: $WORKLOAD"; exit 1; }
log "$WORKLOAD"
bench_read $(( BENCH_WARMUP_MAX + 600 ))
[ "$LINE" = "ready" ] || { log "unexpected output: $LINE"; exit 1; }

pgbench_percentiles() { # latency percentiles (ms) from pgbench --log files (3rd column: transaction time in µs)
  cat "$@" | awk '{ print $3 }' | sort -n | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "- - - -"; exit }
    split("0.50 0.95 0.99", p, " ");
    for (i = 1; i <= 3; i++) { r = int(p[i] * NR); if (r < p[i] * NR) r++; if (r < 1) r = 1; printf "%.3f ", v[r] / 1000 }
    printf "%d\n", NR }'
}

# One pgbench run → PGB_ROW="clients tps avg p50 p95 p99 transactions host_busy other" (latencies in ms).
run_pgbench() { # $1 label, $2 clients, then pgbench's own arguments
  local label=$1 c=$2 j before after busy other tps avg p50 p95 p99 n
  shift 2
  j=$(( c < 2 ? c : 2 ))
  quiet_wait
  log "clients=$c: pgbench $label -c $c -j $j -T $BENCH_PGBENCH_SECONDS"
  before=$(snapshot)
  ( cd "$WORK" && "${PGBENCH[@]}" "$@" -M prepared -c "$c" -j "$j" -T "$BENCH_PGBENCH_SECONDS" -n --log --log-prefix="pgb-$c" pgbench ) >"$WORK/pgbench-$label-$c.log" 2>&1 \
    || { cat "$WORK/pgbench-$label-$c.log" >&2; exit 1; }
  sleep 0.3
  after=$(snapshot)
  read -r busy other <<<"$(cpu_delta "$before" "$after")"
  tps=$(awk '/^tps = /{printf "%.0f", $3; exit}' "$WORK/pgbench-$label-$c.log")
  avg=$(awk '/^latency average = /{print $4; exit}' "$WORK/pgbench-$label-$c.log")
  read -r p50 p95 p99 n <<<"$(pgbench_percentiles "$WORK"/pgb-$c.*)"
  rm -f "$WORK"/pgb-$c.*
  log "clients=$c: pgbench $label $tps tps, latency avg $avg ms, p50 $p50, p95 $p95, p99 $p99 ms (other processes ${other}%)"
  PGB_ROW="$c $tps $avg $p50 $p95 $p99 $n $busy $other"
}

declare -a PGB PAGE LEVELS
for c in $BENCH_CONCURRENCY; do
  run_pgbench -S "$c" -S
  PGB+=("$PGB_ROW")
  run_pgbench page "$c" -f "$PWD/bench/Inbox/pgbench-page.sql"
  PAGE+=("$PGB_ROW")

  quiet_wait
  log "clients=$c: queries, $BENCH_ITERATIONS calls each"
  before=$(snapshot)
  echo go >&"$TO_BENCH"
  while bench_read $(( BENCH_ITERATIONS * 2 + 600 )); do
    case "$LINE" in
      query\ *) echo "$LINE" >&2 ;;
      level\ *) break ;;
      *) log "unexpected output: $LINE"; exit 1 ;;
    esac
  done
  after=$(snapshot)
  read -r q_busy q_other <<<"$(cpu_delta "$before" "$after")"
  echo "$LINE" >&2
  [ "$(field clients "$LINE")" = "$c" ] || { log "unexpected output: $LINE"; exit 1; }
  LEVELS+=("$c $(field qps "$LINE") $(field seconds "$LINE") $(field cpu_ms_per_query "$LINE") $(field jit_methods "$LINE") $q_busy $q_other")
done

log "plans: each query once more with auto_explain (ANALYZE, BUFFERS)"
exec {TO_BENCH}>&- # end of levels: the benchmark captures the plans and exits
while IFS= read -r -t 900 -u "$FROM_BENCH" line; do echo "$line" >>"$WORK/measure.stdout"; done
wait "$BENCH_PID" || { log "the benchmark failed; its stderr:"; cat "$WORK/measure.err" >&2; exit 1; }
BENCH_PID=""
grep '^plan ' "$WORK/measure.stdout" >&2 || { log "no plans were captured"; exit 1; }
WARMUP_LINE=$(grep '^warmup ' "$WORK/measure.err" || true)

# --- report ---------------------------------------------------------------------------------------------------------
declare -A PG95 PAGE95
for row in "${PGB[@]}"; do set -- $row; PG95[$1]=$5; done
for row in "${PAGE[@]}"; do set -- $row; PAGE95[$1]=$5; done
QUERIES=$(grep '^query ' "$WORK/measure.stdout")
SLOW=$(while read -r line; do
    p95=$(field p95_ms "$line")
    awk -v p="$p95" -v t="$TARGET_P95_MS" 'BEGIN { exit !(p >= t) }' && echo "$(field name "$line")@$(field clients "$line")"
  done <<<"$QUERIES" | paste -sd' ' - || true)
SEQ_FLAGGED=$(grep '^plan ' "$WORK/measure.stdout" | while read -r line; do
    seq=$(field seq_scans "$line")
    case ",$seq," in *,wf_tasks,*|*,wf_instances,*) echo "$(field name "$line") ($seq)" ;; esac
  done | paste -sd';' - | sed 's/;/; /g' || true)
NOISY=$( { for row in "${PGB[@]}"; do set -- $row; [ "$9" -gt 10 ] && echo "pgbench-S@$1"; done
           for row in "${PAGE[@]}"; do set -- $row; [ "$9" -gt 10 ] && echo "pgbench-page@$1"; done
           for row in "${LEVELS[@]}"; do set -- $row; [ "$7" -gt 10 ] && echo "queries@$1"; done; } | paste -sd' ' - || true)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f×", a / b; else print "-" }'; }

{
  echo
  printf '%-24s | %-7s | %-8s | %-8s | %-8s | %-8s | %s\n' query clients "p50 ms" "p95 ms" "p99 ms" "max ms" "p95 ÷ pgbench p95: -S / page"
  while read -r line; do
    c=$(field clients "$line")
    printf '%-24s | %-7s | %-8s | %-8s | %-8s | %-8s | %s\n' "$(field name "$line")" "$c" "$(field p50_ms "$line")" "$(field p95_ms "$line")" \
      "$(field p99_ms "$line")" "$(field max_ms "$line")" "$(ratio "$(field p95_ms "$line")" "${PG95[$c]}") / $(ratio "$(field p95_ms "$line")" "${PAGE95[$c]}")"
  done <<<"$QUERIES"
  for row in "${PGB[@]}"; do set -- $row; echo "pgbench -S clients=$1: $2 tps, p50 $4 / p95 $5 / p99 $6 ms"; done
  for row in "${PAGE[@]}"; do set -- $row; echo "pgbench page clients=$1: $2 tps, p50 $4 / p95 $5 / p99 $6 ms"; done
  [ -n "$SLOW" ] && echo "p95 at or over ${TARGET_P95_MS} ms: $SLOW"
  [ -n "$SEQ_FLAGGED" ] && echo "sequential scans on wf_tasks/wf_instances: $SEQ_FLAGGED"
  [ -n "$NOISY" ] && echo "WARNING: other processes used over 10% of the host CPU during: $NOISY"
  true
}

mkdir -p "$(dirname "$BENCH_RESULTS")"
{
  echo "# Task inbox and case search latency"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M:%S UTC'); whole run $(( ($(date +%s) - SCRIPT_START) / 60 )) min"
  echo "- host: $(nproc) CPUs (nproc), $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo) memory; the benchmark, pgbench and the server share it"
  echo "- PostgreSQL: $PG_VERSION"
  echo "- server settings: $PG_SETTINGS"
  echo "- .NET SDK: $(dotnet --version)"
  echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$( [ -n "$(git status --porcelain 2>/dev/null)" ] && echo ' (work tree has uncommitted changes)')"
  echo "- uncommitted changes under src/ at run time: $(git diff --shortstat HEAD -- src 2>/dev/null | sed 's/^ *//' | grep . || echo none)$( [ -n "$(git ls-files --others --exclude-standard -- src 2>/dev/null)" ] && echo ', plus untracked files under src/')"
  echo "- command: \`$COMMAND_LINE\`"
  echo "- queries: \`dotnet $BENCH_DLL ${MEASURE_CMD[*]:2}\`" | sed "s/Port=$PG_PORT;//"
  echo "- references: \`pgbench -h 127.0.0.1 -S -M prepared -c C -j min(C,2) -T $BENCH_PGBENCH_SECONDS -n --log pgbench\`, and the same with \`-f bench/Inbox/pgbench-page.sql\` instead of \`-S\`, after \`pgbench -i -s 10\` and \`VACUUM ANALYZE\` (percentiles from the per-transaction log)"
  echo "- warm-up: $WARMUP_LINE"
  echo
  echo "## Data"
  echo
  echo "Created through \`WorkflowRuntime\` (start with organisations and parties, \`proposal-notice-received\` with a receipt date"
  echo "spread over 12 weeks to 2026-11-20, then the council's \`councilDecides\` task claimed or completed) on"
  echo "\`workflow-definitions/proposal-notice-decision.json\`, with SendNotification, the templates and automatic notifications wired"
  echo "as the server wires them and no timer scheduler (deadline timers are written, none fires). Then \`VACUUM ANALYZE\` and \`CHECKPOINT\`."
  echo
  echo "- \`$POPULATE\`"
  echo "- \`$WORKLOAD\`"
  echo "- database size: $DB_SIZE"
  echo
  echo "| table | rows (estimate) | heap + TOAST | indexes |"
  echo "|---|--:|--:|--:|"
  while IFS='|' read -r name rows heap idx; do echo "| $name | $rows | $heap | $idx |"; done <<<"$TABLES"
  echo
  echo "## Latency"
  echo
  echo "Each call is one \`IWorkflowStore.Tasks.QueryAsync\` / \`IWorkflowStore.Cases.QueryAsync\` (a page of 25 and the total: two"
  echo "statements), timed by the client around the call, $BENCH_ITERATIONS calls per query and client count, parameters drawn at random"
  echo "(council, TMO, officer), every query once per round in shuffled order. Every answer is checked against plain SQL counts."
  echo "Target: **p95 under $TARGET_P95_MS ms**. The last columns compare our p95 with the p95 of the two pgbench references below"
  echo "at the same client count: \`-S\` (one primary-key SELECT) and *page* (a page of 25 rows and a count of 500 by index, like one call)."
  echo
  echo "| query | clients | p50 ms | p95 ms | p99 ms | max ms | mean ms | rows / total (avg) | p95 < $TARGET_P95_MS ms | p95 ÷ pgbench -S p95 | p95 ÷ pgbench page p95 |"
  echo "|---|--:|--:|--:|--:|--:|--:|--:|:-:|--:|--:|"
  while read -r line; do
    c=$(field clients "$line"); p95=$(field p95_ms "$line")
    ok=$(awk -v p="$p95" -v t="$TARGET_P95_MS" 'BEGIN { print (p < t) ? "yes" : "**no**" }')
    echo "| $(field name "$line") | $c | $(field p50_ms "$line") | $p95 | $(field p99_ms "$line") | $(field max_ms "$line") | $(field mean_ms "$line") | $(field rows_avg "$line") / $(field total_avg "$line") | $ok | $(ratio "$p95" "${PG95[$c]}") | $(ratio "$p95" "${PAGE95[$c]}") |"
  done <<<"$QUERIES"
  echo
  [ -n "$SLOW" ] && { echo "**Over the target** (p95 ≥ $TARGET_P95_MS ms): $SLOW."; echo; }
  echo "| clients | queries/s (all kinds) | seconds | benchmark process CPU ms/query | JIT methods during level | host CPU busy % | other processes' CPU % |"
  echo "|--:|--:|--:|--:|--:|--:|--:|"
  for row in "${LEVELS[@]}"; do set -- $row; echo "| $1 | $2 | $3 | $4 | $5 | $6 | $7 |"; done
  echo
  echo "References on the same server, run just before the queries at each client count (pgbench_accounts: 1,000,000 rows;"
  echo "prepared statements; latency per transaction from pgbench's log). \`-S\`: one SELECT by primary key. *page*"
  echo "(\`bench/Inbox/pgbench-page.sql\`): 25 rows in index order, then a count of 500 rows by the same index — two statements,"
  echo "as one inbox or case-list call is."
  echo
  echo "| reference | clients | tps | latency avg ms | p50 ms | p95 ms | p99 ms | transactions | host CPU busy % | other processes' CPU % |"
  echo "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
  for row in "${PGB[@]}"; do set -- $row; echo "| pgbench -S | $1 | $2 | $3 | $4 | $5 | $6 | $7 | $8 | $9 |"; done
  for row in "${PAGE[@]}"; do set -- $row; echo "| pgbench page | $1 | $2 | $3 | $4 | $5 | $6 | $7 | $8 | $9 |"; done
  echo
  echo "\"Other processes\" is host CPU used by neither PostgreSQL nor the measuring client; over ~10 % means something else ran"
  echo "on this machine during that phase and its numbers are suspect. The host was ${IDLE_CHECK}% busy in the second before the run."
  [ -n "$NOISY" ] && { echo; echo "**Warning:** other processes used over 10% of the host CPU during: $NOISY."; }
  echo
  echo "## Plans"
  echo
  echo "Captured with \`auto_explain\` (\`log_analyze\`, \`log_buffers\`: the output of \`EXPLAIN (ANALYZE, BUFFERS)\`) for the SQL the store"
  echo "sends, after each query had run 12 times on the same connection pool (so the plan is the one the measured loop settles on:"
  echo "Npgsql prepares a statement on its 5th use, PostgreSQL may then switch to a generic plan). One call, two statements: the page, then the count."
  echo
  if [ -n "$SEQ_FLAGGED" ]; then
    echo "**Sequential scans on wf_tasks / wf_instances:** $SEQ_FLAGGED."
  else
    echo "No plan scans wf_tasks or wf_instances sequentially."
  fi
  echo
  echo "| query | statements | execution ms (page + count) | generic plan | sequential scans | indexes used |"
  echo "|---|--:|--:|:-:|---|---|"
  grep '^plan ' "$WORK/measure.stdout" | while read -r line; do
    echo "| $(field name "$line") | $(field statements "$line") | $(field ms "$line") | $(field generic "$line") | $(field seq_scans "$line" | sed 's/,/, /g') | $(field indexes "$line" | sed 's/,/, /g') |"
  done
  echo
  echo "Indexes on the tables these queries read:"
  echo
  echo '```sql'
  echo "$INDEXES"
  echo '```'
  echo
  cat "$WORK/plans.md"
  echo "## Raw output"
  echo
  echo '```'
  cat "$WORK/populate.out"
  cat "$WORK/measure.stdout"
  echo '```'
} >"$BENCH_RESULTS"
log "wrote $BENCH_RESULTS"
