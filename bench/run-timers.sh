#!/usr/bin/env bash
# Timer lateness on PostgreSQL through the real stack (WorkflowRuntime + Quartz as AddWorkflowTimers wires it):
# N cases whose timers fall due uniformly over a window W; lateness = the firing's journal time − the due instant.
# Each run: a fresh database and a fresh process. Writes bench/results/timers-latest.md.
#
#   ./bench/run-timers.sh
#
# Environment (all optional):
#   BENCH_RUNS="ours:10000:100 …"   runs as variant:cases:window_seconds; variant: ours | quartz-defaults
#   BENCH_CREATE_CONCURRENCY=8      concurrent StartAsync calls while creating the cases
#   BENCH_CREATE_SAFETY=1.15        the window starts after the calibrated creation time × this (+5 s)
#   BENCH_DRAIN_TIMEOUT=240         seconds after the window's end to wait for stragglers before giving up
#   BENCH_QUIET_WAIT=60             before each run, wait up to this many seconds for the host to be idle (≤5% busy)
#   BENCH_RESULTS=bench/results/timers-latest.md
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Default runs, ~20 minutes on a 2-CPU machine: 10,000 timers at 100, 250 and 400 firings/s, ours and Quartz's
# defaults. 100,000 timers at a rate ours sustains takes ~25 minutes on its own (creation alone ~6 minutes):
#   BENCH_RUNS="ours:100000:800" BENCH_CREATE_SAFETY=1.3 BENCH_RESULTS=bench/results/timers-100k.md ./bench/run-timers.sh
BENCH_RUNS=${BENCH_RUNS:-"ours:10000:100 quartz-defaults:10000:100 ours:10000:40 quartz-defaults:10000:40 ours:10000:25 quartz-defaults:10000:25"}
BENCH_CREATE_CONCURRENCY=${BENCH_CREATE_CONCURRENCY:-8}
BENCH_CREATE_SAFETY=${BENCH_CREATE_SAFETY:-1.15}
BENCH_DRAIN_TIMEOUT=${BENCH_DRAIN_TIMEOUT:-240}
BENCH_QUIET_WAIT=${BENCH_QUIET_WAIT:-60}
BENCH_RESULTS=${BENCH_RESULTS:-bench/results/timers-latest.md}
COMMAND_LINE="BENCH_RUNS=\"$BENCH_RUNS\" BENCH_CREATE_CONCURRENCY=$BENCH_CREATE_CONCURRENCY BENCH_CREATE_SAFETY=$BENCH_CREATE_SAFETY BENCH_DRAIN_TIMEOUT=$BENCH_DRAIN_TIMEOUT BENCH_RESULTS=$BENCH_RESULTS ./bench/run-timers.sh"
SCRIPT_START=$(date +%s)

source bench/lib.sh

# shellcheck source=../scripts/lib/postgres.sh
source scripts/lib/postgres.sh
WORK=$(mktemp -d /tmp/rtm-bench-timers.XXXXXX)
RUN_PID=""
cleanup() {
  if [ -n "$RUN_PID" ] && kill -0 "$RUN_PID" 2>/dev/null; then kill "$RUN_PID" 2>/dev/null || true; fi
  pg_stop
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- build first, so a compile error does not cost a cluster start ----------------------------------------
log "building bench/Timers (Release)"
BUILD_START=$(date +%s)
dotnet build bench/Timers/Timers.csproj -c Release -nologo -v quiet >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log" >&2; exit 1; }
BUILD_SECONDS=$(( $(date +%s) - BUILD_START ))
BENCH_DLL=$(ls bench/Timers/bin/Release/net*/RightToManage.Bench.Timers.dll | head -1)

# --- server ---------------------------------------------------------------------------------------------------
pg_start
PSQL=("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -X -q -v ON_ERROR_STOP=1)
PG_VERSION=$("${PSQL[@]}" -d postgres -Atc "SELECT version()")
PG_SETTINGS=$("${PSQL[@]}" -d postgres -Atc "SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name) FROM pg_settings
  WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method', 'full_page_writes', 'shared_buffers', 'max_connections', 'checkpoint_timeout', 'max_wal_size')")
POSTMASTER_PID=$(head -1 "$PG_ROOT/data/postmaster.pid")
log "server: $PG_VERSION"
IDLE_CHECK=$(busy_percent)
[ "$IDLE_CHECK" -gt 10 ] && log "WARNING: the host was ${IDLE_CHECK}% busy before the benchmark started; other work on this machine will skew the results"

# --- runs -------------------------------------------------------------------------------------------------------
SUMMARY=() PHASES=() COMMANDS=() BREAKDOWN=() NOTES=()
: >"$WORK/all.stdout"
k=0
for run in $BENCH_RUNS; do
  IFS=: read -r variant n window <<<"$run"
  k=$(( k + 1 ))
  db="timers_$k"
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE $db"
  connection="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$db"
  cmd=(dotnet "$BENCH_DLL" --connection "$connection" --variant "$variant" --n "$n" --window-s "$window"
    --create-concurrency "$BENCH_CREATE_CONCURRENCY" --create-safety "$BENCH_CREATE_SAFETY" --drain-timeout-s "$BENCH_DRAIN_TIMEOUT" --server-pid "$POSTMASTER_PID")
  COMMANDS+=("dotnet $BENCH_DLL --connection \"Host=127.0.0.1;Port=…;Database=$db\" --variant $variant --n $n --window-s $window --create-concurrency $BENCH_CREATE_CONCURRENCY --create-safety $BENCH_CREATE_SAFETY --drain-timeout-s $BENCH_DRAIN_TIMEOUT --server-pid <postmaster>")
  quiet_wait
  log "run $k: $variant, $n timers over ${window}s"
  run_start=$(date +%s)
  set +e
  "${cmd[@]}" >"$WORK/run$k.stdout" 2> >(sed -u "s/^/[run $k] /" >&2) &
  RUN_PID=$!
  wait "$RUN_PID"; status=$?
  RUN_PID=""
  set -e
  run_seconds=$(( $(date +%s) - run_start ))
  cat "$WORK/run$k.stdout" >>"$WORK/all.stdout"
  line=$(grep '^timers ' "$WORK/run$k.stdout" || true)
  [ -n "$line" ] || { log "run $k printed no result (exit $status)"; cat "$WORK/run$k.stdout" >&2; exit 1; }
  echo "$line" >&2
  [ "$status" -eq 0 ] || { log "run $k: not every timer fired within the drain timeout (exit $status)"; NOTES+=("Run $k ($variant, $n): not every timer fired within the drain timeout (exit $status)."); }
  if awk -v i="$(field idle_before_window_s "$line")" 'BEGIN { exit !(i + 0 < 0) }'; then
    NOTES+=("Run $k ($variant, $n): creation ran $(field idle_before_window_s "$line" | tr -d -) s into the window (creation and the first firings overlapped).")
  fi
  other=$(field window_other_pct "$line")
  if awk -v o="$other" 'BEGIN { exit !(o + 0 > 10) }'; then
    NOTES+=("Run $k ($variant, $n): other processes used ${other}% of the host CPU during the window: measured on a busy machine, suspect.")
  fi
  bd=$(grep '^breakdown ' "$WORK/run$k.stdout" || true)
  p99=$(field p99_ms "$line")
  verdict=$(awk -v p="$p99" 'BEGIN { print (p + 0 < 250) ? "yes" : "**no**" }')
  SUMMARY+=("| $variant | $n | $(field window_s "$line") | $(field rate_per_s "$line") | $(field p50_ms "$line") | $p99 | $(field max_ms "$line") | $(field fired "$line") | $(field late_over_1s "$line") | $(field achieved_rate_per_s "$line") | $(field peak_fired_in_1s "$line") | $verdict | $(field window_other_pct "$line") |")
  PHASES+=("| $k | $variant | $n | $(field startup_s "$line") | $(field warmup_s "$line") | $(field create_s "$line") ($(field create_rate_per_s "$line")/s; ScheduleJob p50 $(field create_schedule_job_p50_ms "$line") ms, p99 $(field create_schedule_job_p99_ms "$line") ms) | $(field idle_before_window_s "$line") | $(field drain_s "$line") | $run_seconds | $(field create_host_busy_pct "$line") / $(field create_bench_pct "$line") / $(field create_server_pct "$line") / $(field create_other_pct "$line") | $(field window_host_busy_pct "$line") / $(field window_bench_pct "$line") / $(field window_server_pct "$line") / $(field window_other_pct "$line") |")
  calls=$(field notify_calls "$bd")
  if [ "${calls:-0}" = 0 ]; then notify="none"; else notify="$calls: $(field notify_p50_ms "$bd") / $(field notify_p99_ms "$bd")"; fi
  BREAKDOWN+=("| $variant | $n | $(field rate_per_s "$line") | $(field quartz_fire_p50_ms "$bd") / $(field quartz_fire_p99_ms "$bd") | $(field handoff_p50_ms "$bd") / $(field handoff_p99_ms "$bd") | $(field lock_p50_ms "$bd") / $(field lock_p99_ms "$bd") | $(field job_p50_ms "$bd") / $(field job_p99_ms "$bd") | $notify | $(field avg_busy_workers "$bd") |")
done

# Quartz's own defaults for a clustered PostgreSQL store, read back from a scheduler built with nothing else set.
QUARTZ_DEFAULTS=$(dotnet "$BENCH_DLL" --print-quartz-defaults --connection "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=timers_1" 2>"$WORK/defaults.err" || true)
SETTINGS_OURS=$(grep -m1 '^settings variant=ours ' "$WORK/all.stdout" || true)
SETTINGS_DEFAULTS=$(grep -m1 '^settings variant=quartz-defaults ' "$WORK/all.stdout" || true)
TOTAL_SECONDS=$(( $(date +%s) - SCRIPT_START ))

# --- report -----------------------------------------------------------------------------------------------------
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=$(git status --porcelain -- src 2>/dev/null | awk '{print $2}' | paste -sd' ' - || true)
mkdir -p "$(dirname "$BENCH_RESULTS")"
{
  echo "# Timer lateness: WorkflowRuntime + Quartz on PostgreSQL"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "- host: $(nproc) CPUs (nproc), $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo) memory; the benchmark process and the server share it"
  echo "- PostgreSQL: $PG_VERSION"
  echo "- server settings: $PG_SETTINGS"
  echo "- .NET SDK: $(dotnet --version); Quartz $(sed -n 's/.*quartz_version=\([^ ]*\).*/\1/p' <<<"$QUARTZ_DEFAULTS")"
  echo "- commit: $COMMIT; uncommitted changes under src/ at run time: ${DIRTY:-none}"
  echo "- command: \`$COMMAND_LINE\` (build ${BUILD_SECONDS}s; whole script ${TOTAL_SECONDS}s)"
  echo "- host busy before the start: ${IDLE_CHECK}%"
  echo
  if [ "${#NOTES[@]}" -gt 0 ]; then
    echo "**Warnings:**"
    echo
    for note in "${NOTES[@]}"; do echo "- $note"; done
    echo
  fi
  echo "Lateness = the journal time of the firing (the record with actor \`scheduler\`; \`At\` is the runtime's clock inside"
  echo "the case lock) − the timer's due instant. Target: **p99 < 250 ms**."
  echo
  echo "| variant | timers | window s | offered rate/s | p50 ms | p99 ms | max ms | fired | late > 1 s | achieved rate/s | peak fired in 1 s | p99 < 250 ms | other CPU % |"
  echo "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|:-:|--:|"
  printf '%s\n' "${SUMMARY[@]}"
  echo "| Hangfire, default \`SchedulePollingInterval\` (stated, not measured) | — | — | — | — | up to ~15 000 | ~15 000 + run time | — | — | — | — | no | — |"
  echo
  echo "*achieved rate* = fired ÷ (last firing − window start); *peak* = most firings in one second of the window;"
  echo "*other CPU* = host CPU used by neither this benchmark process nor PostgreSQL during the window (anything"
  echo "above a few percent means something else ran on the machine and the run is suspect)."
  echo
  echo "Hangfire: a delayed job is enqueued by a poller that runs every \`SchedulePollingInterval\`, 15 s by default"
  echo "(Hangfire documentation, \`BackgroundJobServerOptions.SchedulePollingInterval\`), so a job can start up to ~15 s"
  echo "after its due time before queueing and worker pick-up are counted. Stated from the documentation, not measured here."
  echo
  echo "## Variants"
  echo
  echo "- **ours**: \`AddWorkflowTimers\` with the default \`TimerSchedulingOptions\` — read back from the running scheduler:"
  echo "  \`${SETTINGS_OURS#settings variant=ours }\`"
  if [ -n "$SETTINGS_DEFAULTS" ]; then
    echo "- **quartz-defaults**: the same wiring with \`IdleWaitTime = 30 s\` and \`MaxConcurrency = 10\` (Quartz's defaults):"
    echo "  \`${SETTINGS_DEFAULTS#settings variant=quartz-defaults }\`"
  fi
  echo "- Quartz's own defaults for a clustered PostgreSQL store (a scheduler built with nothing else configured):"
  echo "  \`${QUARTZ_DEFAULTS#quartz-defaults }\`"
  echo
  echo
  echo "So beside idle wait and pool size, the quartz-defaults variant still differs from pure Quartz defaults in the cluster"
  echo "check-in (ours 5 s / misfire threshold 10 s; Quartz 7.5 s / 7.5 s), neither of which touches a healthy node's firing."
  echo "Both variants keep the rest of our wiring (JSON job data as strings, \`qrtz_\` tables, misfire \"fire now\", recovery)."
  echo "The batch size is Quartz's automatic value (= the pool size on a persistent store) in both."
  echo
  echo "## Where the time goes (per firing, p50 / p99 ms)"
  echo
  echo "| variant | timers | offered rate/s | Quartz: due → fired | hand-off: fired → job starts | case lock: job start → journal At | whole job | scheduler calls from firings: count: p50 / p99 | avg busy workers |"
  echo "|---|--:|--:|--:|--:|--:|--:|--:|--:|"
  printf '%s\n' "${BREAKDOWN[@]}"
  echo
  echo "*Quartz: due → fired* is \`FireTimeUtc − due\` (the scheduler thread's acquisition and firing rounds, including"
  echo "waiting for a free worker); *hand-off* is the worker starting the job; *case lock* is the runtime beginning its"
  echo "transaction and locking the case row; *whole job* is \`FireTimerJob\` end to end (our transaction and any"
  echo "\`QuartzTimerScheduler.TimersChangedAsync\` call after the commit, counted and timed in the next column: since commit"
  echo "ec82584 a firing no longer unschedules its own, spent trigger, so this flow makes none; before it, every firing did,"
  echo "4–31 ms p50 under Quartz's \`TRIGGER_ACCESS\` lock)."
  echo
  echo "## Phases (seconds)"
  echo
  echo "| run | variant | timers | host start | warm-up + calibration | creation | idle before window | window start → last firing | whole run | CPU % host / bench / server / other, creation | same, window |"
  echo "|--:|---|--:|--:|--:|--:|--:|--:|--:|--|--|"
  printf '%s\n' "${PHASES[@]}"
  echo
  echo "## Commands"
  echo
  for c in "${COMMANDS[@]}"; do echo "- \`$c\`"; done
  echo
  echo "## Raw output"
  echo
  echo '```'
  cat "$WORK/all.stdout"
  echo "$QUARTZ_DEFAULTS"
  echo '```'
} >"$BENCH_RESULTS"
log "wrote $BENCH_RESULTS (${TOTAL_SECONDS}s in all)"
