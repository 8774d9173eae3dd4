#!/usr/bin/env bash
# BENCH_CASES cases in PostgreSQL (default 1,000,000), most waiting on tasks or timers, and what the real Host does with them:
# start time and memory, inbox and case-search latency through the HTTP API (and at the store level) beside pgbench on the same
# server, and the rate at which it fires a slice of timers that fall due together. Writes bench/results/scale-latest.md.
# See bench/README.md ("1,000,000 cases").
#
#   ./bench/run-scale.sh                                   # 1,000,000 cases
#   BENCH_CASES=20000 BENCH_FIRING=1000 ./bench/run-scale.sh   # a smoke run
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

BENCH_CASES=${BENCH_CASES:-1000000}
BENCH_TEMPLATES=${BENCH_TEMPLATES:-1000}
BENCH_FIRING=${BENCH_FIRING:-15000}
BENCH_CONCURRENCY=${BENCH_CONCURRENCY:-"1 8"}
BENCH_ITERATIONS=${BENCH_ITERATIONS:-200}
BENCH_STORE_ITERATIONS=${BENCH_STORE_ITERATIONS:-300}
BENCH_STARTS=${BENCH_STARTS:-3}
BENCH_PGBENCH_SECONDS=${BENCH_PGBENCH_SECONDS:-10}
BENCH_FIRING_LEAD=${BENCH_FIRING_LEAD:-60}
BENCH_CLONE_WORKERS=${BENCH_CLONE_WORKERS:-2}
BENCH_QUIET_WAIT=${BENCH_QUIET_WAIT:-10}
BENCH_RESULTS=${BENCH_RESULTS:-bench/results/scale-latest.md}
TARGET_P95_MS=25
PASSWORD=demo-password-for-tests
COMMAND_LINE="BENCH_CASES=$BENCH_CASES BENCH_TEMPLATES=$BENCH_TEMPLATES BENCH_FIRING=$BENCH_FIRING BENCH_CONCURRENCY=\"$BENCH_CONCURRENCY\" BENCH_ITERATIONS=$BENCH_ITERATIONS BENCH_STORE_ITERATIONS=$BENCH_STORE_ITERATIONS BENCH_STARTS=$BENCH_STARTS ./bench/run-scale.sh"
SCRIPT_START=$(date +%s)

source bench/lib.sh
# shellcheck source=../scripts/lib/postgres.sh
source scripts/lib/postgres.sh
WORK=$(mktemp -d /tmp/rtm-bench-scale.XXXXXX)
HOST_PID=""
stop_host() { # SIGTERM, then wait for it (it finishes its Quartz jobs)
  if [ -n "$HOST_PID" ] && kill -0 "$HOST_PID" 2>/dev/null; then
    kill "$HOST_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$HOST_PID" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$HOST_PID" 2>/dev/null && kill -9 "$HOST_PID" 2>/dev/null || true
  fi
  HOST_PID=""
}
cleanup() { # on failure the Host's log and the outputs stay in $WORK
  local status=$?
  stop_host; pg_stop
  if [ "$status" -eq 0 ]; then rm -rf "$WORK"; else log "failed; logs kept in $WORK"; fi
}
trap cleanup EXIT

# --- build --------------------------------------------------------------------------------------------------------------
log "building bench/Scale and src/Host (Release)"
for project in bench/Scale/Scale.csproj src/Host/RightToManage.Host.csproj; do
  dotnet build "$project" -c Release -nologo -v quiet -p:SkipStudioBuild=true >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
done
SCALE=(dotnet bench/Scale/bin/Release/net10.0/RightToManage.Bench.Scale.dll)
INBOX=(dotnet bench/Scale/bin/Release/net10.0/RightToManage.Bench.Inbox.dll)
HOST_DLL=src/Host/bin/Release/net10.0/RightToManage.Host.dll

# --- server ---------------------------------------------------------------------------------------------------------------
pg_start
PSQL=("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -X -q -v ON_ERROR_STOP=1)
"${PSQL[@]}" -d postgres -c "CREATE DATABASE bench" -c "CREATE DATABASE pgbench"
PG_VERSION=$("${PSQL[@]}" -d postgres -Atc "SELECT version()")
PG_SETTINGS=$("${PSQL[@]}" -d postgres -Atc "SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name) FROM pg_settings
  WHERE name IN ('fsync', 'synchronous_commit', 'shared_buffers', 'effective_cache_size', 'work_mem', 'random_page_cost', 'jit', 'max_connections')")
PGBENCH=("$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres)
CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=bench"
sql() { "${PSQL[@]}" -d bench -Atc "$1"; }

snapshot() { echo "$(host_ticks) $(server_ticks) $(proc_ticks $HOST_PID $CLIENT_PID)"; }
CLIENT_PID=""

# The Host as HostProcess starts it (tests/RightToManage.Host.Tests/HostProcess.cs). $1: clock offset ("" for none).
# Sets HOST_PID, HOST_URL and READY_MS (process start → /health/ready 200).
start_host() {
  local offset=$1 port begin
  port=$(pg_free_port 57390)
  HOST_URL="http://127.0.0.1:$port"
  local args=(exec "$HOST_DLL" --urls "$HOST_URL" --Storage:Provider postgres --Storage:ConnectionString "$CONNECTION"
    --Workflows:DefinitionsPath "$PWD/workflow-definitions" --Identity:Seed:Enabled true --Identity:Seed:Password "$PASSWORD"
    --Notifications:PickupDirectory "$WORK/mail")
  [ -n "$offset" ] && args+=(--Testing:ClockOffset "$offset")
  begin=$(date +%s%N)
  ASPNETCORE_ENVIRONMENT=Testing dotnet "${args[@]}" >>"$WORK/host.log" 2>&1 &
  HOST_PID=$!
  until curl -s -o /dev/null -w '%{http_code}' "$HOST_URL/health/ready" 2>/dev/null | grep -q 200; do
    kill -0 "$HOST_PID" 2>/dev/null || { log "the Host exited during start-up"; tail -50 "$WORK/host.log" >&2; exit 1; }
    [ $(( ($(date +%s%N) - begin) / 1000000000 )) -gt 600 ] && { log "the Host was not ready in 10 min"; exit 1; }
    sleep 0.05
  done
  READY_MS=$(( ($(date +%s%N) - begin) / 1000000 ))
}
status_kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; } # status_kb PID VmRSS|VmHWM

# --- 1. templates through the runtime, their triggers and mail through the Host, then the copies in SQL ------------------
POP_START=$(date +%s)
log "templates: $BENCH_TEMPLATES cases through WorkflowRuntime"
"${SCALE[@]}" templates --connection "$CONNECTION" --definition workflow-definitions/proposal-notice-decision.json \
  --templates "$BENCH_TEMPLATES" --cases "$BENCH_CASES" --firing "$BENCH_FIRING" >"$WORK/templates.out"
TEMPLATES_LINE=$(cat "$WORK/templates.out"); log "$TEMPLATES_LINE"

log "the Host on the templates: its reconciliation schedules their timers in Quartz, its outbox sends their mail"
start_host ""
TIMERS=$(sql "SELECT count(*) FROM wf_timers")
until [ "$(sql "SELECT count(*) FROM qrtz_triggers WHERE trigger_group = 'rtm-timers'")" -ge "$TIMERS" ] \
   && [ "$(sql "SELECT count(*) FROM wf_outbox WHERE status = 'pending'")" -eq 0 ]; do sleep 1; done
stop_host
RECONCILE_LINE=$(grep -o 'Timer reconciliation: .*' "$WORK/host.log" | head -1)
log "$RECONCILE_LINE"
TEMPLATE_SECONDS=$(( $(date +%s) - POP_START ))

log "clone: $BENCH_TEMPLATES templates → $BENCH_CASES cases (set-based SQL, $BENCH_CLONE_WORKERS sessions)"
before=$(snapshot)
"${SCALE[@]}" clone --connection "$CONNECTION" --templates "$BENCH_TEMPLATES" --cases "$BENCH_CASES" --workers "$BENCH_CLONE_WORKERS" \
  >"$WORK/clone.out" 2> >(sed -u 's/^/[clone] /' >&2)
after=$(snapshot); read -r CLONE_BUSY CLONE_OTHER <<<"$(cpu_delta "$before" "$after")"
CLONE_LINE=$(grep '^clone cases=' "$WORK/clone.out"); log "$CLONE_LINE"

log "check: sample copies through the runtime"
CHECK_LINE=$("${SCALE[@]}" check --connection "$CONNECTION" --definition workflow-definitions/proposal-notice-decision.json --templates "$BENCH_TEMPLATES" --samples 50)
log "$CHECK_LINE"
log "VACUUM ANALYZE, CHECKPOINT"
VACUUM_START=$(date +%s)
sql "VACUUM ANALYZE" >/dev/null; sql "CHECKPOINT" >/dev/null
VACUUM_SECONDS=$(( $(date +%s) - VACUUM_START ))
POPULATION_SECONDS=$(( $(date +%s) - POP_START ))
TABLES=$(sql "SELECT c.relname || '|' || c.reltuples::bigint || '|' || pg_size_pretty(pg_table_size(c.oid)) || '|' || pg_size_pretty(pg_indexes_size(c.oid))
  FROM pg_class c WHERE c.relkind = 'r' AND (c.relname LIKE 'wf\_%' OR c.relname IN ('qrtz_triggers', 'qrtz_simple_triggers')) ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 10")
DB_SIZE=$(sql "SELECT pg_size_pretty(pg_database_size('bench'))")
SHAPES=$(sql "SELECT string_agg(k || '=' || n, ' ') FROM (
  SELECT 'cases' k, count(*) n FROM wf_instances UNION ALL
  SELECT 'waiting', count(*) FROM wf_instances WHERE status = 'Waiting' UNION ALL
  SELECT 'completed', count(*) FROM wf_instances WHERE status = 'Completed' UNION ALL
  SELECT 'open_tasks', count(*) FROM wf_tasks WHERE status = 'open' UNION ALL
  SELECT 'pending_timers', count(*) FROM wf_timers UNION ALL
  SELECT 'quartz_triggers', count(*) FROM qrtz_triggers WHERE trigger_group = 'rtm-timers') x")
log "data: $SHAPES, $DB_SIZE"

# --- 2. start time and memory: fresh processes, the last one stays for the latency workload -------------------------------
declare -a STARTS
for n in $(seq 1 "$BENCH_STARTS"); do
  quiet_wait
  start_host ""
  sleep 5
  rss=$(status_kb "$HOST_PID" VmRSS)
  STARTS+=("$READY_MS $rss")
  log "start $n: ready in $READY_MS ms; VmRSS ${rss} kB 5 s after ready"
  [ "$n" -lt "$BENCH_STARTS" ] && stop_host
done
START_MEDIAN=$(for s in "${STARTS[@]}"; do set -- $s; echo "$1"; done | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
# The start-up reconciliation (every timer row against every Quartz trigger key) runs after ready: give it 30 s.
sleep 30
RSS_IDLE=$(status_kb "$HOST_PID" VmRSS)

# --- 3. latency: pgbench references, then the HTTP API, then the store, on the same server --------------------------------
log "pgbench -i -s 10 (reference data)"
"${PGBENCH[@]}" -i -s 10 -q pgbench >"$WORK/pgbench-init.log" 2>&1 || { cat "$WORK/pgbench-init.log" >&2; exit 1; }
"${PSQL[@]}" -d pgbench -c "VACUUM ANALYZE"
pgbench_percentiles() {
  cat "$@" | awk '{ print $3 }' | sort -n | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "- - -"; exit }
    split("0.50 0.95", p, " ");
    for (i = 1; i <= 2; i++) { r = int(p[i] * NR); if (r < p[i] * NR) r++; if (r < 1) r = 1; printf "%.3f ", v[r] / 1000 }
    printf "%d\n", NR }'
}
declare -A REF
declare -a REF_ROWS
for c in $BENCH_CONCURRENCY; do
  for kind in S page; do
    quiet_wait
    j=$(( c < 2 ? c : 2 ))
    args=(-S); [ "$kind" = page ] && args=(-f "$PWD/bench/Inbox/pgbench-page.sql")
    before=$(snapshot)
    ( cd "$WORK" && "${PGBENCH[@]}" "${args[@]}" -M prepared -c "$c" -j "$j" -T "$BENCH_PGBENCH_SECONDS" -n --log --log-prefix="pgb" pgbench ) >"$WORK/pgbench.log" 2>&1 \
      || { cat "$WORK/pgbench.log" >&2; exit 1; }
    after=$(snapshot); read -r busy other <<<"$(cpu_delta "$before" "$after")"
    tps=$(awk '/^tps = /{printf "%.0f", $3; exit}' "$WORK/pgbench.log")
    read -r p50 p95 n <<<"$(pgbench_percentiles "$WORK"/pgb.*)"; rm -f "$WORK"/pgb.*
    REF[$kind@$c]=$p95
    REF_ROWS+=("| pgbench $kind | $c | $tps | $p50 | $p95 | $n | $busy | $other |")
    log "pgbench $kind clients=$c: $tps tps, p50 $p50 ms, p95 $p95 ms (other processes ${other}%)"
  done
done

quiet_wait
log "HTTP API: $BENCH_ITERATIONS requests per query per client count"
before=$(snapshot)
"${SCALE[@]}" http --address "$HOST_URL" --connection "$CONNECTION" --password "$PASSWORD" --clients "$(echo $BENCH_CONCURRENCY | tr ' ' ',')" \
  --iterations "$BENCH_ITERATIONS" >"$WORK/http.out" 2> >(sed -u 's/^/[http] /' >&2) &
CLIENT_PID=$!
PEAK_RSS=0
while kill -0 "$CLIENT_PID" 2>/dev/null; do r=$(status_kb "$HOST_PID" VmRSS); [ "${r:-0}" -gt "$PEAK_RSS" ] && PEAK_RSS=$r; sleep 0.5; done
wait "$CLIENT_PID" || { log "the HTTP workload failed"; exit 1; }
after=$(snapshot); read -r HTTP_BUSY HTTP_OTHER <<<"$(cpu_delta "$before" "$after")"
CLIENT_PID=""
HWM=$(status_kb "$HOST_PID" VmHWM)
RSS_AFTER=$(status_kb "$HOST_PID" VmRSS)
log "Host memory: VmRSS ${RSS_AFTER} kB after the workload, peak (VmHWM) ${HWM} kB"

quiet_wait
log "store level: bench/Inbox's queries, $BENCH_STORE_ITERATIONS calls each per client count"
before=$(snapshot)
"${INBOX[@]}" measure --connection "$CONNECTION" --clients "$(echo $BENCH_CONCURRENCY | tr ' ' ',')" --iterations "$BENCH_STORE_ITERATIONS" \
  --warmup-seconds 5 --warmup-max-seconds 30 >"$WORK/store.out" 2> >(sed -u 's/^/[store] /' >&2) &
CLIENT_PID=$!
wait "$CLIENT_PID" || { log "the store-level workload failed"; exit 1; }
after=$(snapshot); read -r STORE_BUSY STORE_OTHER <<<"$(cpu_delta "$before" "$after")"
CLIENT_PID=""
stop_host

# --- 4. timers: the Host's clock set just before the slice falls due ------------------------------------------------------
DUE=$(sql "SELECT to_char(min(due_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM wf_timers")
DUE_EPOCH=$(sql "SELECT extract(epoch FROM min(due_at))::bigint FROM wf_timers")
OFFSET_S=$(( DUE_EPOCH - $(date +%s) - BENCH_FIRING_LEAD ))
OFFSET=$(awk -v s="$OFFSET_S" 'BEGIN { printf "%d.%02d:%02d:%02d", s / 86400, (s % 86400) / 3600, (s % 3600) / 60, s % 60 }')
quiet_wait
log "timers: Host clock offset $OFFSET, so the slice due at $DUE falls due ${BENCH_FIRING_LEAD}s after launch"
before=$(snapshot)
start_host "$OFFSET"
FIRING_READY_MS=$READY_MS
"${SCALE[@]}" firing --connection "$CONNECTION" --due "$DUE" >"$WORK/firing.out" 2> >(sed -u 's/^/[firing] /' >&2) \
  || { log "timer firing failed"; exit 1; }
after=$(snapshot); read -r FIRE_BUSY FIRE_OTHER <<<"$(cpu_delta "$before" "$after")"
FIRING_LINE=$(cat "$WORK/firing.out"); log "$FIRING_LINE"
FIRING_HWM=$(status_kb "$HOST_PID" VmHWM)
stop_host

# --- report ----------------------------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f×", a / b; else print "-" }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
mkdir -p "$(dirname "$BENCH_RESULTS")"
{
  echo "# $(printf "%'d" "$BENCH_CASES" 2>/dev/null || echo "$BENCH_CASES") cases: population, Host start and memory, latency, timer firing"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M:%S UTC'); whole run $(( ($(date +%s) - SCRIPT_START) / 60 )) min"
  echo "- host: $(nproc) CPUs (nproc), $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo) memory, shared by the Host, the benchmark clients, pgbench and the server (and other work on this machine: see *other CPU*)"
  echo "- PostgreSQL: $PG_VERSION"
  echo "- server settings: $PG_SETTINGS"
  echo "- .NET SDK: $(dotnet --version)"
  echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$( [ -n "$(git status --porcelain 2>/dev/null)" ] && echo ' (work tree has uncommitted changes)')"
  echo "- command: \`$COMMAND_LINE\`"
  echo
  echo "## Data"
  echo
  echo "- templates (runtime): \`$TEMPLATES_LINE\`"
  echo "- the Host on the templates: \`$RECONCILE_LINE\`; all their mail sent"
  echo "- copies (SQL): \`$CLONE_LINE\` (host CPU ${CLONE_BUSY}% busy, other processes ${CLONE_OTHER}%)"
  echo "- check (runtime, sample copies): \`$CHECK_LINE\`"
  echo "- population in all: **${POPULATION_SECONDS} s** (templates and their Host run ${TEMPLATE_SECONDS} s, VACUUM ANALYZE + CHECKPOINT ${VACUUM_SECONDS} s)"
  echo "- contents: \`$SHAPES\`; database $DB_SIZE"
  echo
  echo "| table | rows (estimate) | heap + TOAST | indexes |"
  echo "|---|--:|--:|--:|"
  while IFS='|' read -r name rows heap idx; do echo "| $name | $rows | $heap | $idx |"; done <<<"$TABLES"
  echo
  echo "## Host start and memory"
  echo
  echo "Process start (\`dotnet exec $HOST_DLL\`, as HostProcess) → \`/health/ready\` 200, a fresh process each time; VmRSS 5 s after ready."
  echo
  echo "| start | ready ms | VmRSS MB |"
  echo "|--:|--:|--:|"
  n=0; for s in "${STARTS[@]}"; do n=$((n + 1)); set -- $s; echo "| $n | $1 | $(mb "$2") |"; done
  echo
  echo "- median ready: **${START_MEDIAN} ms**"
  echo "- VmRSS 35 s after ready (after the start-up reconciliation): $(mb "$RSS_IDLE") MB; after the HTTP workload: $(mb "$RSS_AFTER") MB; peak (VmHWM) **$(mb "$HWM") MB** (sampled peak VmRSS during the workload $(mb "$PEAK_RSS") MB)"
  echo "- the timer-firing Host: ready in $FIRING_READY_MS ms, VmHWM $(mb "$FIRING_HWM") MB"
  echo
  echo "## Latency through the HTTP API"
  echo
  echo "Client time around each GET (signed-in demo users, session cookie), $BENCH_ITERATIONS requests per query per client count, rounds"
  echo "of every query in shuffled order. Every answer is checked (see bench/Scale/HttpWorkload.cs). Target **p95 under $TARGET_P95_MS ms**."
  echo "Host CPU ${HTTP_BUSY}% busy, other processes ${HTTP_OTHER}%."
  echo
  echo "| query | clients | p50 ms | p95 ms | p99 ms | max ms | total | failed | p95 < $TARGET_P95_MS ms | p95 ÷ pgbench -S p95 | p95 ÷ pgbench page p95 |"
  echo "|---|--:|--:|--:|--:|--:|--:|--:|:-:|--:|--:|"
  grep '^http ' "$WORK/http.out" | while read -r line; do
    c=$(field clients "$line"); p95=$(field p95_ms "$line")
    ok=$(awk -v p="$p95" -v t="$TARGET_P95_MS" 'BEGIN { print (p < t) ? "yes" : "**no**" }')
    echo "| $(field name "$line") \`$(field path "$line")\` | $c | $(field p50_ms "$line") | $p95 | $(field p99_ms "$line") | $(field max_ms "$line") | $(field total "$line") | $(field failed "$line") | $ok | $(ratio "$p95" "${REF[S@$c]}") | $(ratio "$p95" "${REF[page@$c]}") |"
  done
  echo
  grep '^http-level ' "$WORK/http.out" | sed 's/^/- `/; s/$/`/'
  echo
  echo "## Latency at the store level (bench/Inbox's queries on this database)"
  echo
  echo "Host CPU ${STORE_BUSY}% busy, other processes ${STORE_OTHER}%."
  echo
  echo "| query | clients | p50 ms | p95 ms | p99 ms | max ms | rows / total | p95 ÷ pgbench -S p95 | p95 ÷ pgbench page p95 |"
  echo "|---|--:|--:|--:|--:|--:|--:|--:|--:|"
  grep '^query ' "$WORK/store.out" | while read -r line; do
    c=$(field clients "$line"); p95=$(field p95_ms "$line")
    echo "| $(field name "$line") | $c | $(field p50_ms "$line") | $p95 | $(field p99_ms "$line") | $(field max_ms "$line") | $(field rows_avg "$line") / $(field total_avg "$line") | $(ratio "$p95" "${REF[S@$c]}") | $(ratio "$p95" "${REF[page@$c]}") |"
  done
  echo
  echo "## References (same server, just before)"
  echo
  echo "\`pgbench -S -M prepared -c C -j min(C,2) -T $BENCH_PGBENCH_SECONDS\` and the same with \`-f bench/Inbox/pgbench-page.sql\`, after \`pgbench -i -s 10\`."
  echo
  echo "| reference | clients | tps | p50 ms | p95 ms | transactions | host CPU busy % | other processes % |"
  echo "|---|--:|--:|--:|--:|--:|--:|--:|"
  printf '%s\n' "${REF_ROWS[@]}"
  echo
  echo "## Timer firing"
  echo
  echo "The Host started with \`--Testing:ClockOffset $OFFSET\` so the slice of timers due at $DUE (the earliest pending instant) falls due"
  echo "${BENCH_FIRING_LEAD} s after launch; lateness is the journal record's time minus the due instant (both on the Host's clock)."
  echo "Host CPU ${FIRE_BUSY}% busy, other processes ${FIRE_OTHER}%."
  echo
  echo "- \`$FIRING_LINE\`"
  echo
  echo "## Raw output"
  echo
  echo '```'
  cat "$WORK/templates.out" "$WORK/clone.out" "$WORK/http.out" "$WORK/store.out" "$WORK/firing.out"
  echo '```'
} >"$BENCH_RESULTS"
log "wrote $BENCH_RESULTS"
