#!/usr/bin/env bash
# Throughput with 1, 2 and 3 Host processes on one PostgreSQL, beside pgbench -N at the same client count on the
# same server, in one run. The load is the reliability tests' (start a case, record the notice's receipt through
# an event, the officer decides two cases in three), sent through the HTTP API by BENCH_WORKERS concurrent workers
# spread over the nodes. See bench/README.md.
#
#   ./bench/run-cluster.sh
#
# Environment (all optional):
#   BENCH_NODES="1 2 3"        node counts
#   BENCH_SECONDS=30           measured seconds per level (after a 10 s warm-up), and pgbench's duration
#   BENCH_WORKERS=16           concurrent API clients (and pgbench clients)
#   BENCH_QUIET_WAIT=30        before each phase, wait up to this many seconds for the host to be idle (≤5% busy)
#   BENCH_RESULTS=bench/results/cluster-latest.md
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

BENCH_NODES=${BENCH_NODES:-"1 2 3"}
BENCH_SECONDS=${BENCH_SECONDS:-30}
BENCH_WORKERS=${BENCH_WORKERS:-16}
BENCH_QUIET_WAIT=${BENCH_QUIET_WAIT:-30}
BENCH_RESULTS=${BENCH_RESULTS:-bench/results/cluster-latest.md}
COMMAND_LINE="BENCH_NODES=\"$BENCH_NODES\" BENCH_SECONDS=$BENCH_SECONDS BENCH_WORKERS=$BENCH_WORKERS ./bench/run-cluster.sh"

source bench/lib.sh
source scripts/lib/postgres.sh
WORK=$(mktemp -d /tmp/rtm-bench-cluster.XXXXXX)
trap 'pg_stop; rm -rf "$WORK"' EXIT

log "building bench/Cluster and the Host (Release; the web app is not needed)"
dotnet build bench/Cluster/Cluster.csproj -c Release -nologo -v quiet -p:SkipStudioBuild=true >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log" >&2; exit 1; }
BENCH_DLL=$(ls bench/Cluster/bin/Release/net*/RightToManage.Bench.Cluster.dll | head -1)

pg_start
PSQL=("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -X -q -v ON_ERROR_STOP=1)
PGBENCH=("$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres)
"${PSQL[@]}" -d postgres -c "CREATE DATABASE pgbench"
"${PGBENCH[@]}" -i -s 16 -q pgbench >"$WORK/pgbench-init.log" 2>&1 || { cat "$WORK/pgbench-init.log" >&2; exit 1; }
PG_VERSION=$("${PSQL[@]}" -d postgres -Atc "SELECT version()")

rows=""
base=""
for n in $BENCH_NODES; do
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE cluster_$n"
  quiet_wait
  log "nodes=$n: $BENCH_WORKERS workers for ${BENCH_SECONDS}s"
  busy_before=$(host_ticks)
  line=$(dotnet "$BENCH_DLL" "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=cluster_$n" "$n" "$BENCH_SECONDS" "$BENCH_WORKERS" 2>"$WORK/cluster-$n.err" | grep '^nodes=') \
    || { cat "$WORK/cluster-$n.err" >&2; exit 1; }
  log "$line"
  tps=$(field transitions_per_s "$line"); cases=$(field cases_per_s "$line")
  [ -z "$base" ] && base=$tps
  quiet_wait
  j=$(( BENCH_WORKERS < 2 ? BENCH_WORKERS : 2 ))
  "${PGBENCH[@]}" -N -c "$BENCH_WORKERS" -j "$j" -T "$BENCH_SECONDS" -n pgbench >"$WORK/pgbench.log" 2>&1 || { cat "$WORK/pgbench.log" >&2; exit 1; }
  pg_tps=$(awk '/^tps = /{printf "%.1f", $3; exit}' "$WORK/pgbench.log")
  log "nodes=$n: pgbench -N $pg_tps tps"
  rows+="| $n | $cases | $tps | $(awk -v a="$tps" -v b="$base" 'BEGIN{printf "%.2f", a/b}') | $pg_tps | $(awk -v a="$tps" -v b="$pg_tps" 'BEGIN{printf "%.2f", a/b}') |"$'\n'
done

mkdir -p "$(dirname "$BENCH_RESULTS")"
cat >"$BENCH_RESULTS" <<MD
# Cluster throughput

- date: $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD), $(nproc) CPUs
- server: $PG_VERSION (fsync and synchronous_commit on)
- command: \`$COMMAND_LINE\`
- load: $BENCH_WORKERS API workers spread over the nodes round-robin; a transition is one committed run (one journal record)

| nodes | cases/s | transitions/s | × one node | pgbench -N tps ($BENCH_WORKERS clients) | transitions ÷ pgbench |
|--:|--:|--:|--:|--:|--:|
$rows
MD
cat "$BENCH_RESULTS"
