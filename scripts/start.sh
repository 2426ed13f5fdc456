#!/usr/bin/env bash
# The README's start command (`pnpm start`): the whole platform with the Springfield demo city on the
# embedded default (PGlite for PostgreSQL, the Temporal dev server with its SQLite file), data under
# ./data. Installs what is missing first. Ctrl-C stops everything cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."
LOG_TAG=start
source scripts/services/lib.sh

command -v pnpm >/dev/null || die "pnpm is missing: npm i -g pnpm@10.34.9"
[[ -d node_modules/.pnpm ]] || pnpm install --frozen-lockfile
bash scripts/services/temporal.sh install
exec node --import tsx scripts/start.ts "$@"
