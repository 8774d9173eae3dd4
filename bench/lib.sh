# Helpers shared by the benchmark drivers (sourced). They expect BENCH_QUIET_WAIT to be set.

log() { echo "[bench $(date -u +%H:%M:%S)] $*" >&2; }

# Host CPU ticks from /proc/stat: busy, then total.
host_ticks() { awk '/^cpu /{busy=$2+$3+$4+$7+$8+$9; print busy, busy+$5+$6}' /proc/stat; }

busy_percent() { # host CPU busy % over one second
  local a b
  a=$(host_ticks); sleep 1; b=$(host_ticks)
  awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " "); printf "%.0f", 100 * (y[1] - x[1]) / (y[2] - x[2]) }'
}

quiet_wait() { # wait (up to BENCH_QUIET_WAIT s) for the host to be idle, so a measurement does not start beside a build or a test run
  local waited=0 busy=100
  while [ "$waited" -lt "$BENCH_QUIET_WAIT" ]; do
    busy=$(busy_percent); waited=$(( waited + 1 ))
    [ "$busy" -le 5 ] && return 0
  done
  log "the host is still ${busy}% busy after ${BENCH_QUIET_WAIT}s; measuring anyway (see the other-CPU column of the results)"
}

# The value of key=value in a line of the benchmark's machine-readable output: field NAME "LINE".
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $2"; }

# CPU ticks of the PostgreSQL server (postmaster + children) started by pg_start (PG_ROOT).
server_ticks() {
  local pm total s
  pm=$(head -1 "$PG_ROOT/data/postmaster.pid")
  s=$(cat "/proc/$pm/stat"); s=${s##*) }; set -- $s
  total=$(( ${12} + ${13} + ${14} + ${15} ))
  for child in $(pgrep -P "$pm"); do
    s=$(cat "/proc/$child/stat" 2>/dev/null) || continue; s=${s##*) }; set -- $s
    total=$(( total + ${12} + ${13} ))
  done
  echo "$total"
}

# CPU ticks (user + system) of the given live processes.
proc_ticks() {
  local total=0 s pid
  for pid in "$@"; do
    s=$(cat "/proc/$pid/stat" 2>/dev/null) || continue; s=${s##*) }; set -- $s; total=$(( total + ${12} + ${13} ))
  done
  echo "$total"
}

# → "host_busy_percent other_processes_percent" ("other": host CPU used by neither PostgreSQL nor the measuring client)
cpu_delta() {
  awk -v a="$1" -v b="$2" 'BEGIN { split(a, x, " "); split(b, y, " ");
    busy = y[1] - x[1]; total = y[2] - x[2]; other = busy - (y[3] - x[3]) - (y[4] - x[4]); if (other < 0) other = 0;
    printf "%.0f %.0f", (total > 0 ? 100 * busy / total : 0), (total > 0 ? 100 * other / total : 0) }'
}

