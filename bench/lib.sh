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
