#!/usr/bin/env bash
# Debian's PostgreSQL server for tests and CI (see DESIGN.md, "Services").
#
#   scripts/services/postgres.sh install  # apt-get install postgresql (root), if no server is installed
#   scripts/services/postgres.sh start    # ensures a cluster on PGPORT runs, plus role and database civicdesk
#   scripts/services/postgres.sh stop     # stops the cluster only if this script started it
#   scripts/services/postgres.sh status   # exit 0 if the server accepts connections
#   scripts/services/postgres.sh url      # postgresql://civicdesk:civicdesk@127.0.0.1:PGPORT/civicdesk
#
# Env: PGPORT (5432), PG_START_TIMEOUT (60 s). The role is SUPERUSER because tests create and drop
# databases; it is a local test login, never a production setting.
set -euo pipefail
LOG_TAG=postgres
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT="${PGPORT:-5432}"
DB_USER=civicdesk
DB_PASSWORD=civicdesk
DB_NAME=civicdesk
URL="postgresql://$DB_USER:$DB_PASSWORD@127.0.0.1:$PORT/$DB_NAME"
START_TIMEOUT="${PG_START_TIMEOUT:-60}"
STARTED_MARK="$CIVICDESK_RUN/postgres-$PORT.started" # "VERSION CLUSTER" of a cluster this script started
# Other PG* variables would redirect psql and pg_isready; the scripts say exactly what they mean.
unset PGHOST PGHOSTADDR PGUSER PGDATABASE PGPASSWORD PGSERVICE PGOPTIONS

server_binary() { compgen -G '/usr/lib/postgresql/*/bin/postgres' | sort -V | tail -n 1; }

install() {
  if [[ -z "$(server_binary)" ]]; then
    apt_install postgresql
    [[ -n "$(server_binary)" ]] || die "postgresql installed but no /usr/lib/postgresql/*/bin/postgres found"
  fi
  command -v pg_lsclusters >/dev/null || apt_install postgresql-common
}

ready() { pg_isready -q -h 127.0.0.1 -p "$PORT" -t 1 >/dev/null 2>&1; }

# The role and database exist and the URL logs in: the fast path on a machine already set up.
url_works() {
  [[ "$(PGPASSWORD=$DB_PASSWORD PGCONNECT_TIMEOUT=3 psql "$URL" -XqAtc \
    "select rolsuper from pg_roles where rolname = current_user" 2>/dev/null)" == t ]]
}

# "VERSION CLUSTER STATUS" of the cluster configured for PORT, if any.
cluster_on_port() { pg_lsclusters -h 2>/dev/null | awk -v p="$PORT" '$3 == p { print $1, $2, $4; exit }'; }

# Runs a command as the postgres OS user (peer authentication), from / so that it can read its cwd.
as_postgres() (
  cd /
  if command -v runuser >/dev/null; then runuser -u postgres -- "$@"; else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
)

ensure_cluster_running() {
  local line version name status
  line="$(cluster_on_port)"
  if [[ -z $line ]]; then
    [[ $(id -u) == 0 ]] || die "no PostgreSQL cluster on port $PORT, and creating one needs root (or set PGPORT to a running cluster's port)"
    version="$(basename "$(dirname "$(dirname "$(server_binary)")")")"
    # Debian creates "VERSION main" on install; a second port gets its own cluster.
    if pg_lsclusters -h 2>/dev/null | awk -v v="$version" '$1 == v && $2 == "main" { f = 1 } END { exit !f }'; then
      name="civicdesk$PORT"
    else
      name=main
    fi
    log "creating cluster $version/$name on port $PORT"
    pg_createcluster -p "$PORT" "$version" "$name" >&2 9>&- || die "pg_createcluster $version $name failed"
    status=down
  else
    read -r version name status <<<"$line"
  fi
  if [[ $status != online* ]]; then
    [[ $(id -u) == 0 ]] || die "cluster $version/$name is $status; starting it needs root (sudo pg_ctlcluster $version $name start)"
    log "starting cluster $version/$name on port $PORT"
    # 9>&-: the server must not inherit (and hold) the start lock
    pg_ctlcluster "$version" "$name" start >&2 9>&- ||
      die "pg_ctlcluster $version $name start failed (log: /var/log/postgresql/postgresql-$version-$name.log)"
    echo "$version $name" >"$STARTED_MARK"
  fi
  local deadline=$(($(now) + START_TIMEOUT))
  until ready; do
    (($(now) < deadline)) || die "PostgreSQL on 127.0.0.1:$PORT not ready after ${START_TIMEOUT}s (log: /var/log/postgresql/postgresql-$version-$name.log)"
    sleep 0.2
  done
}

ensure_role_and_database() {
  [[ $(id -u) == 0 ]] || die "role $DB_USER or database $DB_NAME is missing; creating them needs root (to run psql as postgres)"
  log "ensuring role $DB_USER and database $DB_NAME"
  as_postgres psql -X -q -p "$PORT" -v ON_ERROR_STOP=1 -d postgres >/dev/null <<SQL || die "could not create role $DB_USER / database $DB_NAME (psql as postgres on port $PORT)"
DO \$\$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
    ALTER ROLE $DB_USER LOGIN SUPERUSER PASSWORD '$DB_PASSWORD';
  ELSE
    CREATE ROLE $DB_USER LOGIN SUPERUSER PASSWORD '$DB_PASSWORD';
  END IF;
END
\$\$;
SELECT 'CREATE DATABASE $DB_NAME OWNER $DB_USER' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB_NAME')
\gexec
SQL
  url_works || die "role and database exist but $URL does not log in (pg_hba.conf must allow password logins on 127.0.0.1)"
}

start() {
  install
  mkdir -p "$CIVICDESK_RUN"
  exec 9>"$CIVICDESK_RUN/postgres-$PORT.lock" # parallel callers wait, then find it running
  flock 9
  if ready; then
    url_works && return 0
  else
    ensure_cluster_running
    url_works && { log "accepting connections on 127.0.0.1:$PORT"; return 0; }
  fi
  ensure_role_and_database
  log "accepting connections on 127.0.0.1:$PORT"
}

stop() {
  if [[ ! -f $STARTED_MARK ]]; then
    if ready; then log "the server on port $PORT was not started by this script: left running"; else log "not running"; fi
    return 0
  fi
  local version name
  read -r version name <"$STARTED_MARK"
  log "stopping cluster $version/$name"
  pg_ctlcluster "$version" "$name" stop >&2 || die "pg_ctlcluster $version $name stop failed"
  rm -f "$STARTED_MARK"
}

status() {
  if ready; then
    local by=""
    [[ -f $STARTED_MARK ]] && by=" (started by this script)"
    echo "accepting connections on 127.0.0.1:$PORT$by"
    return 0
  fi
  echo "not accepting connections on 127.0.0.1:$PORT"
  return 1
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  url) echo "$URL" ;;
  *)
    echo "usage: $0 {install|start|stop|status|url}" >&2
    exit 2
    ;;
esac
