# Throwaway PostgreSQL cluster for tests and benchmarks. Source this file, then:
#   pg_start   → starts a cluster on a free loopback port; exports RTM_TEST_POSTGRES (admin connection string),
#                PG_PORT, PG_BIN, PG_SOCKET_DIR
#   pg_stop    → stops it and removes its files
#   pg_halt    → stops the server at once, as in a crash or an outage, keeping its files (PG_BIN, PG_ROOT set)
#   pg_launch  → starts the server of a cluster pg_start made, on its port again (PG_BIN, PG_ROOT, PG_PORT, PG_SOCKET_DIR set)
# Installs Debian's postgresql package when no server binaries are present.

pg_find_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/postgres" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

pg_as_owner() {
  # initdb and postgres refuse to run as root: use the postgres user when we are root.
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

pg_free_port() {
  local port
  for port in $(seq "${1:-55432}" 65000); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

pg_start() {
  PG_BIN=$(pg_find_bin) || {
    echo "PostgreSQL server not found; installing Debian's postgresql package" >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    PG_BIN=$(pg_find_bin) || { echo "could not install PostgreSQL" >&2; return 1; }
  }
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then useradd --system --home /var/lib/postgresql postgres; fi
  PG_ROOT=$(mktemp -d /tmp/rtm-pg.XXXXXX)
  PG_SOCKET_DIR="$PG_ROOT/socket"
  mkdir -p "$PG_ROOT/data" "$PG_SOCKET_DIR"
  [ "$(id -u)" = 0 ] && chown -R postgres: "$PG_ROOT"
  pg_as_owner "'$PG_BIN/initdb' -D '$PG_ROOT/data' -U postgres -A trust -E UTF8 --locale=C.UTF-8 >'$PG_ROOT/initdb.log' 2>&1" \
    || { cat "$PG_ROOT/initdb.log" >&2; return 1; }
  # A port nobody listens on may still be taken by a client's connected socket (ports in the kernel's ephemeral
  # range): if the server cannot bind, try the next free one.
  local base=${PG_PORT_BASE:-55432} attempt
  for attempt in 1 2 3 4 5; do
    PG_PORT=$(pg_free_port "$base")
    pg_launch 2>"$PG_ROOT/launch.err" && break
    if [ "$attempt" = 5 ] || ! grep -q "could not bind\|could not create any TCP/IP sockets" "$PG_ROOT/launch.err"; then cat "$PG_ROOT/launch.err" >&2; return 1; fi
    base=$((PG_PORT + 1))
  done
  export PG_BIN PG_PORT PG_ROOT PG_SOCKET_DIR
  export RTM_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
  echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') running on 127.0.0.1:$PG_PORT" >&2
}

pg_launch() {
  pg_as_owner "'$PG_BIN/pg_ctl' -D '$PG_ROOT/data' -l '$PG_ROOT/server.log' -w -t 60 \
    -o \"-p $PG_PORT -k '$PG_SOCKET_DIR' -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB\" start >/dev/null" \
    || { cat "$PG_ROOT/server.log" >&2; return 1; }
}

pg_halt() {
  pg_as_owner "'$PG_BIN/pg_ctl' -D '$PG_ROOT/data' -m immediate -w stop >/dev/null 2>&1"
}

pg_stop() {
  if [ -n "${PG_ROOT:-}" ] && [ -d "$PG_ROOT/data" ]; then
    pg_halt || true
    rm -rf "$PG_ROOT"
  fi
}
