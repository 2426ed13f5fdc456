#!/usr/bin/env bash
# Installs and starts what the tests and CI need: PostgreSQL and the Temporal dev server. Services
# that already answer are reused. Progress goes to stderr; stdout is only env lines, so callers do
#   set -a; eval "$(scripts/services/up.sh)"; set +a
# Env: PGPORT, TEMPORAL_PORT, TEMPORAL_UI_PORT, TEMPORAL_DB_FILE (see postgres.sh and temporal.sh).
set -euo pipefail
LOG_TAG=up
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib.sh"

t0=$(date +%s%N)
"$here/postgres.sh" start
t1=$(date +%s%N)
"$here/temporal.sh" start
t2=$(date +%s%N)
log "postgres $(((t1 - t0) / 1000000)) ms, temporal $(((t2 - t1) / 1000000)) ms"

echo "DATABASE_URL=$("$here/postgres.sh" url)"
echo "TEMPORAL_ADDRESS=127.0.0.1:${TEMPORAL_PORT:-7233}"
