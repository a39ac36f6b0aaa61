#!/usr/bin/env bash
# Local service manager for TicketBlue: a private MariaDB 10.11 primary, its
# GTID replica (asynchronous, ADR-011) and Redis 7.
#
#   scripts/services.sh start          # install (if needed), start, wait until ready
#   scripts/services.sh stop           # clean shutdown of all three
#   scripts/services.sh status         # exit 0 if all are running, 3 otherwise
#   scripts/services.sh replica-stop   # only the replica (fault drills: reads fall back to the primary)
#   scripts/services.sh replica-start  # the replica again; it catches up from its GTID position
#
# Why private instances instead of the distro's system services?
#   * No dependency on systemd (absent in containers/CI) or on the machine's
#     global MariaDB/Redis configuration and root passwords.
#   * All state lives under $ROOT/.local/ (git-ignored), so wiping that folder
#     gives a fresh environment, and several checkouts can coexist.
#   * Non-default ports (3307/6380) so a system MariaDB on 3306 -- which the
#     Debian package may auto-start on install -- is neither touched nor used.
#
# Every subcommand is idempotent: `start` on running services only reports.
#
# Environment overrides: TB_DB_PORT (default 3307), TB_REPLICA_PORT (default
# TB_DB_PORT + 1, i.e. 3308), TB_REDIS_PORT (default 6380).
set -euo pipefail

# --- Paths & settings --------------------------------------------------------

# Resolve the repository root from this file's location so the script works
# from any current directory and through relative invocations.
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$SCRIPT_DIR")"
LOCAL_DIR="$ROOT/.local"
LOG_DIR="$LOCAL_DIR/logs"

DB_PORT="${TB_DB_PORT:-3307}"
REPLICA_PORT="${TB_REPLICA_PORT:-$((DB_PORT + 1))}"
REDIS_PORT="${TB_REDIS_PORT:-6380}"
BIND_ADDR="127.0.0.1"

DB_DIR="$LOCAL_DIR/mariadb"
DB_DATA="$DB_DIR/data"
DB_PID="$DB_DIR/mariadb.pid"
DB_SOCK="$DB_DIR/mariadb.sock"
# Written only after mariadb-install-db succeeded, so an interrupted first
# initialisation is detected and redone instead of leaving a broken datadir.
DB_INIT_MARKER="$DB_DIR/.initialized"
DB_LOG="$LOG_DIR/mariadb.log"

# The replica: its own data directory, socket and log, same layout as the primary.
REPLICA_DIR="$LOCAL_DIR/mariadb-replica"
REPLICA_DATA="$REPLICA_DIR/data"
REPLICA_PID="$REPLICA_DIR/mariadb.pid"
REPLICA_SOCK="$REPLICA_DIR/mariadb.sock"
# Written once the replica holds a copy of the primary and replicates from it.
REPLICA_INIT_MARKER="$REPLICA_DIR/.replicating"
REPLICA_LOG="$LOG_DIR/mariadb-replica.log"
# The account the replica reads the primary's binary log with (loopback only).
REPL_USER="replicator"
REPL_PASSWORD="${TB_REPLICATION_PASSWORD:-replicator}"

REDIS_DIR="$LOCAL_DIR/redis"
REDIS_PID="$REDIS_DIR/redis.pid"
REDIS_SOCK="$REDIS_DIR/redis.sock"
REDIS_LOG="$LOG_DIR/redis.log"

# Administration (ping/shutdown/provisioning) goes through each server's Unix
# socket inside this checkout, never through the TCP port: that way `stop`
# always hits *this* checkout's instance, even if TB_*_PORT changed meanwhile
# or another instance answers on the port.
# Unix socket paths are limited to ~107 bytes; a deeply nested checkout would
# make the servers fail with an obscure error, so fall back to a short
# per-checkout path in /tmp in that (rare) case.
short_sock() { echo "${TMPDIR:-/tmp}/ticketblue-$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)-$1.sock"; }
(( ${#DB_SOCK} > 100 ))    && DB_SOCK="$(short_sock mariadb)"
(( ${#REPLICA_SOCK} > 100 )) && REPLICA_SOCK="$(short_sock mariadb-replica)"
(( ${#REDIS_SOCK} > 100 )) && REDIS_SOCK="$(short_sock redis)"

APP_DB_USER="ticketblue"
APP_DB_PASSWORD="ticketblue"
APP_DB_NAME="ticketblue"

READY_TIMEOUT=60   # seconds to wait for a service to come up / go down

# --- Helpers -----------------------------------------------------------------

say()  { printf '[services] %s\n' "$*"; }
die()  { printf '[services] ERROR: %s\n' "$*" >&2; exit 1; }

is_root() { [[ "$(id -u)" -eq 0 ]]; }

# mariadbd lives in /usr/sbin, which is often not on a normal user's PATH.
find_mariadbd() {
  if command -v mariadbd >/dev/null 2>&1; then command -v mariadbd
  elif [[ -x /usr/sbin/mariadbd ]]; then echo /usr/sbin/mariadbd
  else return 1
  fi
}

# Install Debian packages if we are allowed to (root, or password-less sudo).
# Otherwise tell the user exactly what to install and stop: silently
# continuing would only produce confusing "command not found" errors later.
apt_install() {
  local -a prefix=()
  if ! is_root; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      prefix=(sudo -n)
    else
      die "missing packages: $*. Install them first, e.g.: sudo apt-get install -y $*"
    fi
  fi
  command -v apt-get >/dev/null 2>&1 \
    || die "apt-get not found; please install these packages manually: $*"
  say "installing $* (apt-get) ..."
  # Lock::Timeout makes apt wait for another running apt/dpkg instead of
  # failing immediately on the lock.
  "${prefix[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get -o DPkg::Lock::Timeout=600 update -qq
  "${prefix[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq "$@"
}

ensure_packages() {
  local -a missing=()
  find_mariadbd >/dev/null || missing+=(mariadb-server)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  if (( ${#missing[@]} > 0 )); then
    apt_install "${missing[@]}"
  fi
  # Client tools come in as dependencies; check anyway for a clear message.
  local tool
  for tool in mariadb mariadb-admin mariadb-install-db redis-cli; do
    command -v "$tool" >/dev/null 2>&1 || die "'$tool' not found although the server packages are installed"
  done
}

# Is the process whose pid is stored in file $1 alive, and is it really
# program $2? The name check matters after a crash or reboot: a stale pid file
# may point at an unrelated process that we must neither report nor kill.
pid_alive() {
  local pid stat
  [[ -s "$1" ]] || return 1
  pid="$(<"$1")"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  [[ -r "/proc/$pid/stat" ]] || return 0          # no procfs: trust kill -0
  [[ "$(<"/proc/$pid/comm")" == "$2" ]] || return 1
  # kill -0 also succeeds for zombies (exited, not yet reaped -- common in
  # containers whose PID 1 does not reap orphans); those count as dead.
  stat="$(<"/proc/$pid/stat")"
  stat="${stat##*) }"
  [[ "${stat%% *}" != "Z" ]]
}

# Does anything accept TCP connections on 127.0.0.1:$1? (bash built-in, no nc)
port_in_use() {
  (exec 3<>"/dev/tcp/$BIND_ADDR/$1") 2>/dev/null
}

# Wait until process $2 from pid file $1 has exited (max READY_TIMEOUT seconds).
wait_pid_gone() {
  local i
  for (( i = 0; i < READY_TIMEOUT * 2; i++ )); do
    pid_alive "$1" "$2" || return 0
    sleep 0.5
  done
  return 1
}

# Admin access: root over the private socket (root has an empty password,
# which is acceptable because the socket is only reachable by this user
# and TCP is bound to loopback).
db_admin() { mariadb-admin --no-defaults --socket="$DB_SOCK" --user=root "$@"; }
db_sql()   { mariadb --no-defaults --socket="$DB_SOCK" --user=root "$@"; }

rcli()   { redis-cli -s "$REDIS_SOCK" "$@"; }

db_running()    { pid_alive "$DB_PID" mariadbd && db_admin --silent ping >/dev/null 2>&1; }
redis_running() { pid_alive "$REDIS_PID" redis-server && [[ "$(rcli ping 2>/dev/null)" == "PONG" ]]; }

# The TCP port a running instance actually listens on (may differ from the
# requested one if TB_*_PORT changed since it was started).
db_actual_port()    { db_sql --batch --skip-column-names -e 'SELECT @@port' 2>/dev/null; }
redis_actual_port() { rcli config get port 2>/dev/null | sed -n 2p; }

# "10.11" / "7.0" for the ready messages, taken from the installed binaries.
db_version()    { "$(find_mariadbd)" --version | grep -oE '[0-9]+\.[0-9]+' | head -n1; }
redis_version() { redis-server --version | grep -oE 'v=[0-9]+\.[0-9]+' | cut -c3-; }

# --- MariaDB -----------------------------------------------------------------

# db_init DATADIR MARKER LOG: a fresh data directory, once.
db_init() {
  local data="$1" marker="$2" log="$3"
  [[ -f "$marker" ]] && return 0
  say "initialising MariaDB data directory $data (first start) ..."
  rm -rf "$data"                 # leftovers of an interrupted initialisation
  mkdir -p "$data"
  # --auth-root-authentication-method=normal: root@localhost without password
  # instead of unix_socket auth, so admin SQL works regardless of OS user.
  local -a args=(--no-defaults --datadir="$data" --auth-root-authentication-method=normal)
  # mariadbd refuses to run as root unless told so explicitly.
  is_root && args+=(--user=root)
  if ! mariadb-install-db "${args[@]}" >>"$log" 2>&1; then
    tail -n 20 "$log" >&2 || true
    die "mariadb-install-db failed; see $log"
  fi
  touch "$marker"
}

# The app's account and database, idempotently: safe on every start; also
# re-syncs the password. ALL PRIVILEGES ON *.* because the tests create and
# drop their own databases. sql_log_bin=0: accounts are each server's own, so
# the primary's statements must not replay on the replica.
provision_sql() {
  local host sql="SET SESSION sql_log_bin=0;"
  for host in 127.0.0.1 localhost %; do
    sql+="CREATE USER IF NOT EXISTS '$APP_DB_USER'@'$host' IDENTIFIED BY '$APP_DB_PASSWORD';"
    sql+="ALTER USER '$APP_DB_USER'@'$host' IDENTIFIED BY '$APP_DB_PASSWORD';"
    sql+="GRANT ALL PRIVILEGES ON *.* TO '$APP_DB_USER'@'$host';"
  done
  # Anonymous users created by mariadb-install-db would otherwise take
  # precedence over '$APP_DB_USER'@'%' for some host spellings.
  sql+="DROP USER IF EXISTS ''@'localhost';"
  [[ -n "${HOSTNAME:-}" ]] && sql+="DROP USER IF EXISTS ''@'$HOSTNAME';"
  sql+="FLUSH PRIVILEGES;"
  printf '%s' "$sql"
}

db_provision() {
  local sql
  sql="$(provision_sql)"
  sql+="CREATE USER IF NOT EXISTS '$REPL_USER'@'127.0.0.1' IDENTIFIED BY '$REPL_PASSWORD';"
  sql+="ALTER USER '$REPL_USER'@'127.0.0.1' IDENTIFIED BY '$REPL_PASSWORD';"
  sql+="GRANT REPLICATION SLAVE ON *.* TO '$REPL_USER'@'127.0.0.1';"
  sql+="FLUSH PRIVILEGES;"
  # The database is created with logging on, so the replica creates it too.
  sql+="SET SESSION sql_log_bin=1;"
  sql+="CREATE DATABASE IF NOT EXISTS \`$APP_DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
  db_sql -e "$sql" || die "could not create MariaDB user/database; see $DB_LOG"
}

db_start() {
  if db_running; then
    local port
    port="$(db_actual_port)"
    [[ "$port" == "$DB_PORT" ]] \
      || die "MariaDB of this checkout already runs on port $port, not $DB_PORT; run '$0 stop' first"
    say "MariaDB already running (pid $(<"$DB_PID"), $BIND_ADDR:$port)"
    return 0
  fi
  # Refuse to start over something else already listening on our port;
  # otherwise tests would silently talk to a foreign server.
  if port_in_use "$DB_PORT"; then
    die "port $DB_PORT is already in use by another process (set TB_DB_PORT to use a different port)"
  fi
  rm -f "$DB_PID"                  # stale pid file from a crash/reboot
  db_init "$DB_DATA" "$DB_INIT_MARKER" "$DB_LOG"

  local -a args=(
    --no-defaults
    --datadir="$DB_DATA"
    --port="$DB_PORT"
    --bind-address="$BIND_ADDR"
    --socket="$DB_SOCK"
    --pid-file="$DB_PID"
    --log-error="$DB_LOG"
    --innodb-buffer-pool-size="${TICKETBLUE_DB_BUFFER_POOL:-2G}"   # production (docker/) has 4G; 512M could not hold a million customers
    --max-connections=500
    --character-set-server=utf8mb4
    --collation-server=utf8mb4_unicode_ci
    --innodb-lock-wait-timeout=5
    --skip-name-resolve
    --local-infile=1
    # The replica's source: a row-based binary log with GTIDs (ADR-011). Two days
    # of it let a replica that was down that long catch up without a new copy.
    --server-id=1
    --log-bin="$DB_DATA/mariadb-bin"
    --binlog-format=ROW
    --gtid-strict-mode=1
    --expire-logs-days=2
  )
  is_root && args+=(--user=root)

  say "starting MariaDB on $BIND_ADDR:$DB_PORT ..."
  # setsid + nohup: detach from this shell's session/terminal so the server
  # survives the script ending and Ctrl-C in the terminal that started it.
  setsid nohup "$(find_mariadbd)" "${args[@]}" >>"$DB_LOG" 2>&1 </dev/null &

  local i
  for (( i = 0; i < READY_TIMEOUT * 2; i++ )); do
    if db_admin --silent ping >/dev/null 2>&1; then
      db_provision
      say "MariaDB $(db_version) ready on $BIND_ADDR:$DB_PORT"
      return 0
    fi
    sleep 0.5
  done
  tail -n 20 "$DB_LOG" >&2 || true
  die "MariaDB did not answer within ${READY_TIMEOUT}s; see $DB_LOG"
}

db_stop() {
  if ! pid_alive "$DB_PID" mariadbd; then
    rm -f "$DB_PID"
    say "MariaDB not running"
    return 0
  fi
  say "stopping MariaDB ..."
  db_admin shutdown >/dev/null 2>&1 || kill -TERM "$(<"$DB_PID")" 2>/dev/null || true
  wait_pid_gone "$DB_PID" mariadbd || die "MariaDB (pid $(<"$DB_PID")) did not stop within ${READY_TIMEOUT}s"
  say "MariaDB stopped"
}

db_status() {
  if db_running; then
    say "MariaDB: running (pid $(<"$DB_PID"), $BIND_ADDR:$(db_actual_port))"
  elif pid_alive "$DB_PID" mariadbd; then
    say "MariaDB: process $(<"$DB_PID") alive but not answering (starting up or hung?)"
    return 1
  else
    say "MariaDB: stopped"
    return 1
  fi
}

# --- MariaDB replica -----------------------------------------------------------

replica_admin() { mariadb-admin --no-defaults --socket="$REPLICA_SOCK" --user=root "$@"; }
replica_sql()   { mariadb --no-defaults --socket="$REPLICA_SOCK" --user=root "$@"; }
replica_running() { pid_alive "$REPLICA_PID" mariadbd && replica_admin --silent ping >/dev/null 2>&1; }
replica_actual_port() { replica_sql --batch --skip-column-names -e 'SELECT @@port' 2>/dev/null; }

# The primary's own databases (not the server's system schemas), to copy.
primary_databases() {
  db_sql --batch --skip-column-names -e "SELECT schema_name FROM information_schema.schemata
    WHERE schema_name NOT IN ('mysql','information_schema','performance_schema','sys')"
}

# First start only: copy the primary (one consistent snapshot with its GTID
# position) and replicate from that position on. Later starts resume from the
# replica's own gtid_slave_pos.
replica_attach() {
  [[ -f "$REPLICA_INIT_MARKER" ]] && return 0
  say "copying the primary into the replica (first start) ..."
  local -a dbs
  mapfile -t dbs < <(primary_databases)
  # --gtid --master-data: the dump sets the replica's gtid_slave_pos to the
  # snapshot's position, so nothing is applied twice or missed.
  if (( ${#dbs[@]} > 0 )); then
    mariadb-dump --no-defaults --socket="$DB_SOCK" --user=root \
        --single-transaction --gtid --master-data=1 --routines --triggers --events \
        --databases "${dbs[@]}" 2>>"$REPLICA_LOG" \
      | replica_sql 2>>"$REPLICA_LOG" \
      || die "could not copy the primary into the replica; see $REPLICA_LOG"
  fi
  replica_sql -e "STOP SLAVE;
    CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=$DB_PORT,
      MASTER_USER='$REPL_USER', MASTER_PASSWORD='$REPL_PASSWORD',
      MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1;
    START SLAVE;" || die "could not start replication; see $REPLICA_LOG"
  touch "$REPLICA_INIT_MARKER"
}

replica_start() {
  if replica_running; then
    local port
    port="$(replica_actual_port)"
    [[ "$port" == "$REPLICA_PORT" ]] \
      || die "the replica of this checkout already runs on port $port, not $REPLICA_PORT; run '$0 stop' first"
    say "MariaDB replica already running (pid $(<"$REPLICA_PID"), $BIND_ADDR:$port)"
    return 0
  fi
  if port_in_use "$REPLICA_PORT"; then
    die "port $REPLICA_PORT is already in use by another process (set TB_REPLICA_PORT to use a different port)"
  fi
  rm -f "$REPLICA_PID"
  # A replica copied from another primary (its data wiped meanwhile) would
  # replicate nonsense: a fresh primary gets a fresh replica.
  if [[ -f "$REPLICA_INIT_MARKER" && "$DB_INIT_MARKER" -nt "$REPLICA_INIT_MARKER" ]]; then
    say "the primary's data is newer than the replica's copy: making a new replica"
    rm -rf "$REPLICA_DATA" "$REPLICA_DIR/.initialized" "$REPLICA_INIT_MARKER"
  fi
  db_init "$REPLICA_DATA" "$REPLICA_DIR/.initialized" "$REPLICA_LOG"

  local -a args=(
    --no-defaults
    --datadir="$REPLICA_DATA"
    --port="$REPLICA_PORT"
    --bind-address="$BIND_ADDR"
    --socket="$REPLICA_SOCK"
    --pid-file="$REPLICA_PID"
    --log-error="$REPLICA_LOG"
    --innodb-buffer-pool-size="${TICKETBLUE_REPLICA_BUFFER_POOL:-${TICKETBLUE_DB_BUFFER_POOL:-2G}}"
    --max-connections=500
    --character-set-server=utf8mb4
    --collation-server=utf8mb4_unicode_ci
    --skip-name-resolve
    --server-id=2
    --relay-log="$REPLICA_DATA/relay-bin"
    --gtid-strict-mode=1
    # Apply in parallel what committed together on the primary (hold batches).
    --slave-parallel-threads=4
    --slave-parallel-mode=optimistic
    # Notice a dead primary within seconds, and reconnect every second.
    --slave-net-timeout=10
    # Only replication writes here; the app reads (its account may bypass
    # read_only, but the app never writes through the replica's connection).
    --read-only=1
  )
  is_root && args+=(--user=root)

  say "starting MariaDB replica on $BIND_ADDR:$REPLICA_PORT ..."
  setsid nohup "$(find_mariadbd)" "${args[@]}" >>"$REPLICA_LOG" 2>&1 </dev/null &

  local i
  for (( i = 0; i < READY_TIMEOUT * 2; i++ )); do
    if replica_admin --silent ping >/dev/null 2>&1; then
      replica_sql -e "$(provision_sql)" || die "could not create the app's account on the replica; see $REPLICA_LOG"
      replica_attach
      say "MariaDB replica ready on $BIND_ADDR:$REPLICA_PORT (replicating from $BIND_ADDR:$DB_PORT)"
      return 0
    fi
    sleep 0.5
  done
  tail -n 20 "$REPLICA_LOG" >&2 || true
  die "the MariaDB replica did not answer within ${READY_TIMEOUT}s; see $REPLICA_LOG"
}

replica_stop() {
  if ! pid_alive "$REPLICA_PID" mariadbd; then
    rm -f "$REPLICA_PID"
    say "MariaDB replica not running"
    return 0
  fi
  say "stopping MariaDB replica ..."
  replica_admin shutdown >/dev/null 2>&1 || kill -TERM "$(<"$REPLICA_PID")" 2>/dev/null || true
  wait_pid_gone "$REPLICA_PID" mariadbd || die "the replica (pid $(<"$REPLICA_PID")) did not stop within ${READY_TIMEOUT}s"
  say "MariaDB replica stopped"
}

replica_status() {
  if replica_running; then
    local state
    state="$(replica_sql --batch -e 'SHOW SLAVE STATUS\G' 2>/dev/null \
      | awk -F': ' '/Slave_IO_Running:|Slave_SQL_Running:|Seconds_Behind_Master:/ {gsub(/^ +/,"",$1); printf "%s=%s ", $1, $2}')"
    say "MariaDB replica: running (pid $(<"$REPLICA_PID"), $BIND_ADDR:$(replica_actual_port)) ${state}"
  elif pid_alive "$REPLICA_PID" mariadbd; then
    say "MariaDB replica: process $(<"$REPLICA_PID") alive but not answering"
    return 1
  else
    say "MariaDB replica: stopped"
    return 1
  fi
}

# --- Redis -------------------------------------------------------------------

redis_start() {
  if redis_running; then
    local port
    port="$(redis_actual_port)"
    [[ "$port" == "$REDIS_PORT" ]] \
      || die "Redis of this checkout already runs on port $port, not $REDIS_PORT; run '$0 stop' first"
    say "Redis already running (pid $(<"$REDIS_PID"), $BIND_ADDR:$port)"
    return 0
  fi
  if port_in_use "$REDIS_PORT"; then
    die "port $REDIS_PORT is already in use by another process (set TB_REDIS_PORT to use a different port)"
  fi
  rm -f "$REDIS_PID"
  say "starting Redis on $BIND_ADDR:$REDIS_PORT ..."
  # AOF on, RDB snapshots off: durable enough for local dev without periodic
  # fork+dump pauses. --daemonize detaches it from this script by itself.
  redis-server \
    --port "$REDIS_PORT" \
    --bind "$BIND_ADDR" \
    --unixsocket "$REDIS_SOCK" \
    --unixsocketperm 700 \
    --dir "$REDIS_DIR" \
    --appendonly yes \
    --save "" \
    --daemonize yes \
    --pidfile "$REDIS_PID" \
    --logfile "$REDIS_LOG"

  local i
  for (( i = 0; i < READY_TIMEOUT * 2; i++ )); do
    if [[ "$(redis-cli -h "$BIND_ADDR" -p "$REDIS_PORT" ping 2>/dev/null)" == "PONG" ]]; then
      say "Redis $(redis_version) ready on $BIND_ADDR:$REDIS_PORT"
      return 0
    fi
    sleep 0.5
  done
  tail -n 20 "$REDIS_LOG" >&2 || true
  die "Redis did not answer within ${READY_TIMEOUT}s; see $REDIS_LOG"
}

redis_stop() {
  if ! pid_alive "$REDIS_PID" redis-server; then
    rm -f "$REDIS_PID"
    say "Redis not running"
    return 0
  fi
  say "stopping Redis ..."
  # nosave: there are no RDB save points anyway; the AOF is flushed on shutdown.
  rcli shutdown nosave >/dev/null 2>&1 \
    || kill -TERM "$(<"$REDIS_PID")" 2>/dev/null || true
  wait_pid_gone "$REDIS_PID" redis-server || die "Redis (pid $(<"$REDIS_PID")) did not stop within ${READY_TIMEOUT}s"
  rm -f "$REDIS_PID"
  say "Redis stopped"
}

redis_status() {
  if redis_running; then
    say "Redis: running (pid $(<"$REDIS_PID"), $BIND_ADDR:$(redis_actual_port))"
  elif pid_alive "$REDIS_PID" redis-server; then
    say "Redis: process $(<"$REDIS_PID") alive but not answering"
    return 1
  else
    say "Redis: stopped"
    return 1
  fi
}

# --- Main --------------------------------------------------------------------

usage() {
  echo "usage: $0 {start|stop|status|replica-start|replica-stop}" >&2
  exit 2
}

main() {
  [[ $# -eq 1 ]] || usage
  case "$1" in
    start)
      mkdir -p "$DB_DIR" "$REPLICA_DIR" "$REDIS_DIR" "$LOG_DIR"
      ensure_packages
      db_start
      replica_start
      redis_start
      ;;
    replica-start)
      mkdir -p "$REPLICA_DIR" "$LOG_DIR"
      ensure_packages
      db_running || die "the primary is not running; use '$0 start'"
      replica_start
      ;;
    replica-stop)
      if command -v mariadb-admin >/dev/null 2>&1; then replica_stop; fi
      ;;
    stop)
      # Without the client tools nothing of ours can be running.
      if command -v mariadb-admin >/dev/null 2>&1; then replica_stop; db_stop; fi
      if command -v redis-cli >/dev/null 2>&1; then redis_stop; fi
      ;;
    status)
      local rc=0
      if command -v mariadb-admin >/dev/null 2>&1; then
        db_status || rc=3
        replica_status || rc=3
      else say "MariaDB: not installed"; rc=3; fi
      if command -v redis-cli >/dev/null 2>&1; then redis_status || rc=3; else say "Redis: not installed"; rc=3; fi
      exit "$rc"
      ;;
    *) usage ;;
  esac
}

main "$@"
