#!/usr/bin/env bash
# Durable workflow transitions per second on PostgreSQL, beside pgbench -N on the same throwaway server,
# at several client counts, alternately in one run. See bench/README.md.
#
#   ./bench/run-transitions.sh
#
# Environment (all optional):
#   BENCH_SECONDS=10              measured seconds per level, for both the engine and pgbench
#   BENCH_CLIENTS="1 4 16"        client counts
#   BENCH_REPEATS=1               rounds (pgbench, then engine) per client count; the summary shows their medians
#   BENCH_QUIET_WAIT=30           before each phase, wait up to this many seconds for the host to be idle (≤5% busy)
#   BENCH_CASES_PER_CLIENT=8      cases each engine client cycles through (clients never share a case)
#   BENCH_WARMUP=2                minimum engine warm-up seconds (it goes on until the JIT has settled)
#   BENCH_WARMUP_MAX=60           maximum engine warm-up seconds
#   BENCH_NPGSQL_OPTIONS=""       appended to the engine's connection string, e.g. ";Max Auto Prepare=32"
#   BENCH_RESULTS=bench/results/transitions-latest.md
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT=$(pwd)

BENCH_SECONDS=${BENCH_SECONDS:-10}
BENCH_CLIENTS=${BENCH_CLIENTS:-"1 4 16"}
BENCH_CASES_PER_CLIENT=${BENCH_CASES_PER_CLIENT:-8}
BENCH_WARMUP=${BENCH_WARMUP:-2}
BENCH_WARMUP_MAX=${BENCH_WARMUP_MAX:-60}
BENCH_NPGSQL_OPTIONS=${BENCH_NPGSQL_OPTIONS:-}
BENCH_REPEATS=${BENCH_REPEATS:-1}
BENCH_QUIET_WAIT=${BENCH_QUIET_WAIT:-30}
BENCH_RESULTS=${BENCH_RESULTS:-bench/results/transitions-latest.md}
COMMAND_LINE="BENCH_SECONDS=$BENCH_SECONDS BENCH_CLIENTS=\"$BENCH_CLIENTS\" BENCH_REPEATS=$BENCH_REPEATS BENCH_CASES_PER_CLIENT=$BENCH_CASES_PER_CLIENT BENCH_WARMUP=$BENCH_WARMUP${BENCH_NPGSQL_OPTIONS:+ BENCH_NPGSQL_OPTIONS=\"$BENCH_NPGSQL_OPTIONS\"} ./bench/run-transitions.sh"

# log, host_ticks, busy_percent, quiet_wait, server_ticks: shared with the other drivers.
# shellcheck source=lib.sh
source bench/lib.sh

# Anything else using the CPU makes both sides' numbers noisy: say so up front.
IDLE_CHECK=$(busy_percent)
if [ "$IDLE_CHECK" -gt 10 ]; then
  log "WARNING: the host was ${IDLE_CHECK}% busy before the benchmark started; other work on this machine will skew the results"
fi

# shellcheck source=../scripts/lib/postgres.sh
source scripts/lib/postgres.sh

ENGINE_PID=""
WORK=$(mktemp -d /tmp/rtm-bench.XXXXXX)
cleanup() {
  if [ -n "$ENGINE_PID" ] && kill -0 "$ENGINE_PID" 2>/dev/null; then kill "$ENGINE_PID" 2>/dev/null || true; fi
  pg_stop
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- build first, so a compile error does not cost a cluster start --------------------------------------
log "building bench/Transitions (Release)"
dotnet build bench/Transitions/Transitions.csproj -c Release -nologo -v quiet >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log" >&2; exit 1; }
ENGINE_DLL=$(ls bench/Transitions/bin/Release/net*/RightToManage.Bench.Transitions.dll | head -1)

# --- server ----------------------------------------------------------------------------------------------
pg_start
PSQL=("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -X -q -v ON_ERROR_STOP=1)
"${PSQL[@]}" -d postgres -c "CREATE DATABASE bench" -c "CREATE DATABASE pgbench"
PG_VERSION=$("${PSQL[@]}" -d postgres -Atc "SELECT version()")
PG_SETTINGS=$("${PSQL[@]}" -d postgres -Atc "SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name) FROM pg_settings
  WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method', 'full_page_writes', 'shared_buffers', 'max_connections')")
log "server: $PG_VERSION"
log "settings: $PG_SETTINGS"
PGBENCH=("$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres)

log "pgbench -i -s 16 (once)"
"${PGBENCH[@]}" -i -s 16 -q pgbench >"$WORK/pgbench-init.log" 2>&1 || { cat "$WORK/pgbench-init.log" >&2; exit 1; }

# CPU accounting: the whole host (host_ticks) and the PostgreSQL server (server_ticks), both from bench/lib.sh.
TICKS_PER_S=$(getconf CLK_TCK)
wal_bytes() { "${PSQL[@]}" -d postgres -Atc "SELECT pg_current_wal_lsn() - '0/0'"; }
client_ticks() { # this script's reaped children (pgbench, psql) + the engine process
  local s total
  s=$(cat "/proc/$$/stat"); s=${s##*) }; set -- $s; total=$(( ${14} + ${15} ))
  if [ -n "$ENGINE_PID" ] && s=$(cat "/proc/$ENGINE_PID/stat" 2>/dev/null); then s=${s##*) }; set -- $s; total=$(( total + ${12} + ${13} )); fi
  echo "$total"
}
# snapshot → "host_busy host_total server_ticks wal_bytes client_ticks"
snapshot() { echo "$(host_ticks) $(server_ticks) $(wal_bytes) $(client_ticks)"; }
# usage: cpu_delta "<before>" "<after>" transactions
#   → "host_busy_percent server_cpu_ms_per_tx wal_bytes_per_tx other_processes_percent"
# "other" is host CPU used by neither the PostgreSQL server nor the measured client: anything else running here.
cpu_delta() {
  awk -v a="$1" -v b="$2" -v n="$3" -v hz="$TICKS_PER_S" 'BEGIN {
    split(a, x, " "); split(b, y, " ");
    busy = y[1] - x[1]; total = y[2] - x[2]; server = y[3] - x[3]; wal = y[4] - x[4]; client = y[5] - x[5];
    other = busy - server - client; if (other < 0) other = 0;
    printf "%.0f %.3f %.0f %.0f", (total > 0 ? 100 * busy / total : 0), (n > 0 ? 1000 * server / hz / n : 0), (n > 0 ? wal / n : 0),
      (total > 0 ? 100 * other / total : 0) }'
}


# --- engine: one long-lived process, warmed up once, driven level by level -------------------------------
CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=bench$BENCH_NPGSQL_OPTIONS"
LEVEL_SEQ=$(for c in $BENCH_CLIENTS; do for _ in $(seq 1 "$BENCH_REPEATS"); do echo "$c"; done; done | paste -sd, -)
ENGINE_CMD=(dotnet "$ENGINE_DLL" --connection "$CONNECTION" --clients "$LEVEL_SEQ" --seconds "$BENCH_SECONDS"
  --cases-per-client "$BENCH_CASES_PER_CLIENT" --warmup-seconds "$BENCH_WARMUP" --warmup-max-seconds "$BENCH_WARMUP_MAX" --step)
mkfifo "$WORK/engine.in" "$WORK/engine.out"
"${ENGINE_CMD[@]}" <"$WORK/engine.in" >"$WORK/engine.out" 2> >(tee "$WORK/engine.err" | sed -u 's/^/[engine] /' >&2) &
ENGINE_PID=$!
exec {TO_ENGINE}>"$WORK/engine.in" {FROM_ENGINE}<"$WORK/engine.out"

engine_read() { # reads the engine's next stdout line into ENGINE_LINE; fails if it exits or stalls
  if ! IFS= read -r -t "$1" -u "$FROM_ENGINE" ENGINE_LINE; then
    log "the engine stopped or stalled; its stderr:"; cat "$WORK/engine.err" >&2; exit 1
  fi
  echo "$ENGINE_LINE" >>"$WORK/engine.stdout"
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $2"; }

log "engine: warming up (at least ${BENCH_WARMUP}s, until the JIT settles, at most ${BENCH_WARMUP_MAX}s)"
engine_read $(( BENCH_WARMUP_MAX + 600 ))
[ "$ENGINE_LINE" = "ready" ] || { log "unexpected engine output: $ENGINE_LINE"; exit 1; }

# Each round runs pgbench, then the engine, at one client count; BENCH_REPEATS rounds per level, back to back.
declare -a ROUNDS
for c in $BENCH_CLIENTS; do
  j=$(( c < 2 ? c : 2 ))
  for r in $(seq 1 "$BENCH_REPEATS"); do
    quiet_wait
    log "clients=$c round $r/$BENCH_REPEATS: pgbench -N -c $c -j $j -T $BENCH_SECONDS"
    before=$(snapshot)
    "${PGBENCH[@]}" -N -c "$c" -j "$j" -T "$BENCH_SECONDS" -n pgbench >"$WORK/pgbench.log" 2>&1 \
      || { cat "$WORK/pgbench.log" >&2; exit 1; }
    sleep 0.3 # let the postmaster reap pgbench's backends so their CPU is counted
    after=$(snapshot)
    pg_tps=$(awk '/^tps = /{printf "%.1f", $3; exit}' "$WORK/pgbench.log")
    pg_n=$(awk -F': ' '/^number of transactions actually processed/{print $2; exit}' "$WORK/pgbench.log" | cut -d/ -f1)
    pg_lat=$(awk '/^latency average = /{print $4; exit}' "$WORK/pgbench.log")
    [ -n "$pg_tps" ] && [ -n "$pg_n" ] || { log "could not read pgbench's result"; cat "$WORK/pgbench.log" >&2; exit 1; }
    read -r pg_busy pg_server pg_wal pg_other <<<"$(cpu_delta "$before" "$after" "$pg_n")"

    quiet_wait
    log "clients=$c round $r/$BENCH_REPEATS: engine"
    before=$(snapshot)
    echo go >&"$TO_ENGINE"
    engine_read $(( BENCH_SECONDS * 3 + 60 ))
    after=$(snapshot)
    echo "$ENGINE_LINE" >&2
    [ "$(field clients "$ENGINE_LINE")" = "$c" ] || { log "unexpected engine output: $ENGINE_LINE"; exit 1; }
    e_tps=$(field tps "$ENGINE_LINE"); e_p50=$(field p50_ms "$ENGINE_LINE"); e_p99=$(field p99_ms "$ENGINE_LINE")
    e_n=$(field transitions "$ENGINE_LINE"); e_cpu=$(field cpu_ms_per_tx "$ENGINE_LINE"); e_jit=$(field jit_methods "$ENGINE_LINE")
    read -r e_busy e_server e_wal e_other <<<"$(cpu_delta "$before" "$after" "$e_n")"

    ratio=$(awk -v e="$e_tps" -v p="$pg_tps" 'BEGIN { printf "%.2f", e / p }')
    log "clients=$c round $r: engine $e_tps tps, pgbench $pg_tps tps, ratio $ratio (other processes: engine ${e_other}%, pgbench ${pg_other}%)"
    ROUNDS+=("$c $r $e_tps $pg_tps $ratio $e_p50 $e_p99 $pg_lat $e_cpu $e_server $pg_server $e_wal $pg_wal $e_busy $pg_busy $e_jit $e_other $pg_other")
  done
done

exec {TO_ENGINE}>&- # end of levels: the engine verifies every case and its journal, then reports its peak memory
while IFS= read -r -t 600 -u "$FROM_ENGINE" line; do echo "$line" >>"$WORK/engine.stdout"; done
wait "$ENGINE_PID" || { log "the engine failed; its stderr:"; cat "$WORK/engine.err" >&2; exit 1; }
ENGINE_PID=""
VERIFY=$(grep '^verify ' "$WORK/engine.stdout" || true)
PEAK=$(field peak_working_set_mb "$(grep '^peak_working_set_mb=' "$WORK/engine.stdout" || true)")
[ -n "$VERIFY" ] && [ -n "$PEAK" ] || { log "the engine did not report its verification and peak memory"; cat "$WORK/engine.stdout" >&2; exit 1; }
WARMUP_LINE=$(grep '^warmup ' "$WORK/engine.err" || true)

# --- report: per level, the median of its rounds (the round itself when BENCH_REPEATS=1) -------------------
printf '%s\n' "${ROUNDS[@]}" >"$WORK/rounds.txt"
# columns: 1 clients 2 round 3 e_tps 4 pg_tps 5 ratio 6 e_p50 7 e_p99 8 pg_lat 9 e_cpu 10 e_server 11 pg_server
#          12 e_wal 13 pg_wal 14 e_busy 15 pg_busy 16 e_jit 17 e_other 18 pg_other
median() { # median of column $2 for clients $1, printed with format $3
  awk -v c="$1" -v k="$2" '$1 == c { print $k }' "$WORK/rounds.txt" | sort -g | awk -v f="$3" '{ v[NR] = $1 }
    END { printf f "\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
declare -a ROWS DIAG
for c in $BENCH_CLIENTS; do
  ROWS+=("$c|$(median "$c" 3 %.1f)|$(median "$c" 4 %.1f)|$(median "$c" 5 %.2f)|$(median "$c" 6 %.2f) / $(median "$c" 7 %.2f)|$(median "$c" 8 %.3f)")
  DIAG+=("$c|$(median "$c" 9 %.3f)|$(median "$c" 10 %.3f)|$(median "$c" 11 %.3f)|$(median "$c" 12 %.0f)|$(median "$c" 13 %.0f)|$(median "$c" 14 %.0f)|$(median "$c" 15 %.0f)|$(median "$c" 16 %.0f)|$(median "$c" 17 %.0f)|$(median "$c" 18 %.0f)")
done
NOISY=$(awk '$17 > 10 || $18 > 10 { print $1 }' "$WORK/rounds.txt" | sort -un | paste -sd, -)
SUMMARY_NOTE="one round per level"
[ "$BENCH_REPEATS" -gt 1 ] && SUMMARY_NOTE="median of $BENCH_REPEATS rounds per level; ratio = median of the rounds' ratios"

{
  echo
  echo "($SUMMARY_NOTE)"
  printf '%-8s | %-11s | %-15s | %-6s | %-20s | %s\n' clients "engine tps" "pgbench -N tps" ratio "engine p50/p99 ms" "pgbench avg ms"
  printf '%s\n' "---------+-------------+-----------------+--------+----------------------+---------------"
  for row in "${ROWS[@]}"; do
    IFS='|' read -r c e p r l pl <<<"$row"
    printf '%-8s | %-11s | %-15s | %-6s | %-20s | %s\n' "$c" "$e" "$p" "$r" "$l" "$pl"
  done
  echo
  echo "peak working set of the engine process: $PEAK MB"
  echo "$VERIFY"
  echo
  printf '%-8s | %-18s | %-28s | %-24s | %-17s | %-18s | %s\n' clients "engine client CPU" "server CPU ms/tx engine/pgb" "WAL bytes/tx engine/pgb" "host CPU busy %" "other processes %" "JIT methods"
  printf '%s\n' "---------+--------------------+------------------------------+--------------------------+-------------------+--------------------+------------"
  for row in "${DIAG[@]}"; do
    IFS='|' read -r c ec es ps ew pw eb pb jit eo po <<<"$row"
    printf '%-8s | %-18s | %-28s | %-24s | %-17s | %-18s | %s\n' "$c" "$ec ms/tx" "$es / $ps" "$ew / $pw" "$eb / $pb" "$eo / $po" "$jit"
  done
  [ "$IDLE_CHECK" -gt 10 ] && echo "WARNING: the host was ${IDLE_CHECK}% busy before the run started (other work on this machine)"
  [ -n "$NOISY" ] && echo "WARNING: other processes used over 10% of the host CPU during rounds at clients=$NOISY: those numbers are suspect"
  true
}

mkdir -p "$(dirname "$BENCH_RESULTS")"
{
  echo "# Durable transitions vs pgbench -N"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "- host: $(nproc) CPUs (nproc), $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo) memory; engine, pgbench and server share it"
  echo "- PostgreSQL: $PG_VERSION"
  echo "- server settings: $PG_SETTINGS"
  echo "- .NET SDK: $(dotnet --version)"
  echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$( [ -n "$(git status --porcelain 2>/dev/null)" ] && echo ' (work tree has uncommitted changes)')"
  echo "- uncommitted changes under src/ at run time: $(git diff --shortstat HEAD -- src 2>/dev/null | sed 's/^ *//' | grep . || echo none)"
  echo "- command: \`$COMMAND_LINE\`"
  echo "- pgbench: \`pgbench -h 127.0.0.1 -N -c C -j min(C,2) -T $BENCH_SECONDS -n pgbench\` after \`pgbench -i -s 16\`"
  echo "- engine: \`dotnet $ENGINE_DLL --connection \"Host=127.0.0.1;…;Database=bench$BENCH_NPGSQL_OPTIONS\" --clients $LEVEL_SEQ --seconds $BENCH_SECONDS --cases-per-client $BENCH_CASES_PER_CLIENT --warmup-seconds $BENCH_WARMUP --warmup-max-seconds $BENCH_WARMUP_MAX --step\`"
  echo "- engine $WARMUP_LINE"
  echo
  echo "Summary ($SUMMARY_NOTE):"
  echo
  echo "| clients | engine tps | pgbench -N tps | ratio | engine p50 / p99 ms | pgbench avg latency ms |"
  echo "|--------:|-----------:|---------------:|------:|--------------------:|-----------------------:|"
  for row in "${ROWS[@]}"; do
    IFS='|' read -r c e p r l pl <<<"$row"
    echo "| $c | $e | $p | $r | $l | $pl |"
  done
  echo
  echo "Target: ratio ≥ 0.5 at every level. Peak working set of the engine process: **$PEAK MB**."
  if [ -n "$NOISY" ]; then
    echo
    echo "**Warning:** other processes used over 10% of the host CPU during rounds at clients=$NOISY (see the last column of"
    echo "the rounds table): those rounds were measured on a busy machine and their numbers are suspect."
  fi
  echo
  echo "Verification after the run: \`$VERIFY\`"
  echo
  echo "Where the CPU goes (per transaction; server CPU is the postmaster and all its children, i.e. backends, WAL writer,"
  echo "checkpointer and autovacuum; host busy counts every process on the $(nproc) CPUs):"
  echo
  echo "| clients | engine process CPU ms/tx | server CPU ms/tx engine / pgbench | WAL bytes/tx engine / pgbench | host CPU busy % engine / pgbench | other processes' CPU % engine / pgbench | JIT methods compiled during level |"
  echo "|--------:|-------------------------:|----------------------------------:|------------------------------:|---------------------------------:|----------------------------------------:|----------------------------------:|"
  for row in "${DIAG[@]}"; do
    IFS='|' read -r c ec es ps ew pw eb pb jit eo po <<<"$row"
    echo "| $c | $ec | $es / $ps | $ew / $pw | $eb / $pb | $eo / $po | $jit |"
  done
  echo
  echo "\"Other processes\" is host CPU used by neither PostgreSQL nor the measured client (engine or pgbench): anything"
  echo "well above a few percent means something else ran on this machine during the round and its numbers are suspect."
  echo "The host was ${IDLE_CHECK}% busy in the 2 s before the run started."
  echo
  echo "Every round, in the order run:"
  echo
  echo "| clients | round | engine tps | pgbench -N tps | ratio | engine p50 / p99 ms | pgbench avg ms | other processes' CPU % engine / pgbench |"
  echo "|--------:|------:|-----------:|---------------:|------:|--------------------:|---------------:|----------------------------------------:|"
  while read -r c r e p ratio p50 p99 pl _ _ _ _ _ _ _ _ eo po; do
    echo "| $c | $r | $e | $p | $ratio | $p50 / $p99 | $pl | $eo / $po |"
  done <"$WORK/rounds.txt"
  echo
  echo "Raw engine output:"
  echo
  echo '```'
  cat "$WORK/engine.stdout"
  echo '```'
} >"$BENCH_RESULTS"
log "wrote $BENCH_RESULTS"
