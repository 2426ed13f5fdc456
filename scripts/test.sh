#!/usr/bin/env bash
# The README's test command (`pnpm test`): starts PostgreSQL and Temporal (installing them, and
# Debian's Chromium for the browser tests, on a fresh machine), type-checks every package, lints,
# checks formatting, then runs every test with vitest.
# The last line is the count: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
LOG_TAG=test
source scripts/services/lib.sh

[[ -d node_modules/.pnpm ]] || pnpm install --frozen-lockfile
# The browser tests drive Debian's Chromium (never a downloaded browser).
[[ -x /usr/bin/chromium ]] || apt_install chromium
set -a
eval "$(bash scripts/services/up.sh)"
set +a

log "type-check"
pnpm -r --parallel typecheck
log "lint"
pnpm exec eslint . --max-warnings 0
log "format"
pnpm exec prettier --check . --log-level warn

log "tests"
mkdir -p .civicdesk
results=.civicdesk/vitest-results.json
status=0
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json="$results" "$@" || status=$?
if [[ -f $results ]]; then
  node -e '
    const r = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
    const skipped = r.numPendingTests + r.numTodoTests;
    console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
  ' "$results"
fi
exit "$status"
